"""Whitelisted entry points of the refusal sheet: thin, each reads the request and calls the service."""

from __future__ import annotations

import frappe

from insurance_hall.services import refusal


@frappe.whitelist(methods=["POST"])
def act(
	name: str,
	action: str,
	opinion: str | None = None,
	modified: str | None = None,
	by_meeting: int | str | bool = 0,
	reply_method: str | None = None,
	reply_note: str | None = None,
	applicant_feedback: str | None = None,
	filed_with_business_office: int | str | bool = 0,
) -> dict:
	"""Take a workflow action on a sheet. `modified` is the version the user saw: if the sheet changed
	since, nothing happens and the user is told to reload."""
	if not modified:
		frappe.throw("缺少单据版本（modified），请刷新后重试")
	answer = {
		"reply_method": reply_method,
		"reply_note": reply_note,
		"applicant_feedback": applicant_feedback,
		"filed_with_business_office": frappe.utils.cint(filed_with_business_office),
	}
	doc = refusal.act(
		name,
		action,
		opinion=opinion,
		seen_modified=modified,
		by_meeting=bool(frappe.utils.cint(by_meeting)),
		answer=answer,
	)
	return {"name": doc.name, "workflow_state": doc.workflow_state, "modified": str(doc.modified)}
