"""Install, migrate and uninstall hooks: thin, each calls a named step."""

from __future__ import annotations

import frappe

from insurance_hall.rules.profile import load_profile
from insurance_hall.services import deadlines, inbox
from insurance_hall.setup.fixtures import ensure_module_profile, ensure_workflow_names, remove_shipped
from insurance_hall.setup.permissions import HALL_ROLES
from insurance_hall.setup.profile import app_doctypes, apply_profile
from insurance_hall.setup.roles import ensure_roles
from insurance_hall.setup.tailoring import grant_tailoring, revoke_tailoring
from insurance_hall.setup.workflow import WORKFLOW_NAME, remove_refusal_workflow

DEFAULT_PROFILE = "default"


def before_install() -> None:
	ensure_roles()


def after_install() -> None:
	ensure_roles()
	ensure_workflow_names()
	ensure_module_profile()
	grant_tailoring()
	inbox.ensure_index()
	apply_default_profile()
	hide_tracebacks()


def before_migrate() -> None:
	"""Before Frappe syncs the fixtures: the workflow's states and actions the Workflow fixture names."""
	ensure_workflow_names()


def after_migrate() -> None:
	ensure_roles()
	ensure_module_profile()
	grant_tailoring()
	inbox.ensure_index()
	# a newer national calendar may know a year that was provisional: its deadlines are recounted once
	deadlines.recount_provisional()


def before_tests() -> None:
	ensure_roles()
	set_chinese_as_site_language()  # the test site is the hall's own: its users work in Chinese
	if not frappe.db.get_single_value("Hall Settings", "profile_key"):
		apply_default_profile()
	frappe.db.commit()


def hide_tracebacks() -> None:
	"""Citizens use the hall's public pages: a server error answers a message, never a traceback (Frappe's
	default shows it to every caller, guests included). An admin who wants them back turns it on again."""
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)


def set_chinese_as_site_language() -> bool:
	"""The hall works in Chinese: a site still on the installer's English default switches to zh, when
	asked (`apply-hall-profile`, which a county's installer runs; installing the app alone changes nothing
	on a site shared with other apps). A site whose language was chosen on purpose (anything but en) keeps
	it; users keep their own. True when it switched."""
	if (frappe.db.get_single_value("System Settings", "language") or "en") == "en":
		frappe.db.set_single_value("System Settings", "language", "zh")
		frappe.db.set_default("lang", "zh")
		return True
	return False


def apply_default_profile() -> None:
	apply_profile(load_profile(DEFAULT_PROFILE))


def before_uninstall() -> None:
	remove_refusal_workflow()
	remove_shipped()
	inbox.drop_index()
	remove_customizations()
	revoke_tailoring()
	remove_roles()


def remove_customizations() -> None:
	"""Custom Fields and Property Setters on the app's DocTypes would outlive them: remove them."""
	doctypes = app_doctypes()
	for name in frappe.get_all("Custom Field", filters={"dt": ("in", doctypes)}, pluck="name"):
		frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
	for name in frappe.get_all("Property Setter", filters={"doc_type": ("in", doctypes)}, pluck="name"):
		frappe.delete_doc("Property Setter", name, ignore_permissions=True, force=True)


def remove_roles() -> None:
	for role in HALL_ROLES:
		if frappe.db.exists("Role", role):
			frappe.db.delete("Has Role", {"role": role})
			frappe.delete_doc("Role", role, ignore_permissions=True, force=True)


def leftovers() -> int:
	"""After uninstall: how many of the app's DocTypes, roles and customizations are still on the site."""
	import json
	from pathlib import Path

	folder = Path(frappe.get_app_path("insurance_hall", "insurance_hall", "doctype"))
	names = [json.loads(p.read_text(encoding="utf-8"))["name"] for p in folder.glob("*/*.json")]
	return (
		frappe.db.count("DocType", {"module": "Insurance Hall"})
		+ frappe.db.count("Role", {"name": ("in", HALL_ROLES)})
		+ frappe.db.count("Custom Field", {"dt": ("in", names)})
		+ frappe.db.count("Property Setter", {"doc_type": ("in", names)})
		+ frappe.db.count("Workflow", {"name": WORKFLOW_NAME})
		+ frappe.db.count("Custom DocPerm", {"role": ("in", HALL_ROLES)})
	)
