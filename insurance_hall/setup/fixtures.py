"""What the app ships in insurance_hall/fixtures/ (synced by install and every migrate): read by name,
so uninstall can remove it (fixtures outlive the app that shipped them)."""

from __future__ import annotations

import json
from pathlib import Path

import frappe

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# hall staff see the hall, not Frappe's Build, Users, Website, Tools and Integrations workspaces: an
# admin gives a new staff member this module profile (the demo gives it to every staff user)
STAFF_MODULE_PROFILE = "医保经办大厅人员"


# created once and then the hall admin's to change (a fixture would be reset by every migrate)
MODULE_PROFILE = Path(__file__).resolve().parent / "module_profile.json"
# the refusal workflow's states and actions: common Chinese words (草稿, 审批中) another app may own too, so
# created when missing and never overwritten (a fixture would reset another app's colour of 草稿)
CREATED_WHEN_MISSING = {
	"Module Profile": MODULE_PROFILE,
	"Workflow State": Path(__file__).resolve().parent / "workflow_states.json",
	"Workflow Action Master": Path(__file__).resolve().parent / "workflow_actions.json",
}


def shipped(doctype: str) -> list[str]:
	"""Names of the records of `doctype` the app ships (its fixtures, and those created when missing)."""
	path = CREATED_WHEN_MISSING.get(doctype) or FIXTURES / f"{frappe.scrub(doctype)}.json"
	return [row["name"] for row in json.loads(path.read_text(encoding="utf-8"))]


def ensure_module_profile() -> int:
	"""The staff's module profile, created when missing (install, migrate); an existing one, with what the
	admin changed in it, is left as it is. Returns how many were created."""
	created = 0
	for row in json.loads(MODULE_PROFILE.read_text(encoding="utf-8")):
		if frappe.db.exists("Module Profile", row["name"]):
			continue
		values = {k: v for k, v in row.items() if k not in ("modified",)}
		values["block_modules"] = [{"module": b["module"]} for b in row.get("block_modules", [])]
		frappe.get_doc(values).insert(ignore_permissions=True)
		created += 1
	return created


def ensure_workflow_names() -> int:
	"""The refusal workflow's states and actions, created when missing, before the Workflow fixture is synced
	(after_install and before_migrate run before Frappe syncs fixtures). One another app already has is
	shared as it is: merged, not overwritten. Returns how many were created."""
	created = 0
	for doctype in ("Workflow State", "Workflow Action Master"):
		for row in json.loads(CREATED_WHEN_MISSING[doctype].read_text(encoding="utf-8")):
			if frappe.db.exists(doctype, row["name"]):
				continue
			values = {k: v for k, v in row.items() if k not in ("modified", "docstatus")}
			frappe.get_doc(values).insert(ignore_permissions=True)
			created += 1
	return created


def remove_shipped() -> None:
	"""On uninstall: the workspace's custom block and the staff's module profile (the workspace
	itself goes with the module); users keep their blocked modules, not a link to nothing."""
	for name in shipped("Module Profile"):
		frappe.db.set_value("User", {"module_profile": name}, "module_profile", None, update_modified=False)
	for doctype in ("Custom HTML Block", "Module Profile"):
		for name in shipped(doctype):
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
