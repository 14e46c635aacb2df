# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.catalogue import promise_error
from insurance_hall.rules.guide import guide_changed, updated_on_error
from insurance_hall.rules.queue import prefix_error


class ServiceMatter(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.service_matter_material.service_matter_material import (
			ServiceMatterMaterial,
		)

		guide_basis: DF.SmallText | None
		guide_conditions: DF.SmallText | None
		department: DF.Link | None
		description: DF.SmallText | None
		guide_fees: DF.Data | None
		guide_published: DF.Check
		guide_updated_on: DF.Date | None
		materials: DF.Table[ServiceMatterMaterial]
		matter_name: DF.Data
		matter_type: DF.Literal["Immediate", "Promised"]
		no_visit_needed: DF.Check
		not_bookable: DF.Check
		guide_process: DF.SmallText | None
		promised_days: DF.Int
		queue_prefix: DF.Data | None
		window: DF.Link | None

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_promise()
		self.validate_queue_prefix()
		self.date_the_guide()

	def date_the_guide(self) -> None:
		"""The public guide says when what it shows last changed (002: "即时更新、同步更新")."""
		before = self.get_doc_before_save()
		materials = [(row.material, row.may_be_missing) for row in self.materials]
		old_materials = [(row.material, row.may_be_missing) for row in before.materials] if before else []
		changed = guide_changed(
			before.as_dict() if before else None, self.as_dict(), materials != old_materials
		)
		error = updated_on_error(before.guide_updated_on if before else None, self.guide_updated_on, changed)
		if error:
			frappe.throw(error, frappe.PermissionError, title=_("不能直接修改"))
		if changed:
			self.guide_updated_on = frappe.utils.today()

	def validate_promise(self) -> None:
		error = promise_error(self.matter_type, self.promised_days)
		if error:
			frappe.throw(error, title=_("办结时限有误"))

	def validate_queue_prefix(self) -> None:
		self.queue_prefix = (self.queue_prefix or "").strip().upper() or None
		error = prefix_error(self.queue_prefix)
		if error:
			frappe.throw(error, title=_("排队号前缀有误"))
