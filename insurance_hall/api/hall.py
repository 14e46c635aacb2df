"""Whitelisted helpers every hall form's Desk script shares: thin, each calls a service."""

from __future__ import annotations

import frappe

from insurance_hall.services.routing import window_of


@frappe.whitelist()
def my_window() -> str | None:
	"""The session user's own window, to fill in a new record."""
	return window_of(frappe.session.user)
