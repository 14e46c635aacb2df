// The window's day list: today's bookings by window, those still waiting first.
frappe.listview_settings["Hall Booking"] = {
	add_fields: ["status", "booking_date", "slot_time", "window"],
	filters: [["booking_date", "=", frappe.datetime.get_today()]],
	get_indicator(doc) {
		const colours = { 已预约: "blue", 已办理: "green", 爽约: "red", 已取消: "gray" };
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
