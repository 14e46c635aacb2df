"""The hall admin tailors the hall's forms in the Desk (Customize Form, print formats, notifications,
number cards) and nothing else: every record that tailors a form is checked against `rules/tailoring.py`
on each write path (insert, save, delete), and the Customize Form screen refuses to open another app's
form for them."""

from __future__ import annotations

import frappe
from frappe.custom.doctype.customize_form.customize_form import CustomizeForm

from insurance_hall.rules.roles import HALL_ADMIN
from insurance_hall.rules.tailoring import TAILORING, tailoring_error
from insurance_hall.services import records


def check(targets: list[str | None]) -> None:
	if frappe.session.user == "Administrator" or frappe.flags.in_install or frappe.flags.in_migrate:
		return
	roles = frappe.get_roles()
	if HALL_ADMIN not in roles:
		return
	error = tailoring_error(targets, set(records.hall_doctypes()), roles, HALL_ADMIN)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能定制")


def guard(doc, method: str | None = None) -> None:
	"""doc_events of Custom Field, Property Setter, Print Format, Notification, Number Card."""
	fieldname = TAILORING.get(doc.doctype)
	if not fieldname:
		return
	targets = [doc.get(fieldname)]
	before = None if doc.is_new() else doc.get_doc_before_save()
	if before is not None:
		targets.append(before.get(fieldname))
	check(targets)


class HallCustomizeForm(CustomizeForm):
	"""Frappe's Customize Form, which a hall admin opens on the hall's forms only."""

	@frappe.whitelist()
	def fetch_to_customize(self):
		check([self.doc_type])
		return super().fetch_to_customize()

	@frappe.whitelist()
	def save_customization(self):
		check([self.doc_type])
		return super().save_customization()

	@frappe.whitelist()
	def reset_to_defaults(self):
		check([self.doc_type])
		return super().reset_to_defaults()

	@frappe.whitelist()
	def reset_layout(self):
		check([self.doc_type])
		return super().reset_layout()

	@frappe.whitelist()
	def trim_table(self):
		check([self.doc_type])
		return super().trim_table()
