"""The refusal sheet's Workflow ships as a fixture (insurance_hall/fixtures/), synced by install and every
`bench migrate`; its Workflow States and Workflow Action Masters are created when missing before that
(setup/fixtures.ensure_workflow_names) and shared with any other app that has the same names.

Design: one pending state (审批中) whatever the chain, with the current level kept on the sheet.
A county's chain has one to four levels and 沂南 uses two chains side by side; states per level
would need one Workflow per chain, while Frappe runs one Workflow per DocType. The Workflow owns
the states, the actions and who may take them (role + condition: only the sheet's current approver
sees and may take an approval action; self-approval is off); the chain snapshot on the sheet says
which level is current. A county's differences (levels, approvers, deadlines) live in its profile.

This module only reads the shipped names and removes them on uninstall: fixtures outlive an app.
"""

from __future__ import annotations

import frappe

from insurance_hall.setup.fixtures import shipped

WORKFLOW_NAME = "说不事项提级管理"


def remove_refusal_workflow() -> None:
	"""On uninstall: the Workflow, and the states and actions no other Workflow uses."""
	if frappe.db.exists("Workflow", WORKFLOW_NAME):
		frappe.delete_doc("Workflow", WORKFLOW_NAME, ignore_permissions=True, force=True)
	for state in shipped("Workflow State"):
		if frappe.db.exists("Workflow State", state) and not frappe.db.exists(
			"Workflow Document State", {"state": state}
		):
			frappe.delete_doc("Workflow State", state, ignore_permissions=True, force=True)
	for action in shipped("Workflow Action Master"):
		if frappe.db.exists("Workflow Action Master", action) and not frappe.db.exists(
			"Workflow Transition", {"action": action}
		):
			frappe.delete_doc("Workflow Action Master", action, ignore_permissions=True, force=True)
