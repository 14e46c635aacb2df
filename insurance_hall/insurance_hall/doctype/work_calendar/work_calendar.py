# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from insurance_hall.hall_record import HallRecord
from insurance_hall.rules.national_calendar import year_error
from insurance_hall.rules.workdays import calendar_day_errors
from insurance_hall.services.calendar import clear_calendar_cache


class WorkCalendar(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.work_calendar_day.work_calendar_day import WorkCalendarDay

		confirmed_by: DF.Link | None
		confirmed_on: DF.Datetime | None
		days: DF.Table[WorkCalendarDay]
		national_confirmed: DF.Check
		source: DF.Data | None
		year: DF.Int

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_year()
		self.validate_days()

	def on_update(self) -> None:
		clear_calendar_cache()

	def on_trash(self) -> None:
		clear_calendar_cache()

	def validate_year(self) -> None:
		error = year_error(self.year)
		if error:
			frappe.throw(error, title=_("工作日历有误"))

	def validate_days(self) -> None:
		errors = calendar_day_errors(self.year, [(getdate(row.date), row.day_type) for row in self.days])
		if errors:
			frappe.throw("<br>".join(errors), title=_("工作日历有误"))
