# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.rules import refusal as r
from insurance_hall.services import case

# what a user may change by saving the form, and in which states; everything else moves only
# through the sheet's actions (insurance_hall.services.refusal.act)
EDITABLE_STATES = (r.DRAFT, r.RETURNED)


class RefusalSheet(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.refusal_sheet_level.refusal_sheet_level import (
			RefusalSheetLevel,
		)
		from insurance_hall.insurance_hall.doctype.refusal_sheet_step.refusal_sheet_step import (
			RefusalSheetStep,
		)

		acting_for: DF.Link | None
		alternative_suggestion: DF.SmallText | None
		amended_from: DF.Link | None
		applicant_feedback: DF.SmallText | None
		applicant_name: DF.Data
		applicant_phone: DF.Data
		applicant_unit: DF.Data | None
		auto_escalated: DF.Check
		chain_file_office: DF.Check
		chain_meeting_allowed: DF.Check
		chain_written_notice: DF.Check
		collective_meeting: DF.Check
		current_approver: DF.Link | None
		current_approver_full_name: DF.Data | None
		current_can_confirm: DF.Check
		current_level: DF.Int
		current_level_label: DF.Data | None
		decided_by: DF.Link | None
		decided_level_type: DF.Literal["", "Department Head", "Deputy In Charge", "Main Leader"]
		decided_on: DF.Datetime | None
		department: DF.Link
		due_date: DF.Date | None
		filed_with_business_office: DF.Check
		first_responder: DF.Link | None
		first_responder_full_name: DF.Data | None
		first_responder_phone: DF.Data | None
		hall_case: DF.Link | None
		is_overdue: DF.Check
		legal_basis: DF.SmallText
		levels: DF.Table[RefusalSheetLevel]
		matter: DF.SmallText
		outcome: DF.Literal["", "Solved", "Refused"]
		refusal_chain: DF.Link | None
		refusal_ground: DF.Literal[
			"\u7533\u62a5\u8d44\u6599\u4e0d\u771f\u5b9e\u6216\u4e3b\u8981\u8d44\u6599\u4e0d\u5b8c\u6574",
			"\u4e0d\u5c5e\u4e8e\u672c\u673a\u5173\u804c\u8d23\u8303\u56f4",
			"\u4e0d\u7b26\u5408\u6cd5\u5f8b\u3001\u6cd5\u89c4\u548c\u89c4\u8303\u6027\u6587\u4ef6",
			"\u7533\u8bf7\u4e8b\u9879\u8d85\u671f\u6216\u65f6\u9650\u672a\u5230",
			"\u5c5e\u4e8e\u4fdd\u5bc6\u4e8b\u9879\u4e0d\u80fd\u516c\u5f00\u529e\u7406",
			"\u5176\u4ed6\u4e0d\u80fd\u529e\u7406\u7684\u4e8b\u9879",
		]
		refusal_reason: DF.Text
		remarks: DF.SmallText | None
		reminder_sent: DF.Check
		replied_on: DF.Datetime | None
		reply_method: DF.Literal["", "\u7535\u8bdd", "\u4e66\u9762"]
		reply_note: DF.SmallText | None
		request_channel: DF.Literal[
			"\u6765\u8bbf",
			"\u6765\u4fe1",
			"\u7535\u8bdd",
			"\u7f51\u4e0a",
			"\u7535\u5b50\u90ae\u4ef6",
			"\u5176\u4ed6",
		]
		request_time: DF.Datetime
		service_matter: DF.Link | None
		steps: DF.Table[RefusalSheetStep]
		top_level: DF.Int
		workflow_state: DF.Link | None

	# end: auto-generated types
	def before_insert(self) -> None:
		self.carry_over_case()
		self.set_first_responder()

	def before_update_after_submit(self) -> None:
		if not self.flags.hall_action:
			self.guard_decided()

	def on_trash(self) -> None:
		self.guard_delete()

	def carry_over_case(self) -> None:
		"""A sheet started from a case (办件) takes its applicant, matter and department."""
		if self.hall_case:
			for field, value in case.refusal_values(self.hall_case).items():
				if value and not self.get(field):
					self.set(field, value)

	def set_first_responder(self) -> None:
		"""The first person asked owns the request (首问负责): the clerk filing the sheet."""
		self.first_responder = frappe.session.user
		if not self.flags.hall_action:
			self.workflow_state = r.DRAFT

	def guard_decided(self) -> None:
		frappe.throw("已作出决定的说“不”事项不能修改：答复情况请通过“记录答复”登记", frappe.PermissionError)

	def guard_delete(self) -> None:
		if self.workflow_state not in (r.DRAFT, None, ""):
			frappe.throw(
				f"该事项已送审（{self.workflow_state}），不能删除：审批记录须留存备查", frappe.PermissionError
			)


def on_doctype_update() -> None:
	# the quarterly summary (附件3) lists the main leader's refusals of a quarter: an index range scan
	frappe.db.add_index("Refusal Sheet", ["decided_level_type", "outcome", "request_time"])
