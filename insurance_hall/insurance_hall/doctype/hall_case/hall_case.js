// 办件: the clerk's buttons. Every action is a call to insurance_hall.api.case (checked on the server).

const CASE_API = "insurance_hall.api.case.";

// what cannot be undone is asked first, and what happened is said (the trail line shows on reload)
const CONFIRM = {
	accept: [__("确认受理？受理后开始按工作日计算办结期限，材料和科室不能再改。"), __("已受理")],
	finish: [__("确认办结？办结后办件不能再办理或修改。"), __("已办结")],
	back_from_above: [__("确认上级已办理完毕，办件回到本窗口？"), __("已回到本窗口")],
};

function case_call(frm, method, args) {
	const run = () =>
		frappe
			.call({ method: CASE_API + method, args: { name: frm.doc.name, modified: frm.doc.modified, ...args } })
			.then(() => {
				if (CONFIRM[method]) frappe.show_alert({ message: CONFIRM[method][1], indicator: "green" });
				frm.reload_doc();
			});
	return CONFIRM[method] ? frappe.confirm(CONFIRM[method][0], run) : run();
}

function missing_materials(frm) {
	return (frm.doc.materials || []).filter((row) => !row.received).map((row) => row.material);
}

frappe.ui.form.on("Hall Case", {
	onload(frm) {
		if (frm.is_new() && !frm.doc.window) {
			// the clerk's own window (A post first, then B post)
			frappe.xcall("insurance_hall.api.hall.my_window").then((window) => {
				if (window && !frm.doc.window) frm.set_value("window", window);
			});
		}
	},

	service_matter(frm) {
		// the matter's list of materials, to tick what the applicant brought (what was ticked stays)
		if (!frm.doc.service_matter || frm.doc.status !== "咨询") return;
		frappe.db.get_doc("Service Matter", frm.doc.service_matter).then((matter) => {
			const ticked = {};
			(frm.doc.materials || []).forEach((row) => (ticked[row.material] = row.received));
			frm.clear_table("materials");
			(matter.materials || []).forEach((item) =>
				frm.add_child("materials", {
					material: item.material,
					may_be_missing: item.may_be_missing,
					received: ticked[item.material] || 0,
				})
			);
			frm.refresh_field("materials");
		});
	},

	refresh(frm) {
		if (frm.is_new()) {
			// a matter served at once: register and accept in one step
			frm.add_custom_button(__("登记并受理"), () =>
				frappe
					.call({ method: CASE_API + "register", args: { doc: frm.doc, accept: 1 }, freeze: true })
					.then((r) => frappe.set_route("Form", "Hall Case", r.message.name))
			);
			return;
		}
		const me = frappe.session.user;
		const holder = frm.doc.handler === me;
		const status = frm.doc.status;
		frm.add_custom_button(__("一次性告知书"), () => print_as(frm, "一次性告知书"), __("打印"));
		if (["已办结", "已退办", "咨询"].includes(frm.doc.status)) {
			frm.add_custom_button(__("评价邀请（二维码）"), () => rating_invitation(frm));
		}
		if (!frm.is_new() && frappe.model.can_create("Delay Service Record")) {
			// served after hours: the delay-service record starts from the case, citizen and matter carried over
			frm.add_custom_button(__("登记延时服务"), () =>
				frappe.new_doc("Delay Service Record", {
					hall_case: frm.doc.name,
					window: frm.doc.window,
					service_matter: frm.doc.service_matter,
					citizen_name: frm.doc.applicant_name,
					citizen_phone: frm.doc.contact_phone,
				})
			);
		}
		if (status === "容缺受理") {
			frm.add_custom_button(__("容缺受理告知承诺书"), () => print_as(frm, "容缺受理告知承诺书"), __("打印"));
		}
		if (frm.doc.extension_status === "已批准") {
			frm.add_custom_button(__("延期告知书（一式两份）"), () => print_as(frm, "延期告知书"), __("打印"));
		}
		if (frm.doc.service_mode === "代办") {
			frm.add_custom_button(__("代办通知单"), () => print_as(frm, "代办通知单"), __("打印"));
		}
		if (frm.doc.extension_status === "待审批" && frm.doc.extension_approver === me) {
			frm.add_custom_button(__("批准延期"), () => decide_extension(frm, 1), __("延期"));
			frm.add_custom_button(__("不批准延期"), () => decide_extension(frm, 0), __("延期"));
		}
		if (!holder) return;
		if (status === "咨询") {
			frm.add_custom_button(__("受理"), () => case_call(frm, "accept"), __("办理"));
			frm.add_custom_button(__("容缺受理"), () => rongque(frm), __("办理"));
		}
		if (["咨询", "已受理", "容缺受理"].includes(status)) {
			frm.add_custom_button(__("领办/导办"), () => refer(frm), __("办理"));
		}
		if (status === "已受理") {
			frm.add_custom_button(__("办结"), () => case_call(frm, "finish"), __("办理"));
		}
		if (["已受理", "容缺受理"].includes(status)) {
			if (missing_materials(frm).length) {
				frm.add_custom_button(__("登记补正材料"), () => supply(frm), __("办理"));
			}
			frm.add_custom_button(__("申请延期"), () => extension(frm), __("办理"));
			if (frm.doc.waiting_higher) {
				frm.add_custom_button(__("上级办理完毕"), () => case_call(frm, "back_from_above"), __("办理"));
			} else {
				frm.add_custom_button(__("报上级审批"), () => ask(frm, "send_up", "note", __("报送说明")), __("办理"));
			}
			frm.add_custom_button(
				__("申请人原因延误"),
				() => ask(frm, "mark_applicant_delay", "reason", __("申请人原因")),
				__("办理")
			);
		}
	},
});

