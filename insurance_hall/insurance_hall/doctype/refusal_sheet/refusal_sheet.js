// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// Every workflow action of the sheet goes through insurance_hall.api.refusal_sheet.act, which asks
// for the opinion (or the answer) and checks on the server who may act; the standard workflow call
// is stopped so that no action is taken without an opinion.

const OPINION_ACTIONS = ["能办", "提级", "确认说不", "退回补充", "重新提交"];

frappe.ui.form.on("Refusal Sheet", {
	refresh(frm) {
		if (frm.doc.is_overdue) {
			frm.dashboard.set_headline_alert(__("已超过答复期限 {0}，请尽快处理", [frm.doc.due_date]), "red");
		} else if (frm.doc.due_date && frm.doc.workflow_state !== "已答复") {
			frm.dashboard.set_headline_alert(__("答复期限：{0}", [frm.doc.due_date]), "blue");
		}
		if (frm.doc.acting_for) {
			frm.dashboard.add_comment(__("{0} 代 {1} 审批", [frm.doc.current_approver, frm.doc.acting_for]), "yellow", true);
		}
		show_my_actions(frm);
	},

	before_workflow_action(frm) {
		// Frappe freezes the page before this hook; our dialog must stay clickable
		frappe.dom.unfreeze();
		// the promise never settles: the standard apply_workflow call must not run; closing the
		// dialog without an answer leaves the sheet as it was
		return new Promise(() => ask_and_act(frm, frm.selected_workflow_action));
	},
});

// Whoever the sheet waits for (the approver of the current level, or the filing clerk for a returned or
// decided sheet) sees, at the top of the form on any screen, the actions the Workflow lets them take
// now: one click opens the dialog with the opinion (or the answer).
function show_my_actions(frm) {
	const me = frappe.session.user;
	const approving = frm.doc.workflow_state === "审批中" && frm.doc.current_approver === me;
	const handling = frm.doc.owner === me && ["退回补充", "已办理", "已说不"].includes(frm.doc.workflow_state);
	if (frm.is_new() || !(approving || handling)) return;
	frappe.xcall("frappe.model.workflow.get_transitions", { doc: frm.doc }).then((transitions) => {
		const actions = [...new Set(transitions.map((t) => t.action))];
		if (!actions.length) return;
		const buttons = actions
			.map((action) => {
				const label = frappe.utils.escape_html(__(action));
				const style = action === "确认说不" || action === "退回补充" ? "btn-default" : "btn-primary";
				return `<button class="btn btn-sm ${style} ih-act" data-action="${label}" style="margin: 4px 8px 4px 0">${label}</button>`;
			})
			.join("");
		const level = frappe.utils.escape_html(frm.doc.current_level_label || "");
		const title = approving ? __("此事项待您审批") + (level ? "（" + level + "）" : "") : __("此事项待您办理");
		frm.dashboard.set_headline(
			`<div class="ih-my-actions"><div style="margin-bottom: 4px">${title}：</div>${buttons}</div>`,
			"yellow",
		);
		frm.layout.message.find(".ih-act").on("click", (event) => {
			ask_and_act(frm, actions.find((action) => __(action) === $(event.currentTarget).text()));
		});
	});
}

// ask for the opinion (or the answer) and take the action through the app's API
function ask_and_act(frm, action) {
	const call = (values) => {
		frappe.dom.freeze();
		frappe
			.xcall("insurance_hall.api.refusal_sheet.act", {
				name: frm.doc.name,
				action,
				modified: frm.doc.modified,
				...values,
			})
			.then(() => frm.reload_doc())
			.finally(() => frappe.dom.unfreeze());
	};
	if (action === "记录答复") {
		frappe.prompt(
			[
				{ fieldname: "reply_method", fieldtype: "Select", label: __("答复方式"), options: "电话\n书面", reqd: 1 },
				{ fieldname: "reply_note", fieldtype: "Small Text", label: __("电话记录/答复内容") },
				{ fieldname: "applicant_feedback", fieldtype: "Small Text", label: __("申请人意见反馈") },
				{
					fieldname: "filed_with_business_office",
					fieldtype: "Check",
					label: __("已抄送营商环境建设管理部门"),
					hidden: !frm.doc.chain_file_office,
				},
			],
			call,
			__("记录答复"),
			__("确定"),
		);
	} else if (OPINION_ACTIONS.includes(action)) {
		const fields = [{ fieldname: "opinion", fieldtype: "Small Text", label: __("审批意见"), reqd: 1 }];
		if (frm.doc.chain_meeting_allowed && ["能办", "确认说不"].includes(action)) {
			fields.push({ fieldname: "by_meeting", fieldtype: "Check", label: __("经中心办公会议集体讨论决定") });
		}
		frappe.prompt(fields, call, __(action), __("确定"));
	} else {
		call({});
	}
}
