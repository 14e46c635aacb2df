"""The citizens' public complaint page (/complaint), tried as a visitor who is not logged in.

002 §十: the window receives "办事群众和企业的“找茬”投诉"; 002 通用规范: "对实名投诉的，要及时向投诉人反馈处理结果".
"""

from __future__ import annotations

import frappe

from insurance_hall.tests.complaint_world import ComplaintWorld
from insurance_hall.tests.factories import apply_shipped_profile
from insurance_hall.tests.utils import GuestClient, IntegrationTestCase

DT = "Hall Complaint"
SUBMIT = "insurance_hall.api.complaint.submit_public"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def clear_rate_limit() -> None:
	frappe.cache.delete_keys(f"rl:{SUBMIT}")


class TestPublicComplaint(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = ComplaintWorld(tag="pc")

	@classmethod
	def tearDownClass(cls):
		clear_rate_limit()
		cls.w.cleanup()
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		clear_rate_limit()
		self.guest = GuestClient()

	def submit(self, **data):
		return self.guest.call(SUBMIT, {"content": "窗口让我来回跑了三趟，手续不简", **data})

	def test_the_page_shows_windows_staff_names_and_the_phone_only(self):
		page = self.guest.page("/complaint")
		self.assertEqual(page.status, 200)
		self.assertIn("0539-3227009", page.text)
		self.assertIn("王窗口（PC9号窗口）", page.text)
		self.assertIn('name="viewport"', page.text)
		self.assertNotIn(self.w.staff, page.text)  # no account names
		self.assertNotIn("@example.com", page.text)

	def test_a_citizen_complains_and_gets_only_a_reference_and_the_phone(self):
		response = self.submit(
			staff=f"{self.w.window}:a",
			complainant_name=SCRIPT[:40],
			complainant_contact="13700000000",
			content=f"态度不好{SCRIPT}",
		)
		self.assertEqual(response.status, 200, response.text[:300])
		answer = response.json["message"]
		self.assertEqual(set(answer), {"reference", "phone"})
		self.assertEqual(answer["phone"], "0539-3227009")
		frappe.db.rollback()
		doc = frappe.get_doc(DT, answer["reference"])
		# stored as inert text: Frappe's XSS filter (the one the Desk relies on) turns the markup into text
		for value in (doc.content, doc.complainant_name):
			self.assertNotIn("<script", value)
			self.assertNotIn("onerror", value)
		self.assertIn("alert", doc.content)
		self.assertTrue(doc.content.startswith("态度不好"))
		self.assertEqual((doc.window, doc.staff, doc.channel), (self.w.window, self.w.staff, "网上"))
		# the reference opens nothing for a visitor
		self.assertGreaterEqual(self.guest.get(DT, answer["reference"]).status, 400)
		self.assertNotIn("13700000000", self.guest.get(DT, answer["reference"]).text)

	def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(self):
		frappe.db.rollback()
		before = frappe.db.count(DT)
		for data, expected in (
			({"content": "  "}, "反映的问题"),
			({"complainant_contact": "<b>13800</b>"}, "不是有效的电话号码"),
			({"staff": "PC9:z", "complainant_contact": "13700000000"}, "工作人员"),
			({"window": "<script>", "complainant_contact": "13700000000"}, "窗口"),
			({"content": "长" * 2001, "anonymous": 1}, "2000"),
			({}, "联系电话"),
		):
			response = self.submit(**data)
			self.assertGreaterEqual(response.status, 400, f"{data}: {response.text[:200]}")
			self.assertIn(expected, response.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT), before)

	def test_a_flood_is_rate_limited(self):
		frappe.db.rollback()
		before = frappe.db.count(DT)
		statuses = [self.submit(anonymous=1).status for _ in range(12)]
		self.assertEqual(statuses[:10], [200] * 10)
		self.assertEqual(statuses[10:], [429, 429])
		refused = self.submit(anonymous=1)
		self.assertEqual(refused.status, 429)
		self.assertRegex(refused.message, r"[\u4e00-\u9fff]")
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT), before + 10)
