"""The refusal sheet's Workflow, as data, created or brought up to date on install and migrate.

Design: one pending state (审批中) whatever the chain, with the current level kept on the sheet.
A county's chain has one to four levels and 沂南 uses two chains side by side; states per level
would need one Workflow per chain, while Frappe runs one Workflow per DocType. The Workflow owns
the states, the actions and who may take them (role + condition: only the sheet's current approver
sees and may take an approval action; self-approval is off); the chain snapshot on the sheet says
which level is current.
"""

from __future__ import annotations

import frappe

from insurance_hall.rules import refusal as r

from insurance_hall.rules.refusal_workflow import NOBODY_EDITS, STATES, TRANSITIONS, WORKFLOW_NAME  # noqa: F401

DOCTYPE = "Refusal Sheet"


def ensure_refusal_workflow() -> None:
	for state, _docstatus, style, _role in STATES:
		if not frappe.db.exists("Workflow State", state):
			frappe.get_doc(
				{"doctype": "Workflow State", "workflow_state_name": state, "style": style}
			).insert(ignore_permissions=True)
	for action in {t[1] for t in TRANSITIONS}:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)
	wanted = _definition()
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		doc = frappe.get_doc("Workflow", WORKFLOW_NAME)
		if _current(doc) == wanted:
			return
	else:
		doc = frappe.new_doc("Workflow")
		doc.workflow_name = WORKFLOW_NAME
	doc.update(
		{
			"document_type": DOCTYPE,
			"is_active": 1,
			"workflow_state_field": "workflow_state",
			"send_email_alert": 0,
			"override_status": 1,
			"states": [],
			"transitions": [],
		}
	)
	for row in wanted["states"]:
		doc.append("states", dict(zip(("state", "doc_status", "allow_edit"), row, strict=True)))
	for row in wanted["transitions"]:
		keys = ("state", "action", "next_state", "allowed", "condition", "allow_self_approval")
		doc.append("transitions", dict(zip(keys, row, strict=True)))
	doc.save(ignore_permissions=True)


def _self_approval(action: str) -> int:
	"""The clerk's own steps (submit, resubmit, record the answer) are theirs to take; an approval
	step never is: Frappe's self-approval check refuses the sheet's owner."""
	return 1 if action in r.CLERK_ACTIONS else 0


def _definition() -> dict:
	return {
		"states": [(state, str(docstatus), role) for state, docstatus, _style, role in STATES],
		"transitions": [(*t, _self_approval(t[1])) for t in TRANSITIONS],
	}


def _current(doc) -> dict:
	return {
		"states": [(s.state, str(s.doc_status), s.allow_edit) for s in doc.states],
		"transitions": [
			(t.state, t.action, t.next_state, t.allowed, t.condition, t.allow_self_approval)
			for t in doc.transitions
		],
	}


def remove_refusal_workflow() -> None:
	"""On uninstall: the Workflow, and the states and actions no other Workflow uses."""
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.delete_doc("Workflow", WORKFLOW_NAME, ignore_permissions=True, force=True)
	for state, *_rest in STATES:
		if frappe.db.exists("Workflow State", state) and not frappe.db.exists(
			"Workflow Document State", {"state": state}
		):
			frappe.delete_doc("Workflow State", state, ignore_permissions=True, force=True)
	for action in {t[1] for t in TRANSITIONS}:
		if frappe.db.exists("Workflow Action Master", action) and not frappe.db.exists(
			"Workflow Transition", {"action": action}
		):
			frappe.delete_doc("Workflow Action Master", action, ignore_permissions=True, force=True)
