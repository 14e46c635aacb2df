import frappe

from insurance_hall.setup.permissions import SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.factories import make_hall_department, make_substitute_assignment, make_user
from insurance_hall.tests.utils import IntegrationTestCase


class TestSubstituteAssignment(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.client = admin_client()
		cls.head = make_user("sub.head@example.com", SECTION_HEAD)
		cls.clerk = make_user("sub.clerk@example.com", WINDOW_STAFF)
		# only someone who approves something has a stand-in
		frappe.db.set_value("Hall Department", make_hall_department("代岗授权测试科"), "head", cls.head)
		frappe.db.commit()

	def _data(self, **values):
		return {
			"absent_user": self.head,
			"substitute": self.clerk,
			"from_date": "2026-03-02",
			"to_date": "2026-03-06",
			"reason": "外出培训",
			**values,
		}

	def test_ending_before_it_starts_is_refused(self):
		data = self._data(from_date="2026-03-06", to_date="2026-03-02")
		assert_refused(
			self, self.client, "Substitute Assignment", data, "结束日期 2026-03-02 早于开始日期 2026-03-06"
		)

	def test_naming_the_same_person_twice_is_refused(self):
		data = self._data(substitute=self.head)
		assert_refused(self, self.client, "Substitute Assignment", data, "代岗人不能是被代岗人本人")

	def test_two_stand_ins_at_once_are_refused(self):
		first = make_substitute_assignment(self.head, self.clerk, "2026-04-01", "2026-04-10")
		frappe.db.commit()
		try:
			data = self._data(from_date="2026-04-10", to_date="2026-04-12")
			assert_refused(self, self.client, "Substitute Assignment", data, "同一时段只能指定一名代岗人")
		finally:
			frappe.delete_doc("Substitute Assignment", first.name, ignore_permissions=True)
			frappe.db.commit()

	def test_a_good_assignment_saves(self):
		response = self.client.insert(
			"Substitute Assignment", self._data(from_date="2026-05-11", to_date="2026-05-12")
		)
		self.assertEqual(response.status, 200, response.text[:300])
		frappe.delete_doc("Substitute Assignment", response.json["data"]["name"], ignore_permissions=True)
		frappe.db.commit()
