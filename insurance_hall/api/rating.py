"""Whitelisted entry points of the rating (好差评): thin, each reads the request and calls the service."""

from __future__ import annotations

import frappe

from insurance_hall.api import public
from insurance_hall.services import rating


@frappe.whitelist(methods=["POST"])
def invite(doctype: str, name: str) -> dict:
	"""A single-use rating link and its QR code for a served case or delay record."""
	return rating.invite(doctype, name)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(20, 60, per="token")
def submit(
	token: str | None = None,
	level: str | None = None,
	bad_reasons: str | list | None = None,
	suggestion: str | None = None,
	guidance_clear: str | None = None,
	procedure_convenient: str | None = None,
	materials_lean: str | None = None,
	interface_friendly: str | None = None,
	rater_name: str | None = None,
	rater_phone: str | None = None,
	reference_doctype: str | None = None,
	reference_name: str | None = None,
) -> dict:
	"""The citizen's rating through the link (no login): checked and spent in one transaction."""
	values = {key: value for key, value in locals().items() if key != "token"}
	rating.submit_public(token, values)
	return {"message": "感谢您的评价！"}


@frappe.whitelist(allow_guest=True, methods=["GET", "POST"])
@public.limited(20, 60, per="token")
def view(token: str | None = None) -> dict:
	"""What the public page shows for the link: the service rated, the scale, the questions."""
	return rating.public_view(token)


@frappe.whitelist(methods=["POST"])
def conclude_check(name: str, conclusion: str, note: str) -> dict:
	rating.conclude_check(name, conclusion, note)
	return {"name": name}


@frappe.whitelist(methods=["POST"])
def report_fix(name: str, report: str) -> dict:
	rating.report_fix(name, report)
	return {"name": name}


@frappe.whitelist(methods=["POST"])
def record_visit(name: str, note: str) -> dict:
	rating.record_visit(name, note)
	return {"name": name}
