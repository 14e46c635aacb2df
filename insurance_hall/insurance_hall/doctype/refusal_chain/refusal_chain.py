# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.chain import chain_level_errors


class RefusalChain(Document):
	def validate(self) -> None:
		self.validate_levels()

	def validate_levels(self) -> None:
		levels = [
			{
				"level": row.level,
				"label": row.label,
				"approver": row.approver,
				"can_confirm": bool(row.can_confirm),
			}
			for row in self.levels
		]
		errors = chain_level_errors(levels)
		if errors:
			frappe.throw("<br>".join(errors), title=_("审批链设置有误"))
