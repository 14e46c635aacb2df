"""The hall's opening time joined the profile (the public 办事指南 publishes the hall's hours): a site set
up before gets the opening time of the profile it applied (or the default profile's)."""

import frappe

from insurance_hall.rules.profile import PROFILES_DIR, load_profile


def execute() -> None:
	frappe.reload_doc("insurance_hall", "doctype", "hall_settings")
	settings = frappe.get_single("Hall Settings")
	key = settings.profile_key if (PROFILES_DIR / f"{settings.profile_key}.json").exists() else "default"
	frappe.db.set_single_value("Hall Settings", "opening_time", load_profile(key)["settings"]["opening_time"])
