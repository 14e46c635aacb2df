// 窗口工作人员月度考评: each window worker's month on the county's 100-point table (002), counted from the
// records; 文明窗口 and the window with the most dissatisfied votes of the month (004 第八条).

frappe.query_reports["窗口工作人员月度考评"] = {
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
	],
};
