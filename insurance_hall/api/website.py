"""The citizens' pages (complaint, booking, rating): in Chinese, under the bureau's name.

Only the hall's own pages are touched: each calls `hall_page` from its `get_context`, and the website
hook brands those alone (another app's portal on the same site keeps its own brand and language).
"""

from __future__ import annotations

import frappe
from frappe.utils import escape_html

from insurance_hall.rules.public_input import hall_request
from insurance_hall.services.records import hall_doctypes

LANGUAGE = "zh"


def hall_page(context) -> None:
	"""A hall page speaks Chinese whatever the phone's language or the site's default (Frappe's own
	strings on it too: the footer, the login link), and carries the bureau's name."""
	frappe.local.lang = LANGUAGE
	context.hall_page = True
	context.lang = LANGUAGE


def update_website_context(context) -> dict | None:
	"""hooks.update_website_context: the bureau's name as the brand of the hall's pages, unless the site
	set its own brand."""
	if not context.get("hall_page") or context.get("brand_html"):
		return None
	bureau = frappe.db.get_single_value("Hall Settings", "bureau_name")
	return {"brand_html": escape_html(bureau)} if bureau else None


def guest_language() -> None:
	"""hooks.before_request: a visitor calling the hall's methods, or Frappe's REST paths onto the hall's
	records, is answered in Chinese whatever the phone's language (Frappe's own refusals too: 不允许, not
	"Not permitted"). Every other request keeps the language Frappe chose."""
	if frappe.session.user != "Guest" or not getattr(frappe, "request", None):
		return
	if hall_request(frappe.request.path, frappe.form_dict.get("doctype"), hall_doctypes):
		frappe.local.lang = LANGUAGE
