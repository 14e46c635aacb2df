// Several citizens served late at one window, recorded in one go (all of them or none).
frappe.listview_settings["Delay Service Record"] = {
	// the record's own state (待备案 waits for 综合科), not Frappe's generic “Draft” of an unsubmitted record
	add_fields: ["status"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		const colours = { 草稿: "gray", 待备案: "orange", 已备案: "green" };
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
	onload(listview) {
		if (!frappe.model.can_create("Delay Service Record")) return;
		listview.page.add_inner_button(__("批量登记"), () => {
			const dialog = new frappe.ui.Dialog({
				title: __("批量登记延时服务"),
				fields: [
					{ fieldname: "window", fieldtype: "Link", options: "Service Window", label: __("延时服务窗口"), reqd: 1 },
					{ fieldname: "service_date", fieldtype: "Date", label: __("服务日期"), default: frappe.datetime.get_today(), reqd: 1 },
					{ fieldname: "served_until", fieldtype: "Time", label: __("服务结束时间"), reqd: 1 },
					{
						fieldname: "rows",
						fieldtype: "Table",
						label: __("服务对象"),
						in_place_edit: true,
						fields: [
							{ fieldname: "citizen_name", fieldtype: "Data", label: __("服务对象姓名"), in_list_view: 1, reqd: 1 },
							{ fieldname: "citizen_phone", fieldtype: "Data", label: __("联系电话"), in_list_view: 1, reqd: 1 },
							{ fieldname: "matter_text", fieldtype: "Data", label: __("延时事项"), in_list_view: 1 },
							{ fieldname: "handling_result", fieldtype: "Data", label: __("办理情况"), in_list_view: 1, reqd: 1 },
						],
					},
				],
				primary_action_label: __("保存"),
				primary_action(values) {
					frappe
						.xcall("insurance_hall.api.delay_service.record_batch", {
							window: values.window,
							service_date: values.service_date,
							served_until: values.served_until,
							rows: JSON.stringify(values.rows || []),
						})
						.then((names) => {
							dialog.hide();
							frappe.show_alert({ message: __("已登记 {0} 张延时服务登记表", [names.length]), indicator: "green" });
							listview.refresh();
						});
				},
			});
			dialog.show();
		});
	},
};
