"""The base controller of every hall form: what only an action may change (`rules/managed.py`, one
declaration per form) changes only through `services/records.write`, which marks the save with the one
flag `hall_action`.

Every write path Frappe has (a form save, REST PUT, `frappe.client.insert` of a child row, Data Import,
submit, update after submit) runs `run_before_save_methods`, so the guard stands there, once, for all.
"""

from __future__ import annotations

import frappe
from frappe.model.document import Document

from insurance_hall.rules.managed import MANAGED, refusal


class HallRecord(Document):
	def run_before_save_methods(self) -> None:
		self.guard_managed()
		super().run_before_save_methods()

	def cancel(self):
		"""作废 is no hall action: what was approved, finished or filed is kept (a platform cancel is refused)."""
		if not self.flags.hall_action:
			frappe.throw(
				"本表的单据不能作废：审批、办结和备案的记录须留存备查",
				frappe.PermissionError,
				title="不能作废",
			)
		return super().cancel()

	def guard_managed(self) -> None:
		spec = MANAGED.get(self.doctype)
		if spec is None or self.flags.hall_action:
			return
		before = self.get_doc_before_save()
		if before is None and not self.is_new():
			before = frappe.get_doc(
				self.doctype, self.name
			)  # a path that did not load it (a child-row insert)
		if before is not None:
			saved = before.as_dict()
		elif spec.blank_when_new:
			saved = {name: self.meta.get_field(name).default for name in spec.fields}
		else:
			saved = None
		message = refusal(spec, saved, self.as_dict(), lambda name: frappe._(self.meta.get_label(name)))
		if message:
			frappe.throw(message, frappe.PermissionError, title="不能直接修改")
