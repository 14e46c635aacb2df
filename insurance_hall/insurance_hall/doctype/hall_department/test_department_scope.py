"""Leaders and heads see their own departments: a head of department A cannot read, list, export,
report on or act on a sheet of department B, through REST. Applied by Frappe's User Permission,
derived from the department records and kept in sync when a head or deputy changes.

003 南阳: "科室（单位）负责人要综合研判……分管领导要组织审核研判……提请局主要领导最后审定"
"""

from __future__ import annotations

import frappe

from insurance_hall.setup.permissions import RECORDS
from insurance_hall.tests.factories import apply_shipped_profile, make_user
from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.utils import IntegrationTestCase

DT = "Refusal Sheet"
REPORT = "说不事项提级管理汇总表"


class TestDepartmentScope(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = RefusalWorld("nanyang", department="范围甲科", tag="sa")
		cls.b = RefusalWorld("nanyang", department="范围乙科", tag="sb")
		cls.records = make_user("sa.records@example.com", RECORDS)
		# the deputy of A is also in charge of B; saving the departments derives the permissions
		for department, head, deputy in (
			(cls.a.department, cls.a.head, cls.a.deputy),
			(cls.b.department, cls.b.head, cls.a.deputy),
		):
			doc = frappe.get_doc("Hall Department", department)
			doc.head, doc.deputy_in_charge = head, deputy
			doc.save(ignore_permissions=True)
		settings = frappe.get_doc("Hall Settings")
		settings.main_leader = cls.a.leader
		settings.save(ignore_permissions=True)
		frappe.db.commit()
		cls.sheet_a = cls.a.file()
		cls.sheet_b = cls.b.file()

	@classmethod
	def tearDownClass(cls):
		cls.a.cleanup()
		cls.b.cleanup()
		for department in (cls.a.department, cls.b.department):
			doc = frappe.get_doc("Hall Department", department)
			doc.head = doc.deputy_in_charge = None
			doc.save(ignore_permissions=True)
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def listed(self, user: str) -> set[str]:
		response = self.a.client(user).get_list(DT)
		self.assertEqual(response.status, 200, response.text[:300])
		return {row["name"] for row in response.json["data"]}

	def test_a_head_reads_only_their_department(self):
		head_a = self.a.client(self.a.head)
		self.assertEqual(head_a.get(DT, self.sheet_a).status, 200)
		response = head_a.get(DT, self.sheet_b)
		self.assertEqual(response.status, 403, response.text[:300])
		self.assertNotIn("张三", response.text)
		self.assertEqual(self.listed(self.a.head) & {self.sheet_a, self.sheet_b}, {self.sheet_a})
		self.assertEqual(self.listed(self.b.head) & {self.sheet_a, self.sheet_b}, {self.sheet_b})

	def test_the_report_view_and_export_show_only_their_department(self):
		head_a = self.a.client(self.a.head)
		response = head_a.call(
			"frappe.desk.reportview.get",
			{"doctype": DT, "fields": '["name","department"]', "limit_page_length": 500},
		)
		self.assertEqual(response.status, 200, response.text[:300])
		departments = {row[1] for row in response.json["message"]["values"]}
		self.assertEqual(departments & {self.a.department, self.b.department}, {self.a.department})
		export = head_a.call(
			"frappe.desk.reportview.export_query",
			{"doctype": DT, "file_format_type": "CSV", "fields": '["name","department"]', "filters": "[]"},
		)
		self.assertEqual(export.status, 200, export.text[:300])
		self.assertIn(self.sheet_a, export.text)
		self.assertNotIn(self.sheet_b, export.text)

	def test_the_quarterly_summary_counts_only_their_department(self):
		response = self.a.client(self.a.head).call(
			"frappe.desk.query_report.run", {"report_name": REPORT, "filters": {"year": 2026, "quarter": 1}}
		)
		self.assertEqual(response.status, 200, response.text[:300])
		departments = {row.get("department") for row in response.json["message"]["result"]}
		self.assertIn(self.a.department, departments)
		self.assertNotIn(self.b.department, departments)
		refused = self.a.client(self.a.head).call(
			"frappe.desk.query_report.run",
			{"report_name": REPORT, "filters": {"year": 2026, "quarter": 1, "department": self.b.department}},
		)
		self.assertEqual(refused.status, 200, refused.text[:300])
		self.assertIn("只能查看本人负责科室", refused.message)
		self.assertEqual(refused.json["message"]["result"], [])

	def test_a_deputy_sees_the_departments_in_their_charge_and_leaders_see_all(self):
		both = {self.sheet_a, self.sheet_b}
		self.assertEqual(self.listed(self.a.deputy) & both, both)
		self.assertEqual(self.listed(self.a.leader) & both, both)
		self.assertEqual(self.listed(self.records) & both, both)

	def test_a_head_of_another_department_cannot_act(self):
		before = self.b.sheet(self.sheet_b)
		response = self.a.act(self.a.head, self.sheet_b, "能办", "我来办")
		self.assertGreaterEqual(response.status, 400)
		self.assertRegex(response.message, r"[\u4e00-\u9fff]")
		self.assertEqual(str(self.b.sheet(self.sheet_b).modified), str(before.modified))

	def test_changing_the_head_moves_the_permission(self):
		"""A's head becomes B's head, and A gets a new head: each now reads only their new department."""
		moves = ((self.a.department, self.a.other_head), (self.b.department, self.a.head))
		for department, head in moves:
			doc = frappe.get_doc("Hall Department", department)
			doc.head = head
			doc.save(ignore_permissions=True)
		frappe.db.commit()
		try:
			moved = self.a.client(self.a.head)
			self.assertEqual(moved.get(DT, self.sheet_a).status, 403)
			self.assertEqual(moved.get(DT, self.sheet_b).status, 200)
			new = self.a.client(self.a.other_head)
			self.assertEqual(new.get(DT, self.sheet_a).status, 200)
			self.assertEqual(new.get(DT, self.sheet_b).status, 403)
		finally:
			for department, head in ((self.a.department, self.a.head), (self.b.department, self.b.head)):
				doc = frappe.get_doc("Hall Department", department)
				doc.head = head
				doc.save(ignore_permissions=True)
			frappe.db.commit()
