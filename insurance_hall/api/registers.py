"""Whitelisted entry points of the hall's own registers (应急处理, 问题排查整改台账): thin, each reads the request
and calls the service."""

from __future__ import annotations

import frappe

from insurance_hall.services import incident, rectification


def _answer(doc) -> dict:
	return {"name": doc.name, "status": doc.status, "modified": str(doc.modified)}


def _yes(value) -> bool:
	return str(value) in ("1", "true", "True")


@frappe.whitelist()
def incident_posts() -> list[dict]:
	"""The posts a report goes to (the county's chain, then 上级部门), for the form's dialog."""
	return incident.chain_choices()


@frappe.whitelist(methods=["POST"])
def report_incident(
	name: str,
	post: str | None = None,
	way: str | None = None,
	at: str | None = None,
	to_whom: str | None = None,
	modified: str | None = None,
) -> dict:
	"""报告: a report by phone or in writing, to a post of the chain or a body outside, with its time."""
	return _answer(incident.report(name, post or "", way or "", at, to_whom, modified))


@frappe.whitelist(methods=["POST"])
def arrive_incident(
	name: str, at: str | None = None, note: str | None = None, modified: str | None = None
) -> dict:
	"""到场: the 应急维稳工作组 is on the scene."""
	return _answer(incident.arrive(name, at, note, modified))


@frappe.whitelist(methods=["POST"])
def close_incident(
	name: str,
	outcome: str | None = None,
	measures: str | None = None,
	follow_up: str | None = None,
	modified: str | None = None,
) -> dict:
	"""结束: the incident ends with its outcome (never before it was reported)."""
	return _answer(incident.close(name, outcome, measures, follow_up, modified))


@frappe.whitelist(methods=["POST"])
def complete_rectification(name: str, result: str | None = None, modified: str | None = None) -> dict:
	"""完成整改: the owner reports the fix."""
	return _answer(rectification.complete(name, result or "", modified))


@frappe.whitelist(methods=["POST"])
def verify_rectification(
	name: str, passed: int | str | None = 1, note: str | None = None, modified: str | None = None
) -> dict:
	"""验证销号: somebody other than the owner closes the line, or sends it back."""
	return _answer(rectification.verify(name, _yes(passed), note, modified))
