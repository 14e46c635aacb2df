// 好差评月度统计: per window and staff member, a month's ratings by level, the satisfied share, the best
// and the worst window, bad ratings with their check and fix state (004 开原 第七、八条).

frappe.query_reports["好差评月度统计"] = {
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
};
