"""The hall admin's rights to tailor the hall's forms: Custom DocPerm rows for the hall admin role on the
records that tailor a form (`rules/tailoring.GRANTS`), given on install and migrate, taken back on
uninstall. What the admin may tailor is checked by `services/tailoring.py`; these rows only open the
screens."""

from __future__ import annotations

import json

import frappe
from frappe.permissions import add_permission, reset_perms, update_permission_property

from insurance_hall.rules.roles import HALL_ADMIN
from insurance_hall.rules.tailoring import GRANTS

# the DocTypes whose permissions were Frappe's standard ones until the app added its row: on uninstall
# they go back to the standard ones (Frappe copies them into Custom DocPerm before adding a row)
FIRST_CUSTOMIZED = "insurance_hall_tailoring_first_customized"


def grant_tailoring() -> int:
	"""Give the hall admin role what it needs on each tailoring DocType; returns the rows added."""
	if not frappe.db.exists("Role", HALL_ADMIN):
		return 0
	first = set(json.loads(frappe.db.get_default(FIRST_CUSTOMIZED) or "[]"))
	added = 0
	for doctype, ptypes in GRANTS.items():
		if not frappe.db.exists("DocType", doctype):
			continue
		row = {"parent": doctype, "role": HALL_ADMIN, "permlevel": 0, "if_owner": 0}
		if not frappe.db.exists("Custom DocPerm", row):
			if not frappe.db.exists("Custom DocPerm", {"parent": doctype}):
				first.add(doctype)
			add_permission(doctype, HALL_ADMIN, 0)
			added += 1
		for ptype in ptypes:
			if not frappe.db.get_value("Custom DocPerm", row, ptype):
				update_permission_property(doctype, HALL_ADMIN, 0, ptype, 1, validate=False)
	frappe.db.set_default(FIRST_CUSTOMIZED, json.dumps(sorted(first)))
	frappe.clear_messages()  # add_permission's "rule already exists" alert is not for the installer
	return added


def revoke_tailoring() -> None:
	"""Take the rows back; a DocType the app was first to customize returns to Frappe's standard rights
	when nothing but the copied standard rows is left."""
	first = set(json.loads(frappe.db.get_default(FIRST_CUSTOMIZED) or "[]"))
	for doctype in GRANTS:
		frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": HALL_ADMIN})
		if doctype in first:
			standard = {
				(r.role, r.permlevel)
				for r in frappe.get_all("DocPerm", {"parent": doctype}, ["role", "permlevel"])
			}
			custom = {
				(r.role, r.permlevel)
				for r in frappe.get_all("Custom DocPerm", {"parent": doctype}, ["role", "permlevel"])
			}
			if custom <= standard:
				reset_perms(doctype)
		frappe.clear_cache(doctype=doctype)
	frappe.db.set_default(FIRST_CUSTOMIZED, None)
