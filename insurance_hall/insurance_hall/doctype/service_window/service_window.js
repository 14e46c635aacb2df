// Copyright (c) 2026, insurance_hall developers
// For license information, please see license.txt

// 排队叫号 at the window: the person on duty today (A, B or stand-in) calls the next number, picks one,
// recalls, marks no-show, holds, transfers and finishes; the server checks who holds the window.

const QUEUE_API = "insurance_hall.api.queue.";

function queue_act(frm, ticket, action, target) {
	return frappe
		.xcall(QUEUE_API + "act", { name: ticket, window: frm.doc.name, action, target })
		.then(() => frm.trigger("show_queue"));
}

// window_state answers GET only (frappe.xcall always posts)
function window_state(frm) {
	return frappe
		.call({ method: QUEUE_API + "window_state", args: { window: frm.doc.name }, type: "GET" })
		.then((r) => r.message);
}

frappe.ui.form.on("Service Window", {
	refresh(frm) {
		if (frm.doc.__islocal || !frm.doc.in_service) return;
		frm.trigger("show_queue");
		if (!frm.__queue_listening) {
			frm.__queue_listening = true;
			frappe.realtime.on("hall_queue", () => {
				if (cur_frm === frm) frm.trigger("show_queue");
			});
		}
	},
	show_queue(frm) {
		window_state(frm).then((state) => {
			frm.clear_custom_buttons();
			const group = __("排队叫号");
			const current = state.current;
			const lines = [];
			lines.push(current ? `${__("当前")}：${current.ticket_no}（${current.status}，${current.service_matter}）` : __("当前无人办理"));
			if (state.held.length) lines.push(`${__("暂挂")}：${state.held.map((h) => h.ticket_no).join("、")}`);
			lines.push(`${__("本窗口等候")}：${state.waiting.length} ${__("人")}`);
			frm.dashboard.clear_headline();
			frm.dashboard.set_headline(frappe.utils.escape_html(lines.join("　")));
			if (state.on_duty !== frappe.session.user) return;
			if (!current) {
				frm.add_custom_button(__("叫下一位"), () =>
					frappe.xcall(QUEUE_API + "call_next", { window: frm.doc.name }).then((t) => {
						if (!t) frappe.show_alert({ message: __("当前没有等候的群众"), indicator: "orange" });
						frm.trigger("show_queue");
					}), group);
				if (state.waiting.length) {
					frm.add_custom_button(__("选叫"), () =>
						frappe.prompt(
							[{ fieldname: "ticket", fieldtype: "Select", label: __("排队号"), reqd: 1,
								options: state.waiting.map((w) => ({ value: w.name, label: `${w.ticket}（${w.matter}）` })) }],
							(v) => frappe.xcall(QUEUE_API + "pick", { name: v.ticket, window: frm.doc.name })
								.then(() => frm.trigger("show_queue")),
							__("选叫")
						), group);
				}
			} else {
				frm.add_custom_button(__("重呼"), () => queue_act(frm, current.name, "重呼"), group);
				if (current.status === "叫号中") {
					frm.add_custom_button(__("开始办理"), () => queue_act(frm, current.name, "开始办理"), group);
					frm.add_custom_button(__("过号"), () => queue_act(frm, current.name, "过号"), group);
				}
				frm.add_custom_button(__("暂挂"), () => queue_act(frm, current.name, "暂挂"), group);
				frm.add_custom_button(__("转移"), () =>
					frappe.prompt(
						[{ fieldname: "target", fieldtype: "Link", options: "Service Window", label: __("转往窗口"), reqd: 1 }],
						(v) => queue_act(frm, current.name, "转移", v.target),
						__("转移到其他窗口")
					), group);
				frm.add_custom_button(__("办结"), () => queue_act(frm, current.name, "办结"), group);
				if (current.hall_case) {
					frm.add_custom_button(__("打开办件"), () => frappe.set_route("Form", "Hall Case", current.hall_case), group);
				}
			}
			state.held.forEach((h) =>
				frm.add_custom_button(`${__("重呼")} ${h.ticket_no}`, () => queue_act(frm, h.name, "重呼"), group)
			);
		});
	},
});
