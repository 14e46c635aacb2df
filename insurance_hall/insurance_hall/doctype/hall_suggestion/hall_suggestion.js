// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 意见建议: a leader answers after study (答复, with 采纳); the server checks who may answer and, for a worker's
// adopted suggestion, enters the county's points on their monthly sheet.

frappe.ui.form.on("Hall Suggestion", {
	refresh(frm) {
		const doc = frm.doc;
		const leader = frappe.user.has_role("分管领导") || frappe.user.has_role("主要领导");
		if (!doc.__islocal && doc.status === "待答复" && leader && doc.proposer !== frappe.session.user) {
			frm.page.set_primary_action(__("答复"), () =>
				frappe.prompt(
					[
						{ fieldname: "answer", fieldtype: "Small Text", label: __("答复意见"), reqd: 1 },
						{ fieldname: "adopted", fieldtype: "Check", label: __("采纳") },
					],
					(values) =>
						frappe
							.xcall("insurance_hall.api.score.answer_suggestion", {
								name: doc.name,
								answer: values.answer,
								adopted: values.adopted ? 1 : 0,
								modified: doc.modified,
							})
							.then(() => frm.reload_doc()),
					__("研究答复")
				)
			);
		}
	},
});
