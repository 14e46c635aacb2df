// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// The handler confirms and 综合科 files through insurance_hall.api.delay_service, which checks on the
// server who may act; the satisfaction tick offers the county's rating scale.

frappe.ui.form.on("Delay Service Record", {
	onload(frm) {
		frappe.xcall("insurance_hall.api.delay_service.rating_levels").then((levels) => {
			frm.set_df_property("satisfaction", "options", levels.map((level) => level.label));
		});
	},

	refresh(frm) {
		const doc = frm.doc;
		if (doc.extension_minutes || doc.adjusted_minutes) {
			frm.dashboard.set_headline_alert(
				__("延时 {0} 分钟（下班时间 {1}）", [doc.adjusted_minutes || doc.extension_minutes, (doc.closing_time || "").slice(0, 5)]),
				"blue"
			);
		}
		if (doc.docstatus === 0 && !doc.__islocal && !doc.handler_confirmed && doc.handler === frappe.session.user) {
			frm.add_custom_button(__("承办人确认"), () => act(frm, "confirm_handler"));
		}
		if (doc.status === "待备案" && frappe.user.has_role("综合科")) {
			frm.add_custom_button(__("备案"), () => act(frm, "file")).addClass("btn-primary");
		}
		if (doc.docstatus === 1 && frappe.user.has_role("综合科")) {
			frm.add_custom_button(__("登记回访"), () =>
				frappe.new_doc("Delay Service Visit", { record: doc.name })
			);
		}
	},
});

function act(frm, method) {
	frappe
		.xcall(`insurance_hall.api.delay_service.${method}`, { name: frm.doc.name, modified: frm.doc.modified })
		.then(() => frm.reload_doc());
}
