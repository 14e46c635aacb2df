"""Leaders and heads see their own departments, through Frappe's User Permission.

A department head gets a User Permission on their Hall Department for each departmental form, a
deputy one per department in their charge; the main leader, the records office and the admin get
none (they read everything their roles allow). The permissions are derived from the department
records and kept in sync when a head or deputy changes, so the platform applies them everywhere:
lists, reports, exports, REST. Only permissions on the departmental forms are managed here.
"""

from __future__ import annotations

from collections.abc import Iterable

import frappe

from insurance_hall.rules.scope import department_scope
from insurance_hall.rules.roles import HALL_ADMIN, MAIN_LEADER, RECORDS

# forms whose records belong to a department (their `department` field links Hall Department)
DEPARTMENTAL: tuple[str, ...] = ("Refusal Sheet", "Hall Case", "Complaint Referral")
SEE_EVERYTHING = {MAIN_LEADER, RECORDS, HALL_ADMIN, "System Manager", "Administrator"}


def wanted_departments(user: str) -> frozenset[str] | None:
	roles = set(frappe.get_roles(user))
	sees_everything = bool(roles & SEE_EVERYTHING) or (
		frappe.db.get_single_value("Hall Settings", "main_leader") == user
	)
	return department_scope(
		sees_everything,
		frappe.get_all("Hall Department", filters={"head": user}, pluck="name"),
		frappe.get_all("Hall Department", filters={"deputy_in_charge": user}, pluck="name"),
	)


def sync_users(users: Iterable[str | None]) -> None:
	for user in {u for u in users if u and u not in ("Administrator", "Guest")}:
		if frappe.db.exists("User", user):
			sync_user(user)


def sync_user(user: str) -> None:
	"""Make the user's department permissions on every departmental form match their posts."""
	wanted = wanted_departments(user) or frozenset()
	for doctype in DEPARTMENTAL:
		have = dict(
			frappe.get_all(
				"User Permission",
				filters={"user": user, "allow": "Hall Department", "applicable_for": doctype},
				fields=["for_value", "name"],
				as_list=True,
			)
		)
		for department in set(have) - wanted:
			frappe.delete_doc("User Permission", have[department], ignore_permissions=True, force=True)
		for department in sorted(wanted - set(have)):
			frappe.get_doc(
				{
					"doctype": "User Permission",
					"user": user,
					"allow": "Hall Department",
					"for_value": department,
					"apply_to_all_doctypes": 0,
					"applicable_for": doctype,
				}
			).insert(ignore_permissions=True)


def forget_department(department: str) -> None:
	"""A department being deleted: its managed permissions go, and its people are re-synced without it."""
	rows = frappe.get_all(
		"User Permission",
		filters={"allow": "Hall Department", "for_value": department, "applicable_for": ("in", DEPARTMENTAL)},
		fields=["name", "user"],
	)
	for row in rows:
		frappe.delete_doc("User Permission", row.name, ignore_permissions=True, force=True)


def on_user_update(doc, method: str | None = None) -> None:
	"""doc_events hook: a user's roles changed (say, now a main leader): their scope follows."""
	if frappe.flags.in_install or frappe.flags.in_migrate:
		return
	if doc.name in ("Administrator", "Guest"):
		return
	if (
		frappe.db.exists("Hall Department", {"head": doc.name})
		or frappe.db.exists("Hall Department", {"deputy_in_charge": doc.name})
		or frappe.db.exists("User Permission", {"user": doc.name, "allow": "Hall Department"})
	):
		sync_user(doc.name)


def sync_everyone() -> None:
	"""Every head and deputy, and everyone holding a managed permission (after migrate)."""
	people = frappe.get_all("Hall Department", fields=["head", "deputy_in_charge"], as_list=True)
	holders = frappe.get_all(
		"User Permission",
		filters={"allow": "Hall Department", "applicable_for": ("in", DEPARTMENTAL)},
		pluck="user",
	)
	sync_users([user for row in people for user in row] + holders)


def visible_departments(user: str, doctype: str) -> list[str] | None:
	"""The departments the platform lets `user` see on `doctype`; None when nothing limits them.
	For queries that aggregate in SQL (reports), which the list view's permission query does not reach."""
	from frappe.permissions import get_user_permissions

	rows = get_user_permissions(user).get("Hall Department") or []
	departments = [
		row["doc"] for row in rows if not row.get("applicable_for") or row.get("applicable_for") == doctype
	]
	return departments or None
