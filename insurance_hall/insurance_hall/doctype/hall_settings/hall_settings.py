# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.profile import SETTINGS, rating_scale_errors


class HallSettings(Document):
	def validate(self) -> None:
		self.validate_thresholds()
		self.validate_rating_scale()

	def validate_thresholds(self) -> None:
		for key, (kind, minimum) in SETTINGS.items():
			if kind is int and minimum is not None and (self.get(key) or 0) < minimum:
				label = _(self.meta.get_label(key))
				frappe.throw(_("{0} 不能小于 {1}").format(label, minimum), title=_("设置有误"))

	def validate_rating_scale(self) -> None:
		if not self.rating_levels:
			return
		scale = [{"label": row.label, "is_bad": bool(row.is_bad)} for row in self.rating_levels]
		errors = rating_scale_errors(scale)
		if errors:
			frappe.throw("<br>".join(errors), title=_("评价等级设置有误"))
