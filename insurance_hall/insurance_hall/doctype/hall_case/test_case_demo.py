"""The demo day of cases loads: several windows, both kinds of matter, a 容缺 case, an extension and a
referral, each through the case service; loading again changes nothing."""

from __future__ import annotations

import json

import frappe

from insurance_hall.rules import case as r
from insurance_hall.setup import demo
from insurance_hall.tests.factories import apply_shipped_profile
from insurance_hall.tests.utils import IntegrationTestCase


class TestCaseDemo(IntegrationTestCase):
	def test_the_demo_day_of_cases(self):
		apply_shipped_profile("yinan")
		data = json.loads(demo.DEMO_FILE.read_text(encoding="utf-8"))
		for user in data["users"]:
			demo.make_user(user, "Demo@2026")
		frappe.db.set_single_value("Hall Settings", "main_leader", data["main_leader"])
		for department in data["departments"]:
			demo.make_department(department)
		for window in data["windows"]:
			demo.make_record("Service Window", window["window_no"], window)
		for matter in data["matters"]:
			demo.make_record("Service Matter", matter["matter_name"], matter)
		loaded = sum(demo.make_case(case, data["main_leader"]) for case in data["cases"])
		self.assertEqual(loaded, len(data["cases"]))
		self.assertEqual(sum(demo.make_case(case, data["main_leader"]) for case in data["cases"]), 0)
		names = [c["values"]["applicant_name"] for c in data["cases"]]
		cases = frappe.get_all(
			"Hall Case",
			filters={"applicant_name": ("in", names)},
			fields=["status", "window", "matter_type", "extension_status", "referral_kind", "service_mode"],
		)
		self.assertGreaterEqual(len({c.window for c in cases}), 3)
		self.assertEqual({c.matter_type for c in cases}, {"Immediate", "Promised"})
		self.assertIn(r.RONGQUE, {c.status for c in cases})
		self.assertIn(r.DONE, {c.status for c in cases})
		self.assertIn(r.EXT_APPROVED, {c.extension_status for c in cases})
		self.assertIn(r.LEAD, {c.referral_kind for c in cases})
		self.assertIn(r.PROXY, {c.service_mode for c in cases})
