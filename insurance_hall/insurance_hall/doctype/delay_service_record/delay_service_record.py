# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import delay


class DelayServiceRecord(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		adjust_reason: DF.SmallText | None
		adjusted_minutes: DF.Int
		amended_from: DF.Link | None
		citizen_confirmation: DF.Literal["", "\u5c4f\u5e55\u7b7e\u540d", "\u7eb8\u8d28\u7b7e\u5b57"]
		citizen_confirmed_at: DF.Datetime | None
		citizen_name: DF.Data
		citizen_phone: DF.Data
		citizen_signature: DF.Signature | None
		closing_time: DF.Time | None
		department: DF.Link | None
		extension_minutes: DF.Int
		filed_by: DF.Link | None
		filed_on: DF.Datetime | None
		handler: DF.Link | None
		handler_confirmed: DF.Check
		handler_confirmed_at: DF.Datetime | None
		hall_case: DF.Link | None
		handling_result: DF.SmallText
		matter_text: DF.Data | None
		satisfaction: DF.Autocomplete | None
		satisfaction_is_bad: DF.Check
		served_until: DF.Time
		service_date: DF.Date
		service_matter: DF.Link | None
		signed_copy: DF.Attach | None
		status: DF.Literal["\u8349\u7a3f", "\u5f85\u5907\u6848", "\u5df2\u5907\u6848"]
		window: DF.Link
	# end: auto-generated types

	def validate(self) -> None:
		self.guard_filed()
		delay.prepare(self)
		delay.guard_confirmed_fields(self)
		delay.update_status(self)

	def on_update(self) -> None:
		delay.after_save(self)

	def before_submit(self) -> None:
		self.guard_filing_is_an_action()
		delay.update_status(self)

	def before_update_after_submit(self) -> None:
		self.guard_filed()

	def before_cancel(self) -> None:
		self.guard_filed()

	def on_trash(self) -> None:
		self.guard_filed()
		self.guard_signed_delete()

	def guard_signed_delete(self) -> None:
		"""What the handler confirmed or the citizen signed is kept: a mistake is put right by reopening."""
		if self.handler_confirmed or self.citizen_confirmation:
			frappe.throw(
				"已确认或签字的登记表不能删除：如有错误，请点“重新打开”写明理由后修改", frappe.PermissionError
			)

	def guard_filed(self) -> None:
		"""A filed record is kept as it is: nobody edits, cancels or deletes it."""
		if self.docstatus == 2 or (self.get_doc_before_save() and self.get_doc_before_save().docstatus == 1):
			frappe.throw("已备案的延时服务登记表不能修改、作废或删除", frappe.PermissionError)
		if self.docstatus == 1 and not self.flags.hall_action:
			frappe.throw("已备案的延时服务登记表不能修改、作废或删除", frappe.PermissionError)

	def guard_filing_is_an_action(self) -> None:
		if not self.flags.hall_action:
			frappe.throw("延时服务登记表须由综合科通过“备案”操作备案", frappe.PermissionError)


def on_doctype_update() -> None:
	# the monthly ledger reads one month of records per window: an index range scan
	frappe.db.add_index("Delay Service Record", ["service_date", "window"])
