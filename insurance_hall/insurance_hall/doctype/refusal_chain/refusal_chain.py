# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.chain import chain_level_errors


class RefusalChain(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.refusal_chain_level.refusal_chain_level import (
			RefusalChainLevel,
		)

		chain_name: DF.Data
		collective_meeting_allowed: DF.Check
		description: DF.SmallText | None
		disabled: DF.Check
		file_with_business_office: DF.Check
		levels: DF.Table[RefusalChainLevel]
		written_notice_required: DF.Check

	# end: auto-generated types
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
