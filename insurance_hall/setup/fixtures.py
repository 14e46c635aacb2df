"""What the app ships in insurance_hall/fixtures/ (synced by install and every migrate): read by name,
so uninstall can remove it (fixtures outlive the app that shipped them)."""

from __future__ import annotations

import json
from pathlib import Path

import frappe

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def shipped(doctype: str) -> list[str]:
	"""Names of the records of `doctype` the app ships in its fixtures."""
	path = FIXTURES / f"{frappe.scrub(doctype)}.json"
	return [row["name"] for row in json.loads(path.read_text(encoding="utf-8"))]


def remove_blocks() -> None:
	"""On uninstall: the workspace's custom blocks (the workspace itself goes with the module)."""
	for name in shipped("Custom HTML Block"):
		if frappe.db.exists("Custom HTML Block", name):
			frappe.delete_doc("Custom HTML Block", name, ignore_permissions=True, force=True)
