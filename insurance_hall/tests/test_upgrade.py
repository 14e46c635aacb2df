"""Deployed sites upgrade by patch: a site on the previous release's schema (no report index, no
department permissions) is brought to the current one by the patches `bench migrate` runs, and the
sheets already on it are untouched."""

from __future__ import annotations

import frappe
from frappe.modules.patch_handler import get_patches_from_app, run_single

from insurance_hall.patches.v1_0.refusal_report_index import INDEX_FIELDS
from insurance_hall.services.scope import DEPARTMENTAL
from insurance_hall.tests.factories import apply_shipped_profile
from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.utils import IntegrationTestCase

DT = "Refusal Sheet"


def report_index() -> str | None:
	for row in frappe.db.sql(f"SHOW INDEX FROM `tab{DT}`", as_dict=True):
		if row.Column_name == INDEX_FIELDS[0] and row.Seq_in_index == 1:
			return row.Key_name
	return None


class TestUpgrade(IntegrationTestCase):
	def test_every_patch_is_listed_and_importable(self):
		patches = get_patches_from_app("insurance_hall")
		self.assertIn("insurance_hall.patches.v1_0.refusal_report_index", patches)
		self.assertIn("insurance_hall.patches.v1_0.department_scope", patches)
		self.assertIn("insurance_hall.patches.v1_0.hall_hours", patches)
		self.assertIn("insurance_hall.patches.v1_0.booking_schedule", patches)
		for patch in patches:
			frappe.get_attr(patch + ".execute")

	def test_a_site_of_the_previous_release_gets_the_index_and_keeps_its_sheets(self):
		w = RefusalWorld("nanyang", department="升级测试科", tag="up")
		try:
			name = w.file()
			frappe.db.rollback()
			before = frappe.get_doc(DT, name).as_dict()
			# the previous release's schema: the report index did not exist
			index = report_index()
			if index:
				frappe.db.sql_ddl(f"ALTER TABLE `tab{DT}` DROP INDEX `{index}`")
			self.assertIsNone(report_index())
			run_single("insurance_hall.patches.v1_0.refusal_report_index", force=True)
			self.assertIsNotNone(report_index())
			frappe.db.rollback()
			after = frappe.get_doc(DT, name).as_dict()
			self.assertEqual(
				{k: str(v) for k, v in before.items() if k not in ("steps", "levels")},
				{k: str(v) for k, v in after.items() if k not in ("steps", "levels")},
			)
			self.assertEqual(len(before["steps"]), len(after["steps"]))
		finally:
			w.cleanup()

	def test_a_site_of_the_previous_release_gets_the_department_permissions(self):
		w = RefusalWorld("nanyang", department="升级范围科", tag="uq")
		try:
			# departments set up before the permissions were derived (as on the previous release)
			frappe.db.set_value("Hall Department", w.department, "head", w.head)
			frappe.db.delete("User Permission", {"user": w.head, "allow": "Hall Department"})
			frappe.db.commit()
			run_single("insurance_hall.patches.v1_0.department_scope", force=True)
			frappe.db.commit()
			granted = frappe.get_all(
				"User Permission",
				filters={"user": w.head, "allow": "Hall Department"},
				fields=["for_value", "applicable_for"],
				as_list=True,
			)
			self.assertEqual(sorted(granted), sorted((w.department, doctype) for doctype in DEPARTMENTAL))
		finally:
			frappe.db.set_value("Hall Department", w.department, "head", None)
			frappe.db.delete("User Permission", {"user": w.head, "allow": "Hall Department"})
			w.cleanup()

	def test_a_site_of_the_previous_release_gets_the_hall_hours_of_its_profile(self):
		from insurance_hall.setup.profile import time_text

		fields = ("closing_time", "noon_closing_time", "noon_opening_time")
		apply_shipped_profile("yinan")
		frappe.db.commit()
		try:
			for field in fields:  # the previous release had no hours
				frappe.db.set_single_value("Hall Settings", field, None)
			run_single("insurance_hall.patches.v1_0.hall_hours", force=True)
			hours = [time_text(frappe.db.get_single_value("Hall Settings", f)) for f in fields]
			self.assertEqual(hours, ["17:30", "12:00", "13:30"])
			# hours an admin already set are left alone
			frappe.db.set_single_value("Hall Settings", "closing_time", "18:00")
			run_single("insurance_hall.patches.v1_0.hall_hours", force=True)
			self.assertEqual(time_text(frappe.db.get_single_value("Hall Settings", "closing_time")), "18:00")
		finally:
			frappe.db.rollback()
			apply_shipped_profile("default")
			frappe.db.commit()


class TestBookingScheduleUpgrade(IntegrationTestCase):
	def test_a_site_of_the_previous_release_gets_its_countys_booking_schedule(self):
		from insurance_hall.setup.profile import time_text
		from insurance_hall.tests.factories import apply_shipped_profile

		apply_shipped_profile("yinan")
		try:
			phone = frappe.db.get_single_value("Hall Settings", "appointment_phone")
			# the previous release had no booking schedule
			for field in ("booking_start_time", "booking_end_time", "booking_channels"):
				frappe.db.set_single_value("Hall Settings", field, None)
			frappe.db.set_single_value("Hall Settings", "booking_slot_minutes", 0)
			run_single("insurance_hall.patches.v1_0.booking_schedule", force=True)
			settings = frappe.get_doc("Hall Settings")
			self.assertEqual(settings.booking_channels, "窗口,电话")
			self.assertEqual(settings.booking_slot_minutes, 30)
			self.assertEqual(time_text(settings.booking_start_time), "08:30")
			self.assertEqual(settings.appointment_phone, phone)
		finally:
			apply_shipped_profile("default")
			frappe.db.commit()

	def test_a_site_of_the_previous_release_shows_people_and_windows_by_name(self):
		from insurance_hall.tests.factories import make_hall_case, make_service_window, make_user

		clerk = make_user("upgrade.names@example.com", "窗口工作人员", first_name="周名")
		window = make_service_window("UPN", window_name="参保登记窗口")
		case = make_hall_case(clerk)
		# the previous release had neither the fetched names nor the window titles
		frappe.db.set_value("Hall Case", case, {"first_responder_full_name": None, "handler_full_name": None})
		frappe.db.set_value("Service Window", window, "window_title", None)
		run_single("insurance_hall.patches.v1_0.user_full_names", force=True)
		run_single("insurance_hall.patches.v1_0.window_titles", force=True)
		self.assertEqual(frappe.db.get_value("Hall Case", case, "handler_full_name"), "周名")
		self.assertEqual(
			frappe.db.get_value("Service Window", window, "window_title"), "UPN号窗口 参保登记窗口"
		)
		frappe.db.rollback()
