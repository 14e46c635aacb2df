// 突发事件月度台账: a month's incidents, their reports, the arrival on the scene and the outcome (001 应急处理).

frappe.query_reports["突发事件月度台账"] = {
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
		{ fieldname: "kind", label: __("事件类别"), fieldtype: "Select", options: "\n人员聚集\n矛盾冲突\n系统故障\n群众突发疾病\n其他" },
		{ fieldname: "department", label: __("所涉科室"), fieldtype: "Link", options: "Hall Department" },
		{ fieldname: "status", label: __("状态"), fieldtype: "Select", options: "\n处置中\n已结束" },
	],
};
