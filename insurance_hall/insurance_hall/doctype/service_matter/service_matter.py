# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.catalogue import promise_error


class ServiceMatter(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.service_matter_material.service_matter_material import (
			ServiceMatterMaterial,
		)

		department: DF.Link | None
		description: DF.SmallText | None
		materials: DF.Table[ServiceMatterMaterial]
		matter_name: DF.Data
		matter_type: DF.Literal["Immediate", "Promised"]
		no_visit_needed: DF.Check
		not_bookable: DF.Check
		promised_days: DF.Int
		window: DF.Link | None

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_promise()

	def validate_promise(self) -> None:
		error = promise_error(self.matter_type, self.promised_days)
		if error:
			frappe.throw(error, title=_("办结时限有误"))
