"""Whitelisted entry points of the case (办件): thin, each reads the request and calls the service."""

from __future__ import annotations

import json

import frappe

from insurance_hall.services import case


def _result(doc) -> dict:
	return {
		"name": doc.name,
		"status": doc.status,
		"due_date": str(doc.due_date or ""),
		"handler": doc.handler,
		"extension_status": doc.extension_status,
		"modified": str(doc.modified),
	}


@frappe.whitelist(methods=["POST"])
def register(doc: str | dict, accept: int | str | bool = 0) -> dict:
	"""Register a case (and accept it at once when `accept`): one write for a matter served at once."""
	if isinstance(doc, str):
		doc = json.loads(doc or "{}")
	return _result(case.register(doc, bool(frappe.utils.cint(accept))))


@frappe.whitelist(methods=["POST"])
def accept(name: str, modified: str | None = None) -> dict:
	return _result(case.accept(name, modified))


@frappe.whitelist(methods=["POST"])
def accept_rongque(name: str, promises: str | list, modified: str | None = None) -> dict:
	"""`promises`: [{"material", "supply_method", "promised_date"}] for each missing material."""
	if isinstance(promises, str):
		promises = json.loads(promises or "[]")
	return _result(case.accept_rongque(name, promises, modified))


@frappe.whitelist(methods=["POST"])
def supply(name: str, materials: str | list, modified: str | None = None) -> dict:
	if isinstance(materials, str):
		materials = json.loads(materials or "[]")
	return _result(case.supply(name, materials, modified))


@frappe.whitelist(methods=["POST"])
def finish(name: str, modified: str | None = None, note: str | None = None) -> dict:
	return _result(case.finish(name, modified, note))


@frappe.whitelist(methods=["POST"])
def refer(name: str, kind: str, department: str, to_user: str | None = None, note: str | None = None) -> dict:
	return _result(case.refer(name, kind, department, to_user, note))


@frappe.whitelist(methods=["POST"])
def send_up(name: str, note: str | None = None, modified: str | None = None) -> dict:
	return _result(case.send_up(name, note or "", modified))


@frappe.whitelist(methods=["POST"])
def back_from_above(name: str, note: str | None = None, modified: str | None = None) -> dict:
	return _result(case.back_from_above(name, note, modified))


@frappe.whitelist(methods=["POST"])
def mark_applicant_delay(name: str, reason: str, modified: str | None = None) -> dict:
	return _result(case.mark_applicant_delay(name, reason, modified))


@frappe.whitelist(methods=["POST"])
def request_extension(name: str, reason: str, new_date: str, modified: str | None = None) -> dict:
	return _result(case.request_extension(name, reason, new_date, modified))


@frappe.whitelist(methods=["POST"])
def decide_extension(
	name: str, approve: int | str | bool, opinion: str | None = None, modified: str | None = None
) -> dict:
	return _result(case.decide_extension(name, bool(frappe.utils.cint(approve)), opinion, modified))
