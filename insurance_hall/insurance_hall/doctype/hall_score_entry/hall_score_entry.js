// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 考评登记: the items and events come from the county's table (insurance_hall.api.score.table); the server
// checks who may enter what, for which month.

frappe.ui.form.on("Hall Score Entry", {
	onload(frm) {
		frappe.xcall("insurance_hall.api.score.table").then((table) => {
			frm.__score_items = table.items || [];
			set_options(
				frm,
				"item",
				frm.__score_items.map((item) => ({
					value: item.key,
					label: `${item.label}（${item.kind === "entered" ? __("满分 {0}", [item.cap]) : item.events.join("、")}）`,
				}))
			);
			show_item(frm);
		});
		if (frm.is_new() && !frm.doc.year) {
			// the month just ended: the one evaluated now
			const last = frappe.datetime.add_months(frappe.datetime.get_today(), -1);
			frm.set_value("year", Number(last.slice(0, 4)));
			frm.set_value("month", Number(last.slice(5, 7)));
		}
	},
	item(frm) {
		show_item(frm);
	},
});

function set_options(frm, fieldname, options) {
	// an Autocomplete reads its options when it is made: hand them to the control as well
	frm.set_df_property(fieldname, "options", options);
	const control = frm.fields_dict[fieldname];
	if (control && control.set_data) control.set_data(options);
}

function show_item(frm) {
	const item = (frm.__score_items || []).find((it) => it.key === frm.doc.item);
	const entered = item && item.kind === "entered";
	frm.toggle_display("points", !item || entered);
	frm.toggle_display(["event", "times"], !item || !entered);
	frm.toggle_reqd("points", !!entered);
	frm.toggle_reqd("event", !!item && !entered);
	if (item && !entered) set_options(frm, "event", item.events);
	if (item && entered) frm.set_df_property("points", "description", __("0 到 {0} 分", [item.cap]));
}
