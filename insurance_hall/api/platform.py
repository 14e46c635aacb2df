"""Frappe's own whitelisted methods the hall answers more strictly (hooks.override_whitelisted_methods)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_safe_filters

from insurance_hall.services import records


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug: bool = False, cache: bool = False) -> int:
	"""Frappe v15's `frappe.client.get_count` counts any DocType for any user, filters included, so it
	would tell the staff member complained about whether "李四" complained. Here a count is a list query:
	refused without read permission, and limited to what the user may see. Only the hall's own DocTypes:
	another app's counts stay as Frappe answers them (HRMS, say, grants select-only permissions)."""
	if doctype not in records.hall_doctypes():
		from frappe.client import get_count as frappe_get_count

		return frappe_get_count(doctype, filters=filters, debug=debug, cache=cache)
	if not frappe.has_permission(doctype, "read"):
		frappe.throw(f"您没有查看“{_(doctype)}”的权限", frappe.PermissionError)
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=[f"count(`tab{doctype}`.name) as total"],
		as_list=True,
	)
	return int(rows[0][0]) if rows else 0
