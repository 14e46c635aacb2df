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


def shipped(doctype: str) -> list[str]:
	"""Names of the records of `doctype` the app ships (its fixtures, and the module profile)."""
	path = MODULE_PROFILE if doctype == "Module Profile" else FIXTURES / f"{frappe.scrub(doctype)}.json"
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


def remove_shipped() -> None:
	"""On uninstall: the workspace's custom block and the staff's module profile (the workspace
	itself goes with the module); users keep their blocked modules, not a link to nothing."""
	for name in shipped("Module Profile"):
		frappe.db.set_value("User", {"module_profile": name}, "module_profile", None, update_modified=False)
	for doctype in ("Custom HTML Block", "Module Profile"):
		for name in shipped(doctype):
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
