"""The citizens' pages (complaint, booking, rating) carry the bureau's name, not Frappe's "Home"."""

from __future__ import annotations

import frappe
from frappe.utils import escape_html


def update_website_context(context) -> dict | None:
	"""hooks.update_website_context: the bureau's name as the brand unless the site set its own."""
	if context.get("brand_html"):
		return None
	bureau = frappe.db.get_single_value("Hall Settings", "bureau_name")
	return {"brand_html": escape_html(bureau)} if bureau else None
