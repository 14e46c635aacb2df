"""The base controller of every hall form: its managed fields and child tables (`rules/managed.py`) change
only through an action of its service, which marks the save with the one flag `hall_action`.

Every write path Frappe has (a form save, REST PUT, `frappe.client.insert` of a child row, Data Import,
submit, update after submit) runs `run_before_save_methods`, so the guard stands there, once, for all.
"""

from __future__ import annotations

import frappe
from frappe.model.document import Document

from insurance_hall.rules.managed import MANAGED, changed, refusal_message


class HallRecord(Document):
	def run_before_save_methods(self) -> None:
		self.guard_managed()
		super().run_before_save_methods()

	def guard_managed(self) -> None:
		spec = MANAGED.get(self.doctype)
		if spec is None or self.flags.hall_action:
			return
		before = self.get_doc_before_save()
		if before is None and not self.is_new():
			before = frappe.get_doc(
				self.doctype, self.name
			)  # a path that did not load it (a child-row insert)
		names = changed(spec, before.as_dict() if before else None, self.as_dict())
		if names:
			labels = [frappe._(self.meta.get_label(name)) for name in names]
			frappe.throw(refusal_message(labels), frappe.PermissionError, title="不能直接修改")