function ask(frm, method, field, label) {
	frappe.prompt([{ fieldname: field, label, fieldtype: "Small Text", reqd: 1 }], (v) =>
		case_call(frm, method, v)
	);
}

function rongque(frm) {
	const fields = [];
	missing_materials(frm).forEach((material, i) => {
		fields.push({ fieldtype: "Section Break", label: material });
		fields.push({ fieldname: `method_${i}`, label: __("补正方式"), fieldtype: "Data", default: "现场提交" });
		fields.push({ fieldname: `date_${i}`, label: __("补正时间"), fieldtype: "Date", reqd: 1 });
	});
	frappe.prompt(fields, (v) => {
		const promises = missing_materials(frm).map((material, i) => ({
			material,
			supply_method: v[`method_${i}`],
			promised_date: v[`date_${i}`],
		}));
		case_call(frm, "accept_rongque", { promises: JSON.stringify(promises) });
	}, __("容缺受理：每项容缺材料的补正方式和时间"));
}

function supply(frm) {
	frappe.prompt(
		[{ fieldname: "materials", label: __("收到的材料"), fieldtype: "MultiSelect", options: missing_materials(frm), reqd: 1 }],
		(v) => {
			const materials = v.materials.split(",").map((s) => s.trim()).filter(Boolean);
			case_call(frm, "supply", { materials: JSON.stringify(materials) });
		}
	);
}

function refer(frm) {
	frappe.prompt(
		[
			{ fieldname: "kind", label: __("转办方式"), fieldtype: "Select", options: "领办\n导办", reqd: 1 },
			{ fieldname: "department", label: __("承办科室"), fieldtype: "Link", options: "Hall Department", reqd: 1 },
			{ fieldname: "to_user", label: __("接办人（不填则按科室职责清单）"), fieldtype: "Link", options: "User" },
			{ fieldname: "note", label: __("说明"), fieldtype: "Small Text" },
		],
		(v) => frappe.call({ method: CASE_API + "refer", args: { name: frm.doc.name, ...v } }).then(() => frm.reload_doc())
	);
}

function extension(frm) {
	frappe.prompt(
		[
			{ fieldname: "reason", label: __("延期理由"), fieldtype: "Small Text", reqd: 1 },
			{ fieldname: "new_date", label: __("新的办结期限"), fieldtype: "Date", reqd: 1 },
		],
		(v) => case_call(frm, "request_extension", v)
	);
}

function decide_extension(frm, approve) {
	frappe.prompt([{ fieldname: "opinion", label: __("审批意见"), fieldtype: "Small Text" }], (v) =>
		case_call(frm, "decide_extension", { approve, opinion: v.opinion })
	);
}

// frm.print_doc() always opens the default format: each paper form opens in its own print view
function print_as(frm, format) {
	const query = $.param({ doctype: frm.doctype, name: frm.doc.name, format, no_letterhead: 1 });
	window.open(frappe.urllib.get_full_url(`/printview?${query}`));
}

// 一事一评: a single-use rating link and its QR code, shown on the window's screen for the citizen to scan
function rating_invitation(frm) {
	frappe.xcall("insurance_hall.api.rating.invite", { doctype: frm.doctype, name: frm.doc.name }).then((invite) => {
		const dialog = new frappe.ui.Dialog({
			title: __("请服务对象扫码评价"),
			fields: [{ fieldtype: "HTML", fieldname: "qr" }],
		});
		dialog.fields_dict.qr.$wrapper.html(
			`<div style="text-align:center">${invite.qr_svg}
			<p>${__("手机扫码或打开链接评价，{0} 小时内有效，只能评价一次", [invite.hours])}</p>
			<p style="word-break:break-all"><a href="${encodeURI(invite.url)}" target="_blank">${frappe.utils.escape_html(invite.url)}</a></p></div>`
		);
		dialog.show();
	});
}
