from datetime import date

import frappe
from frappe.utils import getdate

from insurance_hall.rules.national_calendar import national_year
from insurance_hall.services import case, deadlines
from insurance_hall.services.calendar import add_working_days, clear_calendar_cache
from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.utils import IntegrationTestCase


API = "insurance_hall.api.calendar.confirm_year"


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

	def test_a_county_day_moves_the_national_calendar_and_a_typo_year_is_refused(self):
		"""Every year has a calendar (the national one); a county's own Work Calendar lies on top; a year
		no calendar covers is refused in Chinese, never a server error."""
		for year in ("2030",):
			if frappe.db.exists("Work Calendar", year):
				frappe.delete_doc("Work Calendar", year, ignore_permissions=True, force=True)
		frappe.db.commit()
		clear_calendar_cache()
		# Mon 2030-12-30 + 1 working day: Tue 31 December, from the national calendar alone
		self.assertEqual(str(add_working_days("2030-12-30", 1)), "2030-12-31")
		with self.assertRaises(frappe.ValidationError) as err:
			add_working_days("2206-01-04", 3)
		self.assertIn("2206年不在工作日历可计算的年份范围内", str(err.exception))
		frappe.clear_messages()
		# the hall is closed on 31 December 2030 for works: a county day
		data = {"year": 2030, "source": "县局通知", "days": [{"date": "2030-12-31", "day_type": "Holiday"}]}
		response = self.client.insert("Work Calendar", data)
		self.assertEqual(response.status, 200, response.text[:300])
		frappe.db.rollback()
		clear_calendar_cache()
		try:
			self.assertEqual(str(add_working_days("2030-12-30", 1)), "2031-01-02")
		finally:
			frappe.delete_doc("Work Calendar", "2030", ignore_permissions=True, force=True)
			frappe.db.commit()
			clear_calendar_cache()

	def test_a_work_calendar_for_a_typo_year_is_refused(self):
		assert_refused(self, self.client, "Work Calendar", {"year": 2206, "source": "测试"}, "年份“2206”无效")


class TestProvisionalDeadlines(IntegrationTestCase):
	"""A deadline crossing a year whose State Council arrangement is not known is provisional, said so, and
	recounted once when the hall admin confirms the year; the holder is told when it moved earlier."""

	def setUp(self):
		from insurance_hall.insurance_hall.doctype.hall_case.test_hall_case import CaseWorld

		self.year = next(y for y in range(2027, 2100) if not national_year(y).official)
		self.drop_year()
		self.w = CaseWorld()
		self.admin = admin_client()

	def tearDown(self):
		self.drop_year()

	def drop_year(self):
		frappe.db.rollback()
		if frappe.db.exists("Work Calendar", str(self.year)):
			frappe.delete_doc("Work Calendar", str(self.year), ignore_permissions=True, force=True)
		frappe.db.commit()
		clear_calendar_cache()

	def pinned_case(self) -> str:
		"""A promised case (5 working days) accepted on 31 December of the year before the provisional one."""
		name = self.w.accepted_promised_case()
		doc = frappe.get_doc("Hall Case", name)
		doc.clock_start_on = doc.accepted_on = date(self.year - 1, 12, 31)
		case.set_due(doc)
		doc.db_update()
		frappe.db.commit()
		return name

	def test_confirming_the_year_recounts_once_tells_the_holder_and_cannot_be_forged(self):
		name = self.pinned_case()
		before = frappe.get_doc("Hall Case", name)
		self.assertEqual(before.due_provisional, 1)
		provisional_due = getdate(before.due_date)
		self.assertGreater(provisional_due.year, self.year - 1)
		# the notice names the first Saturday of January a make-up working day: the limit ends a day earlier
		saturday = next(date(self.year, 1, d) for d in range(1, 8) if date(self.year, 1, d).weekday() == 5)
		data = {
			"year": self.year,
			"source": "国务院办公厅通知",
			"days": [{"date": str(saturday), "day_type": "Make-up Workday"}],
		}
		self.assertEqual(self.admin.insert("Work Calendar", data).status, 200)
		frappe.db.rollback()
		# nobody confirms by typing the field, nor as a clerk
		forged = self.admin.update("Work Calendar", str(self.year), {"national_confirmed": 1})
		self.assertGreaterEqual(forged.status, 400)
		self.assertIn("确认国务院放假安排", forged.message)
		clerk = self.w.client(self.w.clerk).call(API, {"year": self.year})
		self.assertEqual(clerk.status, 403, clerk.text[:300])
		self.assertIn("只有大厅管理员可以核对工作日历", clerk.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Work Calendar", str(self.year), "national_confirmed"), 0)
		self.assertEqual(frappe.db.get_value("Hall Case", name, "due_date"), provisional_due)
		# the admin confirms: recounted once, the trail names both dates, the holder is told
		confirmed = self.admin.call(API, {"year": self.year})
		self.assertEqual(confirmed.status, 200, confirmed.text[:500])
		self.assertGreaterEqual(confirmed.json["message"]["recounted"], 1)
		frappe.db.rollback()
		after = frappe.get_doc("Hall Case", name)
		self.assertEqual(after.due_provisional, 0)
		self.assertLess(getdate(after.due_date), provisional_due)
		self.assertEqual(after.steps[-1].action, "期限重算")
		self.assertIn(f"由 {provisional_due} 重新计算为 {after.due_date}", after.steps[-1].note)
		told = frappe.get_all(
			"Notification Log",
			filters={"for_user": after.handler, "document_name": name, "subject": ("like", "%期限提前%")},
		)
		self.assertEqual(len(told), 1)
		# a second confirmation is refused; a second recount changes nothing
		again = self.admin.call(API, {"year": self.year})
		self.assertGreaterEqual(again.status, 400)
		self.assertIn("无需重复确认", again.message)
		self.assertEqual(deadlines.recount_provisional(), 0)
		frappe.db.rollback()
		self.assertEqual(len(frappe.get_doc("Hall Case", name).steps), len(after.steps))

	def test_the_admin_is_told_from_november_while_next_year_is_provisional(self):
		from insurance_hall.services.workspace import notices_of

		frappe.db.rollback()
		admin = self.admin.user
		november = date(self.year - 1, 11, 1)
		self.assertIn(f"{self.year}年的国务院放假安排尚未核对", notices_of(admin, november)[0])
		self.assertEqual(notices_of(admin, date(self.year - 1, 10, 31)), [])
		self.assertEqual(notices_of(self.w.clerk, november), [])
