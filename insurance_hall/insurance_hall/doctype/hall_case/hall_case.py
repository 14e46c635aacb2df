# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _

from insurance_hall.hall_record import HallRecord
from insurance_hall.rules import case as r
from insurance_hall.services import case as service


class HallCase(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.hall_case_material.hall_case_material import (
			HallCaseMaterial,
		)
		from insurance_hall.insurance_hall.doctype.hall_case_step.hall_case_step import HallCaseStep

		accepted_on: DF.Date | None
		applicant_delay: DF.Check
		applicant_name: DF.Data
		applicant_type: DF.Literal["\u4e2a\u4eba", "\u5355\u4f4d"]
		applicant_unit: DF.Data | None
		auto_escalated: DF.Check
		channel: DF.Literal[
			"\u6765\u8bbf", "\u6765\u4fe1", "\u7535\u8bdd", "\u7f51\u4e0a", "\u7535\u5b50\u90ae\u4ef6"
		]
		clock_start_on: DF.Date | None
		closed_on: DF.Date | None
		contact_phone: DF.Data
		department: DF.Link | None
		due_date: DF.Date | None
		extension_acting_for: DF.Link | None
		extension_approver: DF.Link | None
		extension_decided_on: DF.Datetime | None
		extension_new_date: DF.Date | None
		extension_opinion: DF.SmallText | None
		extension_reason: DF.SmallText | None
		extension_status: DF.Literal["", "\u5f85\u5ba1\u6279", "\u5df2\u6279\u51c6", "\u672a\u6279\u51c6"]
		first_responder: DF.Link | None
		first_responder_full_name: DF.Data | None
		handler: DF.Link | None
		handler_full_name: DF.Data | None
		helper: DF.Link | None
		id_number: DF.Data | None
		is_overdue: DF.Check
		materials: DF.Table[HallCaseMaterial]
		matter_type: DF.Literal["", "Immediate", "Promised"]
		no_messages: DF.Check
		on_time: DF.Check
		original_due_date: DF.Date | None
		paused_days: DF.Int
		promised_days: DF.Int
		question: DF.SmallText | None
		referral_kind: DF.Literal["", "\u9886\u529e", "\u5bfc\u529e"]
		referred_by: DF.Link | None
		referred_department: DF.Link | None
		referred_on: DF.Datetime | None
		referred_to: DF.Link | None
		reminder_sent: DF.Check
		return_reason: DF.SmallText | None
		rongque_promise_date: DF.Date | None
		rongque_reminded: DF.Check
		service_matter: DF.Link
		service_mode: DF.Literal["", "\u5e2e\u529e", "\u4ee3\u529e"]
		special_group: DF.Check
		status: DF.Literal[
			"\u54a8\u8be2",
			"\u5df2\u53d7\u7406",
			"\u5bb9\u7f3a\u53d7\u7406",
			"\u5df2\u529e\u7ed3",
			"\u5df2\u9000\u529e",
		]
		steps: DF.Table[HallCaseStep]
		waiting_higher: DF.Check
		waiting_since: DF.Date | None
		window: DF.Link | None

	# end: auto-generated types
	def before_insert(self) -> None:
		self.set_first_responder()

	def validate(self) -> None:
		self.fill_materials_from_matter()
		self.validate_id_number()
		self.validate_help_or_proxy()
		if self.flags.hall_action:
			return
		self.guard_holder()

	def set_first_responder(self) -> None:
		"""The first person asked owns the case (首问负责): the clerk who registers it holds it."""
		if self.flags.hall_action:
			return
		if self.due_date:
			frappe.throw(_("办结期限由系统按工作日自动计算，不能手工填写"), frappe.PermissionError)
		for field in r.MANAGED:
			self.set(field, None if self.meta.get_field(field).fieldtype not in ("Check", "Int") else 0)
		self.first_responder = frappe.session.user
		self.handler = frappe.session.user
		self.status = r.INQUIRY
		if not self.department:
			self.department = service.department_of(self.window, self.service_matter)

	def fill_materials_from_matter(self) -> None:
		"""The materials are the matter's list: filled from the catalogue, each ticked when received."""
		service.fill_materials(self)

	def validate_id_number(self) -> None:
		error = r.id_number_error(self.id_number)
		if error:
			frappe.throw(error, title=_("身份证号码有误"))
		if self.id_number:
			self.id_number = self.id_number.strip().upper()

	def validate_help_or_proxy(self) -> None:
		error = service.help_or_proxy_error(self)
		if error:
			frappe.throw(error, title=_("帮办代办"))

	def guard_holder(self) -> None:
		before = self.get_doc_before_save()
		if not before:
			return
		error = service.edit_error(before, frappe.session.user)
		if error:
			frappe.throw(error, frappe.PermissionError)


def on_doctype_update() -> None:
	# the daily job selects the running cases due by a day; the monthly ledger groups a month's
	# closed cases by window
	frappe.db.add_index("Hall Case", ["status", "due_date"])
	frappe.db.add_index("Hall Case", ["closed_on", "window"])
