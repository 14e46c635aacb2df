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


def shipped(doctype: str) -> list[str]:
	"""Names of the records of `doctype` the app ships in its fixtures."""
	path = FIXTURES / f"{frappe.scrub(doctype)}.json"
	return [row["name"] for row in json.loads(path.read_text(encoding="utf-8"))]


def remove_shipped() -> None:
	"""On uninstall: the workspace's custom block and the staff's module profile (the workspace
	itself goes with the module); users keep their blocked modules, not a link to nothing."""
	for name in shipped("Module Profile"):
		frappe.db.set_value("User", {"module_profile": name}, "module_profile", None, update_modified=False)
	for doctype in ("Custom HTML Block", "Module Profile"):
		for name in shipped(doctype):
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
