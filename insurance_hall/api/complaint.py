"""Whitelisted entry points of the "吐槽找茬" complaint window: thin, each reads the request and calls the
service. `submit_public` is the citizens' public page (no login), rate-limited per address."""

from __future__ import annotations


import frappe

from insurance_hall.api import public
from insurance_hall.services import complaint, public_complaint


@frappe.whitelist(methods=["POST"])
def issue_referral(complaint_name: str, department: str, receiver: str | None = None) -> dict:
	"""交办: send the complaint's 承办单 to a department and its head (or the named receiver)."""
	referral = complaint.issue_referral(complaint_name, department, receiver or None)
	return {"name": referral.name, "receiver": referral.receiver, "due_date": str(referral.due_date)}


@frappe.whitelist(methods=["POST"])
def receive_referral(name: str) -> dict:
	referral = complaint.receive_referral(name)
	return {"name": referral.name, "status": referral.status}


@frappe.whitelist(methods=["POST"])
def close_referral(
	name: str,
	solved: str,
	measures: str,
	satisfied: str | None = None,
	policy_explanation: str | None = None,
	leader_instruction: str | None = None,
) -> dict:
	referral = complaint.close_referral(
		name, solved, measures, satisfied, policy_explanation, leader_instruction
	)
	return {"name": referral.name, "status": referral.status}


@frappe.whitelist(methods=["POST"])
def record_finding(complaint_name: str, found_true: int | str | bool = 1) -> dict:
	doc = complaint.record_finding(complaint_name, bool(frappe.utils.cint(found_true)))
	return {"name": doc.name, "found_true": doc.found_true, "deduction": doc.deduction}


@frappe.whitelist(methods=["POST"])
def sign_summary(complaint_name: str, role: str) -> dict:
	doc = complaint.sign_summary(complaint_name, role)
	return {"name": doc.name, "signed": role}


@frappe.whitelist(methods=["POST"])
def reopen_summary(complaint_name: str, reason: str | None = None, modified: str | None = None) -> dict:
	"""重新打开总结分析表: with a reason; every signature is cleared."""
	doc = complaint.reopen_summary(complaint_name, reason or "", modified)
	return {"name": doc.name}


def public_limit() -> int:
	"""Complaints one person (their contact, or an anonymous address) may send per hour (site config
	`complaint_public_rate_limit`, default 10)."""
	return frappe.utils.cint(frappe.conf.get("complaint_public_rate_limit")) or 10


limited = public.limited(
	public_limit, 60 * 60, "提交过于频繁，请一小时后再试；如需投诉，请拨打投诉电话", per="complainant_contact"
)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@limited
def submit_public(
	content: str | None = None,
	window: str | None = None,
	staff: str | None = None,
	anonymous: int | str | bool = 0,
	complainant_name: str | None = None,
	complainant_contact: str | None = None,
) -> dict:
	"""A citizen's complaint from the public page: only a reference and the complaint phone come back."""
	return public_complaint.submit(
		{
			"content": content,
			"window": window,
			"staff": staff,
			"anonymous": bool(frappe.utils.cint(anonymous)),
			"complainant_name": complainant_name,
			"complainant_contact": complainant_contact,
		}
	)
