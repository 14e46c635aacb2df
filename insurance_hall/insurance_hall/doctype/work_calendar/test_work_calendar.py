import frappe

from insurance_hall.services.calendar import add_working_days, clear_calendar_cache
from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.utils import IntegrationTestCase


class TestWorkCalendar(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.client = admin_client()

	def test_a_date_both_holiday_and_makeup_day_is_refused(self):
		data = {
			"year": 2031,
			"days": [
				{"date": "2031-01-04", "day_type": "Holiday", "description": "元旦"},
				{"date": "2031-01-04", "day_type": "Make-up Workday", "description": "元旦"},
			],
		}
		assert_refused(
			self, self.client, "Work Calendar", data, "2031-01-04 不能既是法定节假日又是调休上班日"
		)

	def test_a_makeup_day_on_a_weekday_is_refused(self):
		data = {"year": 2031, "days": [{"date": "2031-03-05", "day_type": "Make-up Workday"}]}
		assert_refused(self, self.client, "Work Calendar", data, "本就是工作日")

	def test_an_unloaded_year_is_reported_and_a_new_year_is_used_at_once(self):
		for year in ("2030", "2031"):
			if frappe.db.exists("Work Calendar", year):
				frappe.delete_doc("Work Calendar", year, ignore_permissions=True, force=True)
		frappe.db.commit()
		clear_calendar_cache()
		with self.assertRaises(LookupError) as err:
			add_working_days("2030-12-30", 3)
		self.assertIn("2030年的工作日历尚未维护", str(err.exception))
		response = self.client.insert("Work Calendar", {"year": 2030, "source": "测试"})
		self.assertEqual(response.status, 200, response.text[:300])
		# the record was saved by another request: start a new transaction and drop this process's
		# cached copy, as a new request would
		frappe.db.rollback()
		clear_calendar_cache()
		try:
			# 2030 loaded (no exceptions listed): Mon Dec 30 + 1 = Tue Dec 31
			self.assertEqual(str(add_working_days("2030-12-30", 1)), "2030-12-31")
		finally:
			frappe.delete_doc("Work Calendar", "2030", ignore_permissions=True, force=True)
			frappe.db.commit()
