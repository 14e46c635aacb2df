# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.staffing import same_ab_staff_error


class ServiceWindow(Document):
	def validate(self) -> None:
		self.validate_ab_staff()

	def validate_ab_staff(self) -> None:
		error = same_ab_staff_error(self.a_staff, self.b_staff)
		if error:
			frappe.throw(error, title=_("A/B角设置有误"))
