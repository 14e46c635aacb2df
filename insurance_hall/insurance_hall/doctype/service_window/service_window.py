# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.queue import prefix_error
from insurance_hall.rules.staffing import same_ab_staff_error, window_title


class ServiceWindow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		a_staff: DF.Link | None
		b_staff: DF.Link | None
		booking_capacity: DF.Int
		department: DF.Link | None
		in_service: DF.Check
		queue_prefix: DF.Data | None
		window_name: DF.Data | None
		window_no: DF.Data
		window_title: DF.Data | None

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_ab_staff()
		self.validate_queue_prefix()
		self.window_title = window_title(self.window_no, self.window_name)

	def validate_ab_staff(self) -> None:
		error = same_ab_staff_error(self.a_staff, self.b_staff)
		if error:
			frappe.throw(error, title=_("A/B角设置有误"))

	def validate_queue_prefix(self) -> None:
		self.queue_prefix = (self.queue_prefix or "").strip().upper() or None
		error = prefix_error(self.queue_prefix)
		if error:
			frappe.throw(error, title=_("排队号前缀有误"))
