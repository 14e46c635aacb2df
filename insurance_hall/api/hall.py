"""Whitelisted helpers every hall form's Desk script shares: thin, each calls a service."""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from insurance_hall.services.routing import window_of
from insurance_hall.services import workspace


@frappe.whitelist()
def my_window() -> str | None:
	"""The session user's own window, to fill in a new record."""
	return window_of(frappe.session.user)


@frappe.whitelist()
def my_work(limit: int = 50) -> dict:
	"""What waits for the session user across every form, overdue first, for the workspace's list."""
	return workspace.work_of(frappe.session.user, min(max(int(limit), 1), 200))


@frappe.whitelist()
def on_time_rate(filters: str | None = None) -> dict | str:
	"""Number Card 本月按时办结率 (a custom card passes its filters; this one has none)."""
	return workspace.on_time_rate(getdate(nowdate()))


@frappe.whitelist()
def satisfied_share(filters: str | None = None) -> dict | str:
	"""Number Card 本月满意率."""
	return workspace.satisfied_share(getdate(nowdate()))
