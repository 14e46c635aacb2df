# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.catalogue import promise_error


class ServiceMatter(Document):
	def validate(self) -> None:
		self.validate_promise()

	def validate_promise(self) -> None:
		error = promise_error(self.matter_type, self.promised_days)
		if error:
			frappe.throw(error, title=_("办结时限有误"))
