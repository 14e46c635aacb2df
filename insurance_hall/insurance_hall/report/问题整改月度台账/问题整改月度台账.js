// 问题整改月度台账: a month's problems in the columns of 002's 问题排查整改台账, with their course and 销号.

frappe.query_reports["问题整改月度台账"] = {
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
		{ fieldname: "source", label: __("问题来源"), fieldtype: "Select", options: "\n检查\n投诉\n评价\n自查" },
		{ fieldname: "department", label: __("责任科室"), fieldtype: "Link", options: "Hall Department" },
		{ fieldname: "status", label: __("状态"), fieldtype: "Select", options: "\n整改中\n待验证\n已销号" },
		{ fieldname: "responsible", label: __("责任人"), fieldtype: "Link", options: "User" },
	],
};
