"""China's national working calendar of any year, pure: the State Council's arrangement where it is known,
the statutory holidays alone where it is not yet.

Each year the State Council publishes the next year's 放假安排 (holidays and the weekend days worked in
exchange, 调休上班) in November or December, so a hall always lives some weeks in a year it has no
official calendar for. A year is built from, in this order:

1. a calendar shipped with the app (`data/calendars/cn-YYYY.json`, copied from the notice): official;
2. the `holidays` library (`holidays.country_holidays("CN")`), which knows China's statutory holidays,
   lunar ones included, of every year it covers, and the make-up working days (`weekend_workdays`) of
   the years whose notice it has: official when it has them, **provisional** otherwise.

The county's own days (a local holiday, the hall closed for works) and the hall admin's confirmation of
a year from the notice come on top, from the site's Work Calendar (`workdays.layered_year`).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays as holiday_library

from insurance_hall.rules.profile import available_calendars, calendar_rows, load_calendar
from insurance_hall.rules.workdays import HOLIDAY, MAKEUP_WORKDAY, YearDays

COUNTRY = "CN"
FIRST_YEAR = max(getattr(holiday_library.China, "start_year", 1950), 1950)
LAST_YEAR = min(getattr(holiday_library.China, "end_year", 2100), 2100)


def shipped_year(year: int) -> YearDays | None:
	"""The year as the notice shipped with the app has it, when there is one."""
	name = f"cn-{year}"
	if name not in available_calendars():
		return None
	rows = calendar_rows(load_calendar(name))
	return YearDays(
		year,
		frozenset(day for day, kind, _ in rows if kind == HOLIDAY),
		frozenset(day for day, kind, _ in rows if kind == MAKEUP_WORKDAY),
		official=True,
	)


def library_year(year: int) -> YearDays | None:
	"""The year from the holidays library: official when it knows the year's make-up working days."""
	if not FIRST_YEAR <= year <= LAST_YEAR:
		return None
	found = holiday_library.country_holidays(COUNTRY, years=year)
	rest = frozenset(day for day in found if day.year == year)
	makeup = frozenset(day for day in getattr(found, "weekend_workdays", ()) if day.year == year)
	return YearDays(year, rest, makeup, official=bool(makeup))


@lru_cache(maxsize=256)
def national_year(year: int) -> YearDays | None:
	"""The national calendar of `year`, or None for a year no source covers (a typo such as 2206)."""
	return shipped_year(year) or library_year(year)


def in_range(day: date) -> bool:
	return FIRST_YEAR <= day.year <= LAST_YEAR


def year_error(year: int | None) -> str | None:
	"""A Work Calendar is for a year the national calendar covers."""
	if not year or not FIRST_YEAR <= int(year) <= LAST_YEAR:
		return f"年份“{year or ''}”无效：工作日历可维护 {FIRST_YEAR}—{LAST_YEAR} 年"
	return None


def confirm_year_errors(year: int, already_confirmed: bool, national_official: bool) -> list[str]:
	"""Why the hall admin may not confirm the year's arrangement now: a year no calendar covers, or a
	year confirmed already (by the admin, or because the notice is known to the app)."""
	error = year_error(year)
	if error:
		return [error]
	if already_confirmed:
		return [f"{year}年的国务院放假安排已经核对确认，无需重复确认"]
	if national_official:
		return [f"{year}年的国务院放假安排已随系统提供，无需确认"]
	return []


def next_year_reminder(today: date, next_year_official: bool) -> str | None:
	"""From 1 November on, while next year's arrangement is not known, the hall admin is told to confirm it
	(the State Council publishes it in November or December)."""
	if today.month < 11 or next_year_official:
		return None
	year = today.year + 1
	return (
		f"{year}年的国务院放假安排尚未核对：期限暂按法定节假日计算。"
		f"通知公布后，请在“工作日历”中录入{year}年的放假和调休上班日并确认。"
	)
