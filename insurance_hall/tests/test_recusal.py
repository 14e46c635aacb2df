"""回避: nobody handles a matter about themselves, through stand-ins or not. The matter goes to the next
person the chain names, the trail says why, and the person named can neither act on it nor sign it."""

from __future__ import annotations

import frappe
from frappe.utils import add_days, today

from insurance_hall.setup.permissions import MAIN_LEADER
from insurance_hall.tests.complaint_world import ComplaintWorld
from insurance_hall.tests.factories import make_substitute_assignment, make_user
from insurance_hall.tests.utils import IntegrationTestCase


class TestRecusal(IntegrationTestCase):
	def setUp(self):
		self.w = ComplaintWorld("rc")
		frappe.db.set_value("Hall Department", self.w.department, "deputy_in_charge", self.w.leader)
		self.main = make_user("rc.main@example.com", MAIN_LEADER)
		frappe.db.set_single_value("Hall Settings", "main_leader", self.main)
		frappe.db.commit()

	def tearDown(self):
		self.w.cleanup()
		frappe.db.delete("Substitute Assignment", {"reason": "回避测试"})
		frappe.db.set_value("Hall Department", self.w.department, "deputy_in_charge", None)
		frappe.db.commit()

	def comments(self, doctype: str, name: str) -> str:
		frappe.db.rollback()
		return "\n".join(
			frappe.get_all(
				"Comment", filters={"reference_doctype": doctype, "reference_name": name}, pluck="content"
			)
		)

	def test_a_complaint_about_the_head_goes_to_the_deputy_in_charge(self):
		w = self.w
		complaint = w.complaint(staff=w.head)
		response = w.refer(complaint)
		self.assertEqual(response.status, 200, response.text[:500])
		referral = w.referral_of(complaint)
		self.assertEqual(frappe.db.get_value("Complaint Referral", referral, "receiver"), w.leader)
		self.assertIn("回避", self.comments("Complaint Referral", referral))

	def test_a_clerk_standing_in_for_the_head_never_receives_the_complaint_about_her(self):
		w = self.w
		make_substitute_assignment(
			w.head, w.staff, add_days(today(), -1), add_days(today(), 1), reason="回避测试"
		)
		frappe.db.commit()
		complaint = w.complaint(staff=w.staff)
		response = w.refer(complaint)
		self.assertEqual(response.status, 200, response.text[:500])
		referral = w.referral_of(complaint)
		self.assertNotIn(frappe.db.get_value("Complaint Referral", referral, "receiver"), (w.staff,))
		self.assertIn("回避", self.comments("Complaint Referral", referral))
		# and she can neither read the 承办单 nor close it, whatever shares exist
		clerk = w.client(w.staff)
		read = clerk.get("Complaint Referral", referral)
		self.assertEqual(read.status, 403, read.text[:300])
		closing = w.call(
			w.staff, "close_referral", name=referral, solved="是", measures="已解释", satisfied="满意"
		)
		self.assertGreaterEqual(closing.status, 400)
		frappe.db.rollback()
		self.assertNotEqual(frappe.db.get_value("Complaint Referral", referral, "status"), "已办结")

	def test_the_staff_named_signs_nothing_about_themselves(self):
		w = self.w
		complaint = w.complaint(staff=w.reviewer)
		response = w.call(w.reviewer, "sign_summary", complaint_name=complaint, role="reviewer")
		self.assertGreaterEqual(response.status, 400)
		self.assertIn("回避", response.message)
