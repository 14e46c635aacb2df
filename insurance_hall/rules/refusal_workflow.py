"""The refusal sheet's Workflow as data (pure): states, actions and who may take them.

Design: one pending state (审批中) whatever the chain, with the current level kept on the sheet.
A county's chain has one to four levels and 沂南 uses two chains side by side; states per level
would need one Workflow per chain, while Frappe runs one Workflow per DocType. The Workflow owns
the states, the actions and who may take them (role + condition: only the sheet's current approver
sees and may take an approval action; self-approval is off); the chain snapshot on the sheet says
which level is current. `insurance_hall.setup.workflow` writes this into the site.
"""

from __future__ import annotations

from insurance_hall.rules import refusal as r
from insurance_hall.setup.permissions import WINDOW_STAFF

WORKFLOW_NAME = "说不事项提级管理"
NOBODY_EDITS = "Administrator"

# state, docstatus, style, the role that may edit the sheet in that state
STATES: list[tuple[str, int, str, str]] = [
	(r.DRAFT, 0, "", WINDOW_STAFF),
	(r.PENDING, 0, "Warning", NOBODY_EDITS),
	(r.RETURNED, 0, "Danger", WINDOW_STAFF),
	(r.SOLVED, 1, "Success", NOBODY_EDITS),
	(r.REFUSED, 1, "Inverse", NOBODY_EDITS),
	(r.ANSWERED, 1, "Primary", NOBODY_EDITS),
]
IS_FILER = "doc.owner == frappe.session.user"
IS_APPROVER = "doc.current_approver == frappe.session.user"
# state, action, next state, role, condition
TRANSITIONS: list[tuple[str, str, str, str, str]] = [
	(r.DRAFT, r.SUBMIT, r.PENDING, WINDOW_STAFF, IS_FILER),
	(r.PENDING, r.SOLVE, r.SOLVED, "All", IS_APPROVER),
	(r.PENDING, r.ESCALATE, r.PENDING, "All", f"{IS_APPROVER} and doc.current_level < doc.top_level"),
	(r.PENDING, r.CONFIRM, r.REFUSED, "All", f"{IS_APPROVER} and doc.current_can_confirm"),
	(r.PENDING, r.RETURN, r.RETURNED, "All", IS_APPROVER),
	(r.RETURNED, r.RESUBMIT, r.PENDING, WINDOW_STAFF, IS_FILER),
	(r.SOLVED, r.ANSWER, r.ANSWERED, WINDOW_STAFF, IS_FILER),
	(r.REFUSED, r.ANSWER, r.ANSWERED, WINDOW_STAFF, IS_FILER),
]
