"""Every test record comes from here: make_<doctype>() with sensible defaults (one module, as in helpdesk)."""

from __future__ import annotations

import frappe

from insurance_hall.rules.profile import load_profile
from insurance_hall.setup.profile import apply_profile

PASSWORD = "Test@Hall2026"


def make_user(email: str, *roles: str, first_name: str | None = None) -> str:
	"""A system user holding exactly `roles` (committed: REST calls run on their own connection)."""
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name or email.split("@")[0],
				"language": "zh",
				"send_welcome_email": 0,
				"new_password": PASSWORD,
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	wanted = set(roles)
	current = {r.role for r in user.roles}
	if current != wanted:
		user.set("roles", [])
		user.add_roles(*wanted)
	frappe.db.commit()
	return email


def make_hall_department(name: str = "测试科", **values) -> str:
	if not frappe.db.exists("Hall Department", name):
		frappe.get_doc({"doctype": "Hall Department", "department_name": name, **values}).insert(
			ignore_permissions=True
		)
	return name


def make_service_window(window_no: str = "T1", **values) -> str:
	if not frappe.db.exists("Service Window", window_no):
		frappe.get_doc({"doctype": "Service Window", "window_no": window_no, **values}).insert(
			ignore_permissions=True
		)
	return window_no


def make_service_matter(name: str = "测试事项", **values) -> str:
	if not frappe.db.exists("Service Matter", name):
		values.setdefault("matter_type", "Immediate")
		frappe.get_doc({"doctype": "Service Matter", "matter_name": name, **values}).insert(
			ignore_permissions=True
		)
	return name


def make_substitute_assignment(absent_user: str, substitute: str, from_date: str, to_date: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Substitute Assignment",
			"absent_user": absent_user,
			"substitute": substitute,
			"from_date": from_date,
			"to_date": to_date,
			"reason": values.pop("reason", "外出培训"),
			**values,
		}
	).insert(ignore_permissions=True)


def apply_shipped_profile(key: str) -> dict[str, int]:
	return apply_profile(load_profile(key))


def make_outgoing_email_account() -> str:
	"""A default outgoing account, so that Frappe queues emails (the queue is not flushed in tests)."""
	name = "说不事项测试发件箱"
	if not frappe.db.exists("Email Account", name):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": name,
				"email_id": "hall-notify@example.com",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "127.0.0.1",
				"smtp_port": 2525,
				"no_smtp_authentication": 1,
				"enable_incoming": 0,
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()
	return name


def make_hall_booking(**values):
	"""A desk booking saved directly (the service's checks all apply)."""
	doc = frappe.get_doc({"doctype": "Hall Booking", "channel": "窗口", **values})
	doc.insert(ignore_permissions=True)
	return doc
