"""A site installed before the complaint register gets its county's complaint channels and the post that
leads the complaint window, from the profile it applied (the shipped one of that key, else the default)."""

import frappe

from insurance_hall.rules.profile import ProfileError, load_profile
from insurance_hall.setup.profile import apply_complaint_channels


def execute() -> None:
	if frappe.db.count("Complaint Channel"):
		return
	key = frappe.db.get_single_value("Hall Settings", "profile_key") or "default"
	try:
		profile = load_profile(key)
	except ProfileError:
		profile = load_profile("default")
	apply_complaint_channels(
		profile.get("complaint_channels") or load_profile("default")["complaint_channels"]
	)
	if not frappe.db.get_single_value("Hall Settings", "complaint_window_leader_post"):
		frappe.db.set_single_value(
			"Hall Settings",
			"complaint_window_leader_post",
			profile.get("settings", {}).get("complaint_window_leader_post") or "分管领导",
		)
