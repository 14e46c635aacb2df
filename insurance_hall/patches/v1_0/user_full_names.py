"""People show by name, not e-mail: Frappe's User link formatter reads `<field>_full_name`, which each hall
form now fetches from the user; records of the previous release get it filled once."""

import frappe

FIELDS = {
	"Hall Case": ("first_responder", "handler"),
	"Refusal Sheet": ("first_responder", "current_approver"),
	"Complaint Referral": ("receiver",),
	"Hall Rating": ("staff", "checker"),
}


def execute() -> None:
	user = frappe.qb.DocType("User")
	for doctype, fields in FIELDS.items():
		table = frappe.qb.DocType(doctype)
		for field in fields:
			(
				frappe.qb.update(table)
				.join(user)
				.on(user.name == table[field])
				.set(table[f"{field}_full_name"], user.full_name)
			).run()
