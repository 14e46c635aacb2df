# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import complaint as service


class ComplaintReferral(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		acting_for: DF.Link | None
		auto_escalated: DF.Check
		complaint: DF.Link
		department: DF.Link
		done_at: DF.Datetime | None
		due_date: DF.Date | None
		escalated_to: DF.Link | None
		is_overdue: DF.Check
		issued_at: DF.Datetime | None
		leader_instruction: DF.Text | None
		measures: DF.Text | None
		policy_explanation: DF.Text | None
		problem: DF.Text | None
		received_at: DF.Datetime | None
		receiver: DF.Link | None
		receiver_full_name: DF.Data | None
		reminder_sent: DF.Check
		satisfied: DF.Literal["", "\u6ee1\u610f", "\u57fa\u672c\u6ee1\u610f", "\u4e0d\u6ee1\u610f"]
		solved: DF.Literal["", "\u662f", "\u5426"]
		status: DF.Literal["\u5f85\u63a5\u6536", "\u529e\u7406\u4e2d", "\u5df2\u529e\u7ed3"]

	# end: auto-generated types
	def complainant_for_print(self) -> dict:
		"""诉求人 and 联系方式 for the printed 附件2: only for a user who may read them on the register."""
		return service.complainant_visible_to_user(self.complaint)

	def on_trash(self) -> None:
		self.guard_delete()

	def guard_delete(self) -> None:
		frappe.throw("承办单须留存备查，不能删除", frappe.PermissionError)
