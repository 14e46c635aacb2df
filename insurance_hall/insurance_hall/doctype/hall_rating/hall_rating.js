// 好差评: the checker concludes the check, reports the fix, and records the return visit, each an action.
frappe.ui.form.on("Hall Rating", {
	refresh(frm) {
		if (frm.is_new()) return;
		const call = (method, args) =>
			frappe.call({ method: `insurance_hall.api.rating.${method}`, args: { name: frm.doc.name, ...args } })
				.then(() => frm.reload_doc());
		if (frm.doc.state === "待核实") {
			frm.add_custom_button(__("核实"), () => {
				frappe.prompt(
					[
						{ fieldname: "conclusion", fieldtype: "Select", label: __("核实结论"), reqd: 1,
							options: "差评属实\n误评\n恶意差评" },
						{ fieldname: "note", fieldtype: "Small Text", label: __("核实情况"), reqd: 1 },
					],
					(v) => call("conclude_check", v), __("差评核实"));
			}).addClass("btn-primary");
		}
		if (frm.doc.state === "待整改") {
			frm.add_custom_button(__("整改报告"), () => {
				frappe.prompt([{ fieldname: "report", fieldtype: "Text", label: __("整改情况报告"), reqd: 1 }],
					(v) => call("report_fix", v), __("差评整改"));
			}).addClass("btn-primary");
		}
		if (frm.doc.state === "待回访") {
			frm.add_custom_button(__("登记回访"), () => {
				frappe.prompt([{ fieldname: "note", fieldtype: "Small Text", label: __("回访情况"), reqd: 1 }],
					(v) => call("record_visit", v), __("差评回访"));
			}).addClass("btn-primary");
		}
	},
});
