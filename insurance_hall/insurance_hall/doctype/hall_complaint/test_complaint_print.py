"""附件1, 附件2 and 附件3 of 002 §十 print as their A4 tables, escaping what was typed, and the 承办单
names who complained only to those who may read the register."""

from __future__ import annotations

import frappe

from insurance_hall.tests.complaint_world import ComplaintWorld
from insurance_hall.tests.factories import apply_shipped_profile
from insurance_hall.tests.utils import IntegrationTestCase

ANNEX1 = "吐槽找茬窗口受理登记表"
ANNEX2 = "吐槽找茬反映问题承办单"
ANNEX3 = "吐槽找茬反映问题总结分析表"


class TestComplaintPrint(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = ComplaintWorld(tag="cp")

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.w.cleanup()
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.set_user("Administrator")

	def html(self, user: str, doctype: str, name: str, print_format: str) -> str:
		frappe.set_user(user)
		try:
			return frappe.get_print(doctype, name, print_format)
		finally:
			frappe.set_user("Administrator")

	def test_the_three_forms_print_their_fields(self):
		w = self.w
		name = w.complaint(content="窗口<b>态度</b>生硬", window_measures="已转交科室")
		response = w.refer(name)
		self.assertEqual(response.status, 200, response.text[:300])
		referral = w.referral_of(name)

		annex1 = self.html(w.handler, "Hall Complaint", name, ANNEX1)
		for text in (
			"附件 1",
			"沂南县医保服务大厅“吐槽找茬”窗口受理登记表",
			"受理员",
			"受理方式",
			"李四",
			"13900000000",
			"所涉及窗口/人员",
			"找茬窗口处理措施",
			"王窗口",
		):
			self.assertIn(text, annex1)
		self.assertNotIn("<b>态度</b>", annex1)

		annex2 = self.html(w.handler, "Complaint Referral", referral, ANNEX2)
		for text in (
			"附件 2",
			"反映问题承办单",
			"承办单位",
			"接收人",
			"办理单位<br>领导批示",
			"李四",
			w.department,
		):
			self.assertIn(text, annex2)
		# the head prints the same 承办单 without who complained
		annex2_head = self.html(w.head, "Complaint Referral", referral, ANNEX2)
		self.assertIn("问题描述", annex2_head)
		self.assertNotIn("李四", annex2_head)
		self.assertNotIn("13900000000", annex2_head)

		annex3 = self.html(w.leader, "Hall Complaint", name, ANNEX3)
		for text in (
			"附件 3",
			"总结分析表",
			"回访人员",
			"服务督办措施",
			"经办人：",
			"审核人：",
			"分管领导：",
		):
			self.assertIn(text, annex3)
