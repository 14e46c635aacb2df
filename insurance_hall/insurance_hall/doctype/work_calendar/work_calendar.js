// Work Calendar: the county's own days on top of the national calendar, and the admin's confirmation
// of a year's State Council arrangement (确认国务院放假安排), which recounts provisional deadlines once.
frappe.ui.form.on("Work Calendar", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.national_confirmed) {
			frm.dashboard.set_headline(__("本年放假安排已按国务院通知核对"), "green");
			return;
		}
		if (!frm.perm[0] || !frm.perm[0].write) return;
		frm.add_custom_button(__("确认国务院放假安排"), () => {
			frappe.confirm(
				__(
					"请确认已按国务院办公厅通知录入{0}年全部放假日和调休上班日。确认后，按暂定日历计算的在办期限将重新计算一次，且不能撤销。",
					[frm.doc.year]
				),
				() =>
					frappe
						.call({
							method: "insurance_hall.api.calendar.confirm_year",
							args: { year: frm.doc.year },
							freeze: true,
						})
						.then((r) => {
							frappe.show_alert({
								message: __("已核对，重新计算期限 {0} 件", [r.message.recounted]),
								indicator: "green",
							});
							frm.reload_doc();
						})
			);
		}).addClass("btn-primary");
	},
});
