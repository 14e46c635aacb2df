"""The complaint test world: the complaint window's handler, a window and its staff member (the one
complained about), the department's head, another department's head, the 综合科 reviewer and the leader
in charge of the complaint window, each a real user, and helpers acting through the REST API."""

from __future__ import annotations

import frappe

from insurance_hall.setup.permissions import COMPLAINT_HANDLER, DEPUTY, RECORDS, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_complaint,
	make_hall_department,
	make_outgoing_email_account,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import RestClient

API = "insurance_hall.api.complaint."


class ComplaintWorld:
	def __init__(self, tag: str = "tc"):
		apply_shipped_profile("yinan")
		make_outgoing_email_account()
		self.handler = make_user(f"{tag}.handler@example.com", COMPLAINT_HANDLER)
		self.staff = make_user(f"{tag}.staff@example.com", WINDOW_STAFF, first_name="王窗口")
		self.colleague = make_user(f"{tag}.colleague@example.com", WINDOW_STAFF)
		self.head = make_user(f"{tag}.head@example.com", SECTION_HEAD)
		self.other_head = make_user(f"{tag}.otherhead@example.com", SECTION_HEAD)
		self.reviewer = make_user(f"{tag}.reviewer@example.com", RECORDS)
		self.leader = make_user(f"{tag}.leader@example.com", DEPUTY)
		self.department = make_hall_department(f"投诉测试科{tag}")
		self.other_department = make_hall_department(f"投诉测试另科{tag}")
		for department, head in ((self.department, self.head), (self.other_department, self.other_head)):
			doc = frappe.get_doc("Hall Department", department)
			doc.head = head
			doc.save(ignore_permissions=True)  # the head's department scope follows (services.scope)
		self.window = make_service_window(
			f"{tag.upper()}9", window_name="异地就医", department=self.department, in_service=1
		)
		frappe.db.set_value("Service Window", self.window, {"a_staff": self.staff, "b_staff": self.colleague})
		frappe.db.set_single_value("Hall Settings", "complaint_window_leader", self.leader)
		frappe.db.set_single_value("Hall Settings", "complaint_reviewer", self.reviewer)
		frappe.db.commit()
		self.clients: dict[str, RestClient] = {}

	def client(self, user: str) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user)
		return self.clients[user]

	def complaint(self, **values) -> str:
		values.setdefault("receiver", self.handler)
		values.setdefault("department", self.department)
		values.setdefault("window", self.window)
		values.setdefault("staff", self.staff)
		return make_hall_complaint(**values)

	def call(self, user: str, method: str, **data):
		frappe.db.rollback()
		return self.client(user).call(API + method, data)

	def refer(self, complaint: str, **data):
		return self.call(
			self.handler, "issue_referral", complaint_name=complaint, department=self.department, **data
		)

	def referral_of(self, complaint: str) -> str:
		frappe.db.rollback()
		return frappe.db.get_value("Complaint Referral", {"complaint": complaint}, "name")

	def doc(self, doctype: str, name: str):
		frappe.db.rollback()
		return frappe.get_doc(doctype, name)

	def cleanup(self) -> None:
		frappe.db.rollback()
		names = frappe.get_all(
			"Hall Complaint",
			filters={"department": ("in", [self.department, self.other_department])},
			pluck="name",
		)
		names += frappe.get_all("Hall Complaint", filters={"place": "网上投诉页面"}, pluck="name")
		for name in names:
			for referral in frappe.get_all("Complaint Referral", filters={"complaint": name}, pluck="name"):
				frappe.db.delete("ToDo", {"reference_name": referral})
				frappe.db.delete("Comment", {"reference_name": referral})
				frappe.db.delete("Complaint Referral", {"name": referral})
			frappe.db.delete("ToDo", {"reference_name": name})
			frappe.db.delete("Comment", {"reference_name": name})
			frappe.db.delete("Version", {"docname": name})
			frappe.db.delete("Hall Complaint", {"name": name})
		frappe.db.commit()
