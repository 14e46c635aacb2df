// 排队叫号月度统计: per window and matter, a month's tickets, average and p90 wait, served, no-shows, transfers.

frappe.query_reports["排队叫号月度统计"] = {
	filters: [
		{ fieldname: "year", label: __("年度"), fieldtype: "Int", default: new Date().getFullYear(), reqd: 1 },
		{
			fieldname: "month",
			label: __("月份"),
			fieldtype: "Select",
			options: "1月\n2月\n3月\n4月\n5月\n6月\n7月\n8月\n9月\n10月\n11月\n12月",
			default: `${new Date().getMonth() + 1}月`,
			reqd: 1,
		},
		{ fieldname: "window", label: __("窗口"), fieldtype: "Link", options: "Service Window" },
	],
	formatter(value, row, column, data, default_formatter) {
		if (data && data.window === "合计") {
			return column.fieldname === "window" ? `<b>${__("合计")}</b>` : `<b>${default_formatter(value, row, column, data)}</b>`;
		}
		return default_formatter(value, row, column, data);
	},
};
