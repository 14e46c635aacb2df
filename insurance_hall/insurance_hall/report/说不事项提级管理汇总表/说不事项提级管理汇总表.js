// 说“不”事项提级管理汇总表 (003 南阳, 附件3): filled per quarter ("填报时间：20 年第 季度").

frappe.query_reports["说不事项提级管理汇总表"] = {
	filters: [
		{
			fieldname: "year",
			label: __("年度"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		},
		{
			fieldname: "quarter",
			label: __("季度"),
			fieldtype: "Select",
			options: "1\n2\n3\n4",
			default: String(Math.floor(new Date().getMonth() / 3) + 1),
			reqd: 1,
		},
		{
			fieldname: "department",
			label: __("科室"),
			fieldtype: "Link",
			options: "Hall Department",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		if (data && data.department === "合计") {
			// the totals row is not a department: no link, in bold
			if (column.fieldname === "department") {
				return `<b>${__("合计")}</b>`;
			}
			return `<b>${default_formatter(value, row, column, data)}</b>`;
		}
		if (column.fieldname === "main_refusal_reasons" && value) {
			return frappe.utils.escape_html(value).replace(/\n/g, "<br>");
		}
		return default_formatter(value, row, column, data);
	},
};
