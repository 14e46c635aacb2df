# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from insurance_hall.rules.workdays import calendar_day_errors
from insurance_hall.services.calendar import clear_calendar_cache


class WorkCalendar(Document):
	def validate(self) -> None:
		self.validate_days()

	def on_update(self) -> None:
		clear_calendar_cache()

	def on_trash(self) -> None:
		clear_calendar_cache()

	def validate_days(self) -> None:
		errors = calendar_day_errors(self.year, [(getdate(row.date), row.day_type) for row in self.days])
		if errors:
			frappe.throw("<br>".join(errors), title=_("工作日历有误"))
