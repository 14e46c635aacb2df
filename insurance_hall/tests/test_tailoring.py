"""The hall admin tailors the hall's forms in the Desk, and only those (issue: "As 大厅管理员,
/app/customize-form answers 页 customize-form未找到").

Through the same calls the Customize Form screen makes (run_doc_method fetch_to_customize /
save_customization), as the admin: a field added to 办件 is on the form, a clerk fills it, and the county
profile export carries it. The same admin trying User, Role or DocType, by the screen or by writing a
Custom Field, Property Setter or Print Format directly, is refused in Chinese and nothing is written.
"""

from __future__ import annotations

import json

import frappe

from insurance_hall.rules.roles import HALL_ADMIN, WINDOW_STAFF
from insurance_hall.setup.profile import export_profile
from insurance_hall.tests.factories import make_user
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

LABEL = "医保电子凭证号"


class TestTailoring(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin = make_user("tailor.admin@example.com", HALL_ADMIN)
		cls.clerk = make_user("tailor.clerk@example.com", WINDOW_STAFF)
		# what Customize Form writes besides the field (the field order): put back as it was afterwards
		cls.setters = set(frappe.get_all("Property Setter", {"doc_type": "Hall Case"}, pluck="name"))
		frappe.db.commit()
		cls.client = RestClient(cls.admin)

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		for name in frappe.get_all("Custom Field", {"dt": "Hall Case", "label": LABEL}, pluck="name"):
			frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
		for name in (
			set(frappe.get_all("Property Setter", {"doc_type": "Hall Case"}, pluck="name")) - cls.setters
		):
			frappe.delete_doc("Property Setter", name, ignore_permissions=True, force=True)
		frappe.clear_cache(doctype="Hall Case")
		frappe.db.commit()
		super().tearDownClass()

	def screen(self, method: str, doc: dict):
		return self.client.call("run_doc_method", {"docs": json.dumps(doc), "method": method})

	def fetch(self, doctype: str):
		return self.screen(
			"fetch_to_customize", {"doctype": "Customize Form", "name": "Customize Form", "doc_type": doctype}
		)

	def test_the_admin_adds_a_field_to_the_case_a_clerk_fills_it_and_the_profile_carries_it(self):
		opened = self.fetch("Hall Case")
		self.assertEqual(opened.status, 200, opened.text[:500])
		doc = opened.json["docs"][0]
		self.assertEqual(doc["doc_type"], "Hall Case")
		doc["fields"].append(
			{
				"doctype": "Customize Form Field",
				"label": LABEL,
				"fieldtype": "Data",
				"is_custom_field": 1,
				"length": 40,
			}
		)
		saved = self.screen("save_customization", doc)
		self.assertEqual(saved.status, 200, saved.text[:800])
		frappe.db.rollback()
		fieldname = frappe.db.get_value("Custom Field", {"dt": "Hall Case", "label": LABEL}, "fieldname")
		self.assertTrue(fieldname)
		self.assertTrue(frappe.get_meta("Hall Case", cached=False).get_field(fieldname))
		# the profile export carries it to a fresh site
		self.assertIn(LABEL, [row.get("label") for row in export_profile().get("custom_fields", [])])

	def test_other_forms_are_not_the_hall_admins_to_tailor(self):
		frappe.db.rollback()
		counts = {dt: frappe.db.count(dt) for dt in ("Custom Field", "Property Setter", "Print Format")}
		attempts = [self.fetch(dt) for dt in ("User", "Role", "ToDo")]
		attempts.append(
			self.client.insert("Custom Field", {"dt": "User", "label": "外号", "fieldtype": "Data"})
		)
		attempts.append(
			self.client.insert(
				"Property Setter",
				{
					"doctype_or_field": "DocField",
					"doc_type": "Role",
					"field_name": "role_name",
					"property": "hidden",
					"value": "1",
					"property_type": "Check",
				},
			)
		)
		attempts.append(
			self.client.insert(
				"Print Format",
				{"name": "用户卡片", "doc_type": "User", "print_format_type": "Jinja", "html": "x"},
			)
		)
		for response in attempts:
			self.assertGreaterEqual(response.status, 400, response.text[:400])
			self.assertTrue(
				"大厅管理员只能定制本系统的表单" in response.message
				or "Core DocTypes" in response.message
				or "不能" in response.message,
				response.message[:300],
			)
		frappe.db.rollback()
		self.assertEqual({dt: frappe.db.count(dt) for dt in counts}, counts)
