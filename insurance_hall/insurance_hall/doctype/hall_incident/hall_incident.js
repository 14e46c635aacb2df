// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 突发事件登记 (001 应急处理): 报告 (by phone or in writing, to a post of the county's chain or a body outside,
// with its time), 到场 (the 应急维稳工作组 on the scene) and 结束 (with the outcome). The server checks who may
// act and refuses to end an incident never reported.

const INCIDENT_API = "insurance_hall.api.registers.";
const INCIDENT_HANDLERS = ["科室负责人", "分管领导", "主要领导", "综合科", "大厅管理员"];

function incident_call(frm, method, args) {
	return frappe
		.xcall(INCIDENT_API + method, { name: frm.doc.name, modified: frm.doc.modified, ...args })
		.then(() => frm.reload_doc());
}

frappe.ui.form.on("Hall Incident", {
	refresh(frm) {
		const doc = frm.doc;
		const handler = INCIDENT_HANDLERS.some((role) => frappe.user.has_role(role));
		if (doc.__islocal || doc.status !== "处置中" || !handler) return;
		frm.add_custom_button(__("报告"), () =>
			frappe.xcall(INCIDENT_API + "incident_posts").then((posts) =>
				frappe.prompt(
					[
						{
							fieldname: "post",
							fieldtype: "Select",
							label: __("报告岗位"),
							reqd: 1,
							options: posts.map((p) => ({ value: p.value, label: p.label })),
						},
						{
							fieldname: "to_whom",
							fieldtype: "Data",
							label: __("报告对象（名称）"),
							depends_on: "eval:doc.post==='上级部门'",
						},
						{ fieldname: "way", fieldtype: "Select", label: __("报告方式"), options: "电话\n书面", reqd: 1 },
						{ fieldname: "at", fieldtype: "Datetime", label: __("报告时间"), default: frappe.datetime.now_datetime() },
					],
					(values) => incident_call(frm, "report_incident", values),
					__("立即电话或书面报告")
				)
			)
		);
		if (!doc.arrived_at) {
			frm.add_custom_button(__("到场"), () =>
				frappe.prompt(
					[
						{ fieldname: "at", fieldtype: "Datetime", label: __("到场时间"), default: frappe.datetime.now_datetime() },
						{ fieldname: "note", fieldtype: "Small Text", label: __("说明") },
					],
					(values) => incident_call(frm, "arrive_incident", values),
					__("应急维稳工作组到场")
				)
			);
		}
		frm.add_custom_button(__("结束"), () =>
			frappe.prompt(
				[
					{ fieldname: "measures", fieldtype: "Small Text", label: __("处置措施"), default: doc.measures },
					{ fieldname: "outcome", fieldtype: "Small Text", label: __("处置结果"), default: doc.outcome, reqd: 1 },
					{ fieldname: "follow_up", fieldtype: "Small Text", label: __("善后处理"), default: doc.follow_up },
				],
				(values) => incident_call(frm, "close_incident", values),
				__("结束突发事件")
			)
		);
	},
});
