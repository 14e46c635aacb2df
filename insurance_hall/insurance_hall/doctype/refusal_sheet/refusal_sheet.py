# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from insurance_hall.rules import refusal as r

# what a user may change by saving the form, and in which states; everything else moves only
# through the sheet's actions (insurance_hall.services.refusal.act)
EDITABLE_STATES = (r.DRAFT, r.RETURNED)


class RefusalSheet(Document):
	def before_insert(self) -> None:
		self.set_first_responder()

	def validate(self) -> None:
		if self.flags.refusal_action:
			return
		self.guard_state_and_status()
		self.guard_locked_states()

	def before_update_after_submit(self) -> None:
		if not self.flags.refusal_action:
			frappe.throw(
				"已作出决定的说“不”事项不能修改：答复情况请通过“记录答复”登记", frappe.PermissionError
			)

	def on_trash(self) -> None:
		self.guard_delete()

	def set_first_responder(self) -> None:
		"""The first person asked owns the request (首问负责): the clerk filing the sheet."""
		self.first_responder = frappe.session.user
		if not self.flags.refusal_action:
			self.workflow_state = r.DRAFT

	def guard_state_and_status(self) -> None:
		before = self.get_doc_before_save()
		old_state = before.workflow_state if before else r.DRAFT
		if (self.workflow_state or r.DRAFT) != old_state or (before and before.docstatus != self.docstatus):
			frappe.throw("审批状态只能通过审批操作改变，不能直接修改", frappe.PermissionError)

	def guard_locked_states(self) -> None:
		before = self.get_doc_before_save()
		if before and before.workflow_state not in EDITABLE_STATES:
			frappe.throw(f"该事项处于“{before.workflow_state}”状态，不能修改", frappe.PermissionError)

	def guard_delete(self) -> None:
		if self.workflow_state not in (r.DRAFT, None, ""):
			frappe.throw(
				f"该事项已送审（{self.workflow_state}），不能删除：审批记录须留存备查", frappe.PermissionError
			)


def on_doctype_update() -> None:
	# the quarterly summary (附件3) lists the main leader's refusals of a quarter: an index range scan
	frappe.db.add_index("Refusal Sheet", ["decided_level_type", "outcome", "request_time"])
