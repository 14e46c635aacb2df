# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class ComplaintChannel(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel_name: DF.Data
		deduction: DF.Int
		public_page: DF.Check

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_deduction()

	def validate_deduction(self) -> None:
		if (self.deduction or 0) < 0:
			frappe.throw("查实扣分不能为负数")
