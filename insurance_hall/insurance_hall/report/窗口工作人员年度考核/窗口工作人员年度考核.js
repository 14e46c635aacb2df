// 窗口工作人员年度考核: each window worker's twelve monthly scores and the year's mean (002: "推行每月一考评和
// 一年一考核相结合").

frappe.query_reports["窗口工作人员年度考核"] = {
	filters: [
		{ fieldname: "year", label: __("年度"), fieldtype: "Int", default: new Date().getFullYear(), reqd: 1 },
	],
};
