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
		const signed = doc.handler_confirmed || doc.citizen_confirmation;
		if (doc.docstatus === 0 && signed && (doc.handler === frappe.session.user || frappe.user.has_role("综合科"))) {
			frm.add_custom_button(__("重新打开"), () => {
				frappe.prompt(
					{ fieldname: "reason", fieldtype: "Small Text", label: __("理由"), reqd: 1 },
					(values) =>
						frappe
							.xcall("insurance_hall.api.delay_service.reopen", {
								name: doc.name,
								reason: values.reason,
								modified: doc.modified,
							})
							.then(() => {
								frappe.show_alert({ message: __("已重新打开：确认和签字已清除"), indicator: "orange" });
								frm.reload_doc();
							}),
					__("重新打开登记表（确认和签字将被清除）"),
					__("重新打开")
				);
			});
		}
		if (doc.docstatus === 1 && frappe.user.has_role("综合科")) {
			frm.add_custom_button(__("登记回访"), () =>
				frappe.new_doc("Delay Service Visit", { record: doc.name })
			);
		}
	},
});

const CONFIRM = {
	confirm_handler: [__("确认后登记表内容不能再修改；如需修改，须“重新打开”写明理由并重新签字。"), __("已确认")],
	file: [__("备案后登记表不能再修改、作废或删除。确认备案？"), __("已备案")],
};

function act(frm, method) {
	frappe.confirm(CONFIRM[method][0], () =>
		frappe
			.xcall(`insurance_hall.api.delay_service.${method}`, { name: frm.doc.name, modified: frm.doc.modified })
			.then(() => {
				frappe.show_alert({ message: CONFIRM[method][1], indicator: "green" });
				frm.reload_doc();
			})
	);
}
