// 好差评月度统计: per window and staff member, a month's ratings by level, the satisfied share, the best
// and the worst window, bad ratings with their check and fix state (004 开原 第七、八条).

frappe.query_reports["好差评月度统计"] = {
	filters: [
		{ fieldname: "year", label: __("年度"), fieldtype: "Int", default: new Date().getFullYear(), reqd: 1 },
		{
			fieldname: "month",
			label: __("月份"),
			fieldtype: "Select",
			options: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12",
			default: String(new Date().getMonth() + 1),
			reqd: 1,
		},
		{ fieldname: "window", label: __("窗口"), fieldtype: "Link", options: "Service Window" },
	],
};
