// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 排队号: the window that holds the ticket acts on it from its Service Window form (叫下一位, 重呼, 过号,
// 暂挂, 转移, 办结); here, a link back to that window and to the case the call opened.

frappe.ui.form.on("Hall Queue Ticket", {
	refresh(frm) {
		if (frm.doc.window) {
			frm.add_custom_button(__("到窗口叫号"), () => frappe.set_route("Form", "Service Window", frm.doc.window));
		}
		if (frm.doc.hall_case) {
			frm.add_custom_button(__("打开办件"), () => frappe.set_route("Form", "Hall Case", frm.doc.hall_case));
		}
	},
});
