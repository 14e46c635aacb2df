// 办件按时办结月报: each window's on-time rate for a month (002 §四 限时办结).

frappe.query_reports["办件按时办结月报"] = {
	filters: [
		{
			fieldname: "month",
			label: __("月份"),
			fieldtype: "Date",
			default: frappe.datetime.month_start(),
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
