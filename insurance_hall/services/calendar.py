"""The site's working calendar: the national calendar of every year (`rules/national_calendar.py`) under the
county's own days and confirmations (Work Calendar records), turned into one pure WorkCalendar, cached.

A date no calendar can be built for (a typo year such as 2206) is refused with a Chinese message, as
a validation error of whatever form asked: never a server error.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

import frappe
from frappe.utils import getdate

from insurance_hall.rules.national_calendar import national_year
from insurance_hall.rules.workdays import HOLIDAY, CalendarNotLoaded, WorkCalendar, YearDays, layered_year

CACHE_KEY = "insurance_hall:county_calendar_days"


class OutOfCalendar(frappe.ValidationError):
	"""A date in a year no working calendar can be built for."""


def _county_rows() -> dict[int, dict[str, Any]]:
	"""The county's own days and confirmations, by year (the Work Calendar records)."""
	county: dict[int, dict[str, Any]] = {}
	for row in frappe.get_all("Work Calendar", fields=["year", "national_confirmed"]):
		county[int(row.year)] = {"confirmed": bool(row.national_confirmed), "holidays": [], "makeup": []}
	days = frappe.get_all(
		"Work Calendar Day",
		filters={"parenttype": "Work Calendar"},
		fields=["parent", "date", "day_type"],
		order_by="date asc",
	)
	for row in days:
		entry = county.get(int(row.parent))
		if entry is not None:
			entry["holidays" if row.day_type == HOLIDAY else "makeup"].append(str(row.date))
	return county


def _provider(county: dict[int, dict[str, Any]]) -> Callable[[int], YearDays | None]:
	def build(year: int) -> YearDays | None:
		national = national_year(year)
		if national is None:
			return None
		own = county.get(year) or county.get(str(year)) or {}  # cached JSON turns the keys into strings
		return layered_year(
			national,
			(getdate(day) for day in own.get("holidays", ())),
			(getdate(day) for day in own.get("makeup", ())),
			bool(own.get("confirmed")),
		)

	return build


def get_work_calendar() -> WorkCalendar:
	"""The calendar of every year; one DB read per cache clear, one build per year and request."""
	if getattr(frappe.local, "insurance_hall_calendar", None) is not None:
		return frappe.local.insurance_hall_calendar
	county = frappe.cache.get_value(CACHE_KEY, generator=_county_rows)
	calendar = WorkCalendar(provider=_provider(county))
	frappe.local.insurance_hall_calendar = calendar
	return calendar


def clear_calendar_cache() -> None:
	frappe.cache.delete_value(CACHE_KEY)
	frappe.local.insurance_hall_calendar = None


def refusing_unknown_years(fn):
	"""A date outside every calendar answers the user a Chinese message (a ValidationError), not a 500."""

	@wraps(fn)
	def wrapper(*args, **kwargs):
		try:
			return fn(*args, **kwargs)
		except CalendarNotLoaded as exc:
			frappe.throw(str(exc), OutOfCalendar, title="日期超出范围")

	return wrapper


@refusing_unknown_years
def add_working_days(start: date | str, days: int) -> date:
	return get_work_calendar().add_working_days(getdate(start), days)


@refusing_unknown_years
def is_working_day(day: date | str) -> bool:
	return get_work_calendar().is_working_day(getdate(day))


@refusing_unknown_years
def working_days_before(day: date | str, days: int) -> date:
	return get_work_calendar().working_days_before(getdate(day), days)


@refusing_unknown_years
def working_days_between(start: date | str, end: date | str) -> int:
	return get_work_calendar().working_days_between(getdate(start), getdate(end))


@refusing_unknown_years
def is_provisional(start: date | str, end: date | str) -> bool:
	"""Whether a date counted from `start` to `end` crosses a year whose arrangement is not known yet."""
	return bool(get_work_calendar().provisional_years(getdate(start), getdate(end)))


@refusing_unknown_years
def is_official(year: int) -> bool:
	return get_work_calendar().is_official(int(year))


@refusing_unknown_years
def last_working_day_on_or_before(day: date | str) -> date:
	"""`day` when the hall works on it, else the working day before it (where a demo day is laid out)."""
	day = getdate(day)
	calendar = get_work_calendar()
	return day if calendar.is_working_day(day) else calendar.working_days_before(day, 1)
