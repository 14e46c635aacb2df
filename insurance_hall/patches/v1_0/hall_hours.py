"""Sites set up before the hall's hours were part of the profile have no closing time, and the
delay-service log cannot compute an extension: they get the hours of the profile they applied
(or the default profile's), unless the admin already set them."""

import frappe

from insurance_hall.rules.profile import PROFILES_DIR, TIME_SETTINGS, load_profile


def execute() -> None:
	settings = frappe.get_single("Hall Settings")
	if settings.closing_time:
		return
	key = settings.profile_key if (PROFILES_DIR / f"{settings.profile_key}.json").exists() else "default"
	values = load_profile(key)["settings"]
	for field in TIME_SETTINGS:
		frappe.db.set_single_value("Hall Settings", field, values[field] or None)
