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


def make_hall_case(user: str = "Administrator", **values) -> str:
	"""A case registered by `user` (the first responder), committed; returns its name."""
	values.setdefault("applicant_name", "张三")
	values.setdefault("contact_phone", "13800000000")
	values.setdefault("channel", "来访")
	values.setdefault("service_matter", make_service_matter())
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		doc = frappe.get_doc({"doctype": "Hall Case", **values}).insert()
	finally:
		frappe.set_user(previous)
	frappe.db.commit()
	return doc.name


def make_hall_complaint(**values) -> str:
	"""A complaint registered by the complaint window (committed)."""
	doc = frappe.get_doc(
		{
			"doctype": "Hall Complaint",
			"received_at": values.pop("received_at", "2026-03-09 09:30:00"),
			"channel": values.pop("channel", "现场"),
			"place": values.pop("place", "医保服务大厅“吐槽找茬”窗口"),
			"complainant_name": values.pop("complainant_name", "李四"),
			"complainant_contact": values.pop("complainant_contact", "13900000000"),
			"content": values.pop("content", "办理异地就医备案等了两个小时，窗口工作人员态度生硬"),
			**values,
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	frappe.db.commit()
	return doc.name


def make_served_case(handler: str, window: str, **values) -> str:
	"""A case served and closed by `handler` at `window` (what a rating invitation is issued for)."""
	from frappe.utils import today

	name = make_hall_case(handler, window=window, **values)
	frappe.db.set_value("Hall Case", name, {"status": "已办结", "handler": handler, "closed_on": today()})
	frappe.db.commit()
	return name


def make_rating_token(doctype: str, name: str, hours: int = 72) -> str:
	"""A rating link's token for the service, signed as the site signs them; `hours` < 0 is expired."""
	import time

	from insurance_hall.rules.rating import sign, token_payload
	from insurance_hall.services.rating import _key

	return sign(token_payload(doctype, name, int(time.time()) + hours * 3600), _key())


def make_hall_booking(**values):
	"""A desk booking saved directly (the service's checks all apply)."""
	doc = frappe.get_doc({"doctype": "Hall Booking", "channel": "窗口", **values})
	doc.insert(ignore_permissions=True)
	return doc


def raw_rows(doctype: str, rows: list[dict]) -> None:
	"""Rows written as a service's bulk write leaves them (no controller, no hooks), stamped as made by the
	Administrator now: the records a test then attacks or counts."""
	from frappe.utils import now_datetime

	now = now_datetime()
	meta = {"creation": now, "modified": now, "owner": "Administrator", "modified_by": "Administrator"}
	full = [{"docstatus": 0, **meta, **row} for row in rows]
	columns = sorted({column for row in full for column in row})
	frappe.db.bulk_insert(doctype, columns, [tuple(row.get(c) for c in columns) for row in full])
