// 吐槽找茬投诉月度统计: complaints of a month (or a whole year) by department, window, channel and outcome.

frappe.query_reports["吐槽找茬投诉月度统计"] = {
	filters: [
		{ fieldname: "year", label: __("年度"), fieldtype: "Int", default: new Date().getFullYear(), reqd: 1 },
		{
			fieldname: "month",
			label: __("月份"),
			fieldtype: "Select",
			options: "\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12",
			default: `${new Date().getMonth() + 1}月`,
		},
		{ fieldname: "department", label: __("所涉及部门"), fieldtype: "Link", options: "Hall Department" },
		{ fieldname: "window", label: __("所涉及窗口"), fieldtype: "Link", options: "Service Window" },
		{ fieldname: "channel", label: __("受理方式"), fieldtype: "Link", options: "Complaint Channel" },
	],
	formatter(value, row, column, data, default_formatter) {
		if (data && data.month === "合计") {
			return `<b>${column.fieldname === "month" ? __("合计") : default_formatter(value, row, column, data)}</b>`;
		}
		return default_formatter(value, row, column, data);
	},
};
