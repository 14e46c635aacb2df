// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// A bar is set by the no-show job; the hall admin lifts it with a reason, kept in the record.
frappe.ui.form.on("Booking Bar", {
	refresh(frm) {
		if (frm.doc.status === "限制中" && frappe.user.has_role("大厅管理员")) {
			frm.add_custom_button(__("解除限制"), () => {
				frappe.prompt({ fieldname: "reason", fieldtype: "Small Text", label: __("解除理由"), reqd: 1 }, (v) =>
					frappe
						.xcall("insurance_hall.api.booking.lift_bar", { name: frm.doc.name, reason: v.reason })
						.then(() => frm.reload_doc())
				);
			});
		}
	},
});
