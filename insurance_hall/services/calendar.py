"""The site's working calendar: Work Calendar records turned into a pure WorkCalendar, cached."""

from __future__ import annotations

from datetime import date

import frappe
from frappe.utils import getdate

from insurance_hall.rules.workdays import WorkCalendar

CACHE_KEY = "insurance_hall:work_calendar_rows"


def _calendar_rows() -> list[tuple[int, str, str]]:
	years = frappe.get_all("Work Calendar", pluck="year")
	rows = frappe.get_all(
		"Work Calendar Day",
		filters={"parenttype": "Work Calendar"},
		fields=["parent", "date", "day_type"],
		order_by="date asc",
	)
	# a loaded year with no exceptions still counts as loaded
	data = [(int(year), None, None) for year in years]
	data += [(int(row.parent), str(row.date), row.day_type) for row in rows]
	return data


def get_work_calendar() -> WorkCalendar:
	"""The calendar of every loaded year; one DB read per cache clear, one build per request."""
	if getattr(frappe.local, "insurance_hall_calendar", None) is not None:
		return frappe.local.insurance_hall_calendar
	rows = frappe.cache.get_value(CACHE_KEY, generator=_calendar_rows)
	calendar = WorkCalendar.from_rows(rows)
	frappe.local.insurance_hall_calendar = calendar
	return calendar


def clear_calendar_cache() -> None:
	frappe.cache.delete_value(CACHE_KEY)
	frappe.local.insurance_hall_calendar = None


def add_working_days(start: date | str, days: int) -> date:
	return get_work_calendar().add_working_days(getdate(start), days)


def is_working_day(day: date | str) -> bool:
	return get_work_calendar().is_working_day(getdate(day))


def working_days_before(day: date | str, days: int) -> date:
	return get_work_calendar().working_days_before(getdate(day), days)


def working_days_between(start: date | str, end: date | str) -> int:
	return get_work_calendar().working_days_between(getdate(start), getdate(end))
