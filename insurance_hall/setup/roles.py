"""The hall's roles: created on install and migrate, and any extra role a profile names."""

from __future__ import annotations

from collections.abc import Iterable

import frappe

from insurance_hall.setup.permissions import HALL_ROLES


def ensure_roles(extra: Iterable[str] = ()) -> int:
	"""Create every hall role (and the extra ones) that does not exist yet; returns how many."""
	created = 0
	for role in (*HALL_ROLES, *extra):
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": 1}).insert(
				ignore_permissions=True
			)
			created += 1
	return created
