// 办件按时办结月报: each window's on-time rate for a month (002 §四 限时办结).

frappe.query_reports["办件按时办结月报"] = {
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
		{
			fieldname: "department",
			label: __("科室"),
			fieldtype: "Link",
			options: "Hall Department",
		},
	],
};
