"""Whitelisted entry points of 月度考评: thin, each reads the request and calls the service."""

from __future__ import annotations

import frappe

from insurance_hall.rules import score as s
from insurance_hall.services import score as service
from insurance_hall.services import score_month


def _answer(doc) -> dict:
	return {"name": doc.name, "status": doc.status, "modified": str(doc.modified)}


@frappe.whitelist()
def table() -> dict:
	"""The county's table as the 考评登记 form offers it: the items an evaluator enters and their events."""
	if not service.sees_everyone(frappe.session.user):
		frappe.throw("只有考评人员可以录入月度考评", frappe.PermissionError)
	found = service.county_table()
	if found is None:
		return {"items": [], "titles": []}
	return {
		"items": [
			{
				"key": item.key,
				"label": item.label,
				"kind": item.kind,
				"cap": item.cap,
				"events": list(item.per_event),
			}
			for item in found.items
			if item.kind == s.ENTERED or item.source in s.ENTERED_SOURCES
		],
		"titles": list(found.titles),
		"chain": [{"role": step.role, "label": step.label} for step in found.chain],
		"publisher": found.publisher,
	}


@frappe.whitelist(methods=["POST"])
def advance(name: str, opinion: str | None = None, modified: str | None = None) -> dict:
	"""提交 / 同意: the month goes one level up the county's chain."""
	return _answer(score_month.advance(name, opinion or "", modified))


@frappe.whitelist(methods=["POST"])
def send_back(name: str, opinion: str | None = None, modified: str | None = None) -> dict:
	"""退回: back to the evaluators, with what to correct."""
	return _answer(score_month.send_back(name, opinion or "", modified))


@frappe.whitelist(methods=["POST"])
def reopen(name: str, reason: str | None = None, modified: str | None = None) -> dict:
	"""重新打开: a correction of a confirmed month, by 局办公室, with a reason."""
	return _answer(score_month.reopen(name, reason or "", modified))


@frappe.whitelist(methods=["POST"])
def publish(name: str, modified: str | None = None) -> dict:
	"""公示: 局办公室 publishes a confirmed month."""
	return _answer(score_month.publish(name, modified))


@frappe.whitelist(methods=["POST"])
def answer_suggestion(
	name: str, answer: str | None = None, adopted: int | str | None = 0, modified: str | None = None
) -> dict:
	"""答复: a leader answers a suggestion after study; an adopted one of a worker scores on their sheet."""
	from insurance_hall.services import suggestion

	return _answer(suggestion.answer(name, answer or "", str(adopted) in ("1", "true", "True"), modified))
