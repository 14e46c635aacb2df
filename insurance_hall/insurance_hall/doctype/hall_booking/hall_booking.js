// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// The clerk takes a desk or phone booking here; the server checks everything again (capacity under a
// lock, the person on duty, the bar). Serving and cancelling are actions of insurance_hall.api.booking.

frappe.ui.form.on("Hall Booking", {
	onload(frm) {
		frappe.xcall("insurance_hall.api.delay_service.rating_levels").then((levels) => {
			const labels = levels.map((level) => level.label);
			frm.set_df_property("satisfaction", "options", labels);
			// the Autocomplete control reads its options when it is made: hand them to it as well
			const control = frm.fields_dict.satisfaction;
			if (control && control.set_data) control.set_data(labels);
		});
		if (frm.is_new()) {
			frm.set_df_property("channel", "options", ["窗口", "电话"]);
		}
	},

	service_matter(frm) {
		if (frm.doc.service_matter && !frm.doc.window) {
			frappe.db.get_value("Service Matter", frm.doc.service_matter, "window").then((r) => {
				if (r.message && r.message.window) frm.set_value("window", r.message.window);
			});
		}
	},

	booking_date(frm) {
		show_free_slots(frm);
	},

	window(frm) {
		show_free_slots(frm);
	},

	refresh(frm) {
		const doc = frm.doc;
		if (!doc.__islocal && doc.materials_notice) {
			frm.dashboard.set_headline_alert(
				__("预约编号 {0}：{1} {2} 在 {3} 号窗口办理。请一次性告知申请人需带齐的材料（见“一次性告知材料”）", [
					doc.name, doc.booking_date, (doc.slot_time || "").slice(0, 5), doc.window,
				]),
				"blue"
			);
		}
		if (doc.status === "已预约" && !doc.__islocal) {
			frm.add_custom_button(__("办理完成"), () =>
				frappe.confirm(__("确认办理完成？办理情况将作为记录保存。"), () => act(frm, "serve", { name: doc.name }))
			);
			frm.add_custom_button(__("取消预约"), () => {
				frappe.prompt({ fieldname: "reason", fieldtype: "Small Text", label: __("取消原因"), reqd: 1 }, (v) =>
					act(frm, "cancel", { name: doc.name, reason: v.reason })
				);
			});
		}
	},
});

function show_free_slots(frm) {
	if (!frm.is_new() || !frm.doc.window || !frm.doc.booking_date) return;
	frappe
		.xcall("insurance_hall.api.booking.desk_slots", { window: frm.doc.window, day: frm.doc.booking_date })
		.then((slots) => {
			const text = slots.map((s) => `${s.time}（余 ${s.free}）`).join("，") || __("当天没有可预约时段");
			frm.set_df_property("slot_time", "description", __("可预约时段：") + text);
		});
}

function act(frm, method, args) {
	frappe.xcall(`insurance_hall.api.booking.${method}`, args).then(() => {
		frappe.show_alert({ message: __("已保存"), indicator: "green" });
		frm.reload_doc();
	});
}
