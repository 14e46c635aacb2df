// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// The handler confirms and 综合科 files through insurance_hall.api.delay_service, which checks on the
// server who may act; the satisfaction tick offers the county's rating scale.

frappe.ui.form.on("Delay Service Record", {
	onload(frm) {
		frappe.xcall("insurance_hall.api.delay_service.rating_levels").then((levels) => {
			const labels = levels.map((level) => level.label);
			frm.set_df_property("satisfaction", "options", labels);
			// the Autocomplete control reads its options when it is made: hand them to it as well
			const control = frm.fields_dict.satisfaction;
			if (control && control.set_data) control.set_data(labels);
		});
		if (frm.is_new() && !frm.doc.window) {
			// the clerk's own window (A post first, then B post)
			frappe.xcall("insurance_hall.api.hall.my_window").then((window) => {
				if (window && !frm.doc.window) frm.set_value("window", window);
			});
		}
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
		// filing (备案) is 综合科's action, through the server's checks: Frappe's own Submit is not offered
		if (doc.docstatus === 0 && frappe.user.has_role("综合科") && doc.handler !== frappe.session.user) {
			frm.page.clear_primary_action();
			frm.dashboard.clear_comment();
			if (doc.status === "待备案") {
				frm.page.set_primary_action(__("备案"), () => act(frm, "file"));
				frm.dashboard.add_comment(__("承办人和延时人均已确认，请核对后备案"), "blue", true);
			} else {
				frm.dashboard.add_comment(__("承办人和延时人都确认后才能备案"), "yellow", true);
			}
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
