"""Whitelisted entry points of the delay-service log: thin, each reads the request and calls the service."""

from __future__ import annotations

import json

import frappe

from insurance_hall.services import delay


def _answer(doc) -> dict:
	return {"name": doc.name, "status": doc.status, "modified": str(doc.modified)}


@frappe.whitelist(methods=["POST"])
def confirm_handler(name: str, modified: str | None = None) -> dict:
	"""承办人确认: the handler confirms the record they filled in."""
	return _answer(delay.confirm_handler(name, modified))


@frappe.whitelist(methods=["POST"])
def reopen(name: str, reason: str | None = None, modified: str | None = None) -> dict:
	"""重新打开: a confirmed or signed record changes only with a reason, and both sign again."""
	return _answer(delay.reopen(name, reason or "", modified))


@frappe.whitelist(methods=["POST"])
def file(name: str, modified: str | None = None) -> dict:
	"""备案: 综合科 files a record both have confirmed."""
	return _answer(delay.file(name, modified))


@frappe.whitelist(methods=["POST"])
def record_batch(window: str, service_date: str, served_until: str, rows: str | list) -> list[str]:
	"""Several citizens served late at one window, in one go (all or none)."""
	if not frappe.has_permission(delay.DOCTYPE, "create"):
		frappe.throw("您没有登记延时服务的权限", frappe.PermissionError)
	parsed = json.loads(rows) if isinstance(rows, str) else rows
	if not isinstance(parsed, list) or not all(isinstance(row, dict) for row in parsed):
		frappe.throw("延时服务对象的格式不正确")
	return delay.record_batch(window, service_date, served_until, parsed)


@frappe.whitelist()
def rating_levels() -> list[dict]:
	"""The county's rating scale, for the satisfaction tick."""
	return [{"label": label, "is_bad": bad} for label, bad in delay.rating_scale()]
