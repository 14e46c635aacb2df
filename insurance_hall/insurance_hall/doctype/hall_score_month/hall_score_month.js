// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 月度考评: the month goes up the county's chain (提交, 同意, 退回), then 局办公室 publishes (公示) or reopens it
// with a reason; every action goes through insurance_hall.api.score, which checks on the server who may act.

frappe.ui.form.on("Hall Score Month", {
	onload(frm) {
		frappe.xcall("insurance_hall.api.score.table").then((table) => {
			frm.__score = table;
			frm.fields_dict.titles.grid.update_docfield_property("title", "options", ["", ...(table.titles || [])]);
			frm.refresh();
		});
		if (frm.is_new() && !frm.doc.year) {
			const last = frappe.datetime.add_months(frappe.datetime.get_today(), -1);
			frm.set_value("year", Number(last.slice(0, 4)));
			frm.set_value("month", Number(last.slice(5, 7)));
		}
	},

	refresh(frm) {
		const doc = frm.doc;
		const table = frm.__score;
		if (doc.__islocal || !table) return;
		frm.add_custom_button(__("查看考评表"), () =>
			frappe.set_route("query-report", "窗口工作人员月度考评", { year: doc.year, month: doc.month })
		);
		if (doc.status === "评定中" || doc.status === "审核中") {
			const step = table.chain[doc.level || 0];
			if (step && frappe.user.has_role(step.role)) {
				const label = doc.status === "评定中" ? __("提交审核") : __("同意（{0}）", [step.label]);
				frm.page.set_primary_action(label, () => act(frm, "advance", { opinion: __("意见") }));
				if (doc.status === "审核中") {
					frm.add_custom_button(__("退回"), () => act(frm, "send_back", { opinion: __("需要更正的内容") }, true));
				}
			}
		}
		if (doc.status === "已确认" && frappe.user.has_role(table.publisher)) {
			frm.page.set_primary_action(__("公示"), () => act(frm, "publish"));
		}
		if ((doc.status === "已确认" || doc.status === "已公示") && frappe.user.has_role(table.publisher)) {
			frm.add_custom_button(__("重新打开"), () => act(frm, "reopen", { reason: __("更正理由") }, true));
		}
		if (doc.waiting_for) frm.dashboard.set_headline_alert(__("待办：{0}", [doc.waiting_for]), "blue");
	},
});

function act(frm, method, prompt, required) {
	const call = (values) =>
		frappe
			.xcall(`insurance_hall.api.score.${method}`, { name: frm.doc.name, modified: frm.doc.modified, ...(values || {}) })
			.then(() => frm.reload_doc());
	if (!prompt) return frappe.confirm(__("确定要执行该操作吗？"), () => call());
	const [fieldname, label] = Object.entries(prompt)[0];
	frappe.prompt({ fieldname, fieldtype: "Small Text", label, reqd: required ? 1 : 0 }, call, label);
}
