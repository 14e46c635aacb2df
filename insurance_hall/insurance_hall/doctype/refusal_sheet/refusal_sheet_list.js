// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

frappe.listview_settings["Refusal Sheet"] = {
	add_fields: ["is_overdue", "workflow_state", "due_date"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		if (doc.is_overdue) {
			return [__("已超期"), "red", "is_overdue,=,1"];
		}
		const colours = { 草稿: "gray", 审批中: "orange", 退回补充: "red", 已办理: "green", 已说不: "darkgrey", 已答复: "blue" };
		return [__(doc.workflow_state), colours[doc.workflow_state] || "gray", "workflow_state,=," + doc.workflow_state];
	},
};
