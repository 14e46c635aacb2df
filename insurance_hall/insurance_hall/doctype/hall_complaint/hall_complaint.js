// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// The complaint handler hands the complaint to a department (交办), records whether it was found true
// (查实), and the 经办人, 审核人 and 分管领导 sign the 总结分析表 in turn. Each button calls a whitelisted
// method of insurance_hall.api.complaint, which checks on the server who may act.

const COMPLAINT_API = "insurance_hall.api.complaint.";
const SIGNERS = [
	["handler", "经办人"],
	["reviewer", "审核人"],
	["leader", "分管领导"],
];

frappe.ui.form.on("Hall Complaint", {
	refresh(frm) {
		if (frm.is_new()) return;
		const call = (method, args) =>
			frappe.xcall(COMPLAINT_API + method, args).then(() => frm.reload_doc());
		if (frm.perm[0] && frm.perm[0].write && !frm.doc.closed_on_spot && frm.doc.outcome === "办理中") {
			frm.add_custom_button(__("交办承办单"), () => {
				frappe.prompt(
					[
						{ fieldname: "department", label: __("承办单位"), fieldtype: "Link", options: "Hall Department", reqd: 1, default: frm.doc.department },
						{ fieldname: "receiver", label: __("接收人（留空则为科室负责人）"), fieldtype: "Link", options: "User" },
					],
					(values) => call("issue_referral", { complaint_name: frm.doc.name, ...values }),
					__("交办承办单"),
					__("交办")
				);
			});
		}
		if (frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(frm.doc.found_true ? __("撤销查实") : __("经查属实"), () =>
				call("record_finding", { complaint_name: frm.doc.name, found_true: frm.doc.found_true ? 0 : 1 })
			);
		}
		const next = SIGNERS.find(([code]) => !frm.doc[`${code}_signed_at`]);
		if (next && frm.doc[`summary_${next[0]}`]) {
			frm.add_custom_button(__("以{0}身份签字", [next[1]]), () =>
				frappe.confirm(__("确认以{0}身份在总结分析表上签字？签字后不能修改。", [next[1]]), () =>
					call("sign_summary", { complaint_name: frm.doc.name, role: next[0] })
				)
			);
		}
		// a signed summary changes only after 重新打开, with a reason: every signature is cleared
		if (frm.doc.handler_signed_at && !frm.doc.leader_signed_at && frappe.user.has_role("投诉处理员")) {
			frm.add_custom_button(__("重新打开总结分析表"), () =>
				frappe.prompt(
					{ fieldname: "reason", fieldtype: "Small Text", label: __("理由"), reqd: 1 },
					(values) =>
						call("reopen_summary", {
							complaint_name: frm.doc.name,
							reason: values.reason,
							modified: frm.doc.modified,
						}),
					__("重新打开总结分析表（已有签字将被清除）"),
					__("重新打开")
				)
			);
		}
	},
});
