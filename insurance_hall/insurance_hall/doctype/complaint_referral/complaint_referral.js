// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// The receiver named on the 承办单 receives it and closes it; the server checks it is them (or their
// stand-in) and that "not solved" carries the policy explanation (窗口无否决权).

const REFERRAL_API = "insurance_hall.api.complaint.";

frappe.ui.form.on("Complaint Referral", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status === "已办结" || frm.doc.receiver !== frappe.session.user) return;
		if (frm.doc.is_overdue) {
			frm.dashboard.set_headline_alert(__("已超过办结期限 {0}，请尽快办结", [frm.doc.due_date]), "red");
		} else if (frm.doc.due_date) {
			frm.dashboard.set_headline_alert(__("办结期限：{0}", [frm.doc.due_date]), "blue");
		}
		const call = (method, args) =>
			frappe.xcall(REFERRAL_API + method, { name: frm.doc.name, ...args }).then(() => frm.reload_doc());
		if (frm.doc.status === "待接收") {
			frm.add_custom_button(__("接收"), () => call("receive_referral", {}));
		}
		frm.add_custom_button(__("办结"), () => {
			frappe.prompt(
				[
					{ fieldname: "solved", label: __("问题是否解决"), fieldtype: "Select", options: "是\n否", reqd: 1 },
					{ fieldname: "measures", label: __("办理单位解决问题措施"), fieldtype: "Small Text", reqd: 1 },
					{ fieldname: "policy_explanation", label: __("政策性原因及解释（未解决时必填）"), fieldtype: "Small Text", depends_on: "eval:doc.solved==='否'" },
					{ fieldname: "satisfied", label: __("诉求人是否满意"), fieldtype: "Select", options: "\n满意\n基本满意\n不满意" },
					{ fieldname: "leader_instruction", label: __("办理单位领导批示"), fieldtype: "Small Text" },
				],
				(values) => call("close_referral", values),
				__("办结承办单"),
				__("办结")
			);
		});
	},
});
