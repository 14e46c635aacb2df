"""Appointments (预约服务): a site set up before the booking schedule existed gets it from its own
county profile (the one it was applied from, else the default); a value already set is kept."""

import frappe

from insurance_hall.rules.profile import ProfileError, load_profile

KEYS = (
	"booking_start_time",
	"booking_end_time",
	"booking_slot_minutes",
	"booking_capacity",
	"booking_days_ahead",
	"booking_on_rest_days",
	"booking_channels",
)


def execute() -> None:
	key = frappe.db.get_single_value("Hall Settings", "profile_key") or "default"
	try:
		settings = load_profile(key)["settings"]
	except ProfileError:
		settings = load_profile("default")["settings"]
	for field in KEYS:
		current = frappe.db.get_single_value("Hall Settings", field)
		# booking_on_rest_days 0 is a choice only once the others are set: filled with the rest
		if not current and settings[field] not in (None, ""):
			frappe.db.set_single_value("Hall Settings", field, settings[field])
	frappe.clear_document_cache("Hall Settings", "Hall Settings")
