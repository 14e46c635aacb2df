"""The refusal-sheet test world: a department with its head and deputy, a main leader, a clerk,
a stand-in and a bystander, each a real user, and helpers to file and act through the REST API."""

from __future__ import annotations

import frappe

from insurance_hall.setup.permissions import DEPUTY, MAIN_LEADER, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_department,
	make_outgoing_email_account,
	make_user,
)
from insurance_hall.tests.utils import RestClient

ACT = "insurance_hall.api.refusal_sheet.act"


class RefusalWorld:
	def __init__(self, profile: str = "nanyang", department: str = "说不测试科", tag: str = "rs"):
		apply_shipped_profile(profile)
		make_outgoing_email_account()
		self.clerk = make_user(f"{tag}.clerk@example.com", WINDOW_STAFF)
		self.head = make_user(f"{tag}.head@example.com", SECTION_HEAD)
		self.deputy = make_user(f"{tag}.deputy@example.com", DEPUTY)
		self.leader = make_user(f"{tag}.leader@example.com", MAIN_LEADER)
		self.other_head = make_user(f"{tag}.otherhead@example.com", SECTION_HEAD)
		self.standin = make_user(f"{tag}.standin@example.com", WINDOW_STAFF)
		self.department = make_hall_department(department)
		frappe.db.set_value(
			"Hall Department", department, {"head": self.head, "deputy_in_charge": self.deputy}
		)
		frappe.db.set_single_value("Hall Settings", "main_leader", self.leader)
		frappe.db.commit()
		self.clients: dict[str, RestClient] = {}

	def client(self, user: str) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user)
		return self.clients[user]

	def sheet_data(self, **values) -> dict:
		return {
			"department": self.department,
			"first_responder_phone": "0377-62299888",
			"request_time": "2026-03-09 09:30:00",
			"request_channel": "来访",
			"applicant_unit": "南阳某医药公司",
			"applicant_name": "张三",
			"applicant_phone": "13800000000",
			"matter": "申请将未在目录内的药品纳入医保报销",
			"refusal_ground": "不符合法律、法规和规范性文件",
			"refusal_reason": "该药品不在国家医保药品目录内",
			"legal_basis": "《基本医疗保险用药管理暂行办法》第三条",
			"alternative_suggestion": "可申请门诊慢特病待遇，按目录内替代药品报销",
			**values,
		}

	def file(self, **values) -> str:
		"""The clerk fills in a sheet and sends it up the chain; returns its name."""
		response = self.client(self.clerk).insert("Refusal Sheet", self.sheet_data(**values))
		assert response.status == 200, response.text[:500]
		name = response.json["data"]["name"]
		submitted = self.act(self.clerk, name, "提交审批")
		assert submitted.status == 200, submitted.text[:500]
		return name

	def act(
		self,
		user: str,
		name: str,
		action: str,
		opinion: str | None = None,
		modified: str | None = None,
		**extra,
	):
		frappe.db.rollback()  # see what the other requests committed
		modified = modified or str(frappe.db.get_value("Refusal Sheet", name, "modified"))
		return self.client(user).call(
			ACT, {"name": name, "action": action, "opinion": opinion, "modified": modified, **extra}
		)

	def sheet(self, name: str):
		frappe.db.rollback()
		return frappe.get_doc("Refusal Sheet", name)

	def cleanup(self) -> None:
		frappe.db.rollback()
		for name in frappe.get_all("Refusal Sheet", filters={"department": self.department}, pluck="name"):
			frappe.db.delete("Refusal Sheet Step", {"parent": name})
			frappe.db.delete("Refusal Sheet Level", {"parent": name})
			frappe.db.delete("ToDo", {"reference_name": name})
			frappe.db.delete("Refusal Sheet", {"name": name})
		frappe.db.commit()
