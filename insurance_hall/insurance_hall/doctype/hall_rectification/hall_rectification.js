// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 问题整改 (002 问题排查整改台账): the owner reports the fix (完成整改); somebody else verifies and closes it
// (验证销号), or sends it back. The server checks who may act: the owner never verifies their own fix.

const RECTIFICATION_API = "insurance_hall.api.registers.";

function rectification_call(frm, method, args) {
	return frappe
		.xcall(RECTIFICATION_API + method, { name: frm.doc.name, modified: frm.doc.modified, ...args })
		.then(() => frm.reload_doc());
}

frappe.ui.form.on("Hall Rectification", {
	refresh(frm) {
		const doc = frm.doc;
		if (doc.__islocal) return;
		const me = frappe.session.user;
		if (doc.status === "整改中" && doc.responsible === me) {
			frm.page.set_primary_action(__("完成整改"), () =>
				frappe.prompt(
					[{ fieldname: "result", fieldtype: "Small Text", label: __("整改情况"), reqd: 1 }],
					(values) => rectification_call(frm, "complete_rectification", values),
					__("完成整改")
				)
			);
		}
		if (doc.status === "待验证" && doc.responsible !== me && (doc.verifier === me || frappe.user.has_role("综合科"))) {
			frm.page.set_primary_action(__("验证销号"), () =>
				frappe.prompt(
					[
						{ fieldname: "passed", fieldtype: "Check", label: __("整改到位，予以销号"), default: 1 },
						{ fieldname: "note", fieldtype: "Small Text", label: __("验证意见") },
					],
					(values) => rectification_call(frm, "verify_rectification", { ...values, passed: values.passed ? 1 : 0 }),
					__("验证销号")
				)
			);
		}
	},
});
