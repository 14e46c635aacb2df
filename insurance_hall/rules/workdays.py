"""The working-day calendar of the seeds, as pure Python.

002 沂南《限时办结制度》: "限时办结时间以工作日计算，其办结时限从收到申报材料，作出受理决定的次日起计算。"
A time limit of N working days therefore ends on the N-th working day *after* the day of
acceptance; the day of acceptance itself never counts.

Working days follow the State Council notice for each year: Monday to Friday work, Saturday and
Sunday rest, except the listed public holidays (rest) and make-up working days (调休上班, work).
A date in a year whose calendar is not loaded raises `CalendarNotLoaded`: it is never guessed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

HOLIDAY = "Holiday"
MAKEUP_WORKDAY = "Make-up Workday"
DAY_TYPES = (HOLIDAY, MAKEUP_WORKDAY)


class CalendarNotLoaded(LookupError):
	"""A date falls in a year for which no working calendar is loaded."""

	def __init__(self, year: int):
		self.year = year
		super().__init__(f"{year}年的工作日历尚未维护，无法计算工作日")


@dataclass(frozen=True)
class YearDays:
	"""One year's exceptions to the Monday-Friday rule."""

	year: int
	holidays: frozenset[date]
	makeup_workdays: frozenset[date]


def is_weekend(day: date) -> bool:
	return day.weekday() >= 5


def default_is_working_day(day: date, holidays: frozenset[date], makeup: frozenset[date]) -> bool:
	"""A weekday is a working day unless a holiday; a weekend day only when a make-up day."""
	if day in makeup:
		return True
	if day in holidays:
		return False
	return not is_weekend(day)


class WorkCalendar:
	"""Working days over a set of loaded years, contiguous or not.

	All working days of the loaded years are kept as a sorted list of ordinals, so that
	"N working days after D" is one binary search and one index, whatever N is.
	"""

	def __init__(self, years: Iterable[YearDays]):
		self._years: dict[int, YearDays] = {y.year: y for y in years}
		self._workdays: list[int] = []
		for year in sorted(self._years):
			y = self._years[year]
			day = date(year, 1, 1)
			while day.year == year:
				if default_is_working_day(day, y.holidays, y.makeup_workdays):
					self._workdays.append(day.toordinal())
				day += timedelta(days=1)
		self._first_year = min(self._years) if self._years else None

	@classmethod
	def from_rows(cls, rows: Iterable[tuple[int, date | str | None, str | None]]) -> WorkCalendar:
		"""Build from (year, date, day_type) rows, e.g. the Work Calendar Day table.

		A row (year, None, None) loads a year that has no exception at all.
		"""
		holidays: dict[int, set[date]] = {}
		makeup: dict[int, set[date]] = {}
		years: set[int] = set()
		for year, day, day_type in rows:
			years.add(year)
			if day is None:
				continue
			if isinstance(day, str):
				day = date.fromisoformat(day)
			target = holidays if day_type == HOLIDAY else makeup
			target.setdefault(year, set()).add(day)
		return cls(
			YearDays(y, frozenset(holidays.get(y, ())), frozenset(makeup.get(y, ()))) for y in sorted(years)
		)

	@property
	def years(self) -> list[int]:
		return sorted(self._years)

	def _check(self, day: date) -> YearDays:
		try:
			return self._years[day.year]
		except KeyError:
			raise CalendarNotLoaded(day.year) from None

	def is_working_day(self, day: date) -> bool:
		y = self._check(day)
		return default_is_working_day(day, y.holidays, y.makeup_workdays)

	def add_working_days(self, start: date, days: int) -> date:
		"""The date on which a limit of `days` working days, counted from the day after `start`, ends.

		`days == 0` gives `start` itself (a matter served at once).
		"""
		if days < 0:
			raise ValueError("工作日数不能为负数")
		self._check(start)
		if days == 0:
			return start
		# the first working day strictly after start is at this index
		index = bisect.bisect_right(self._workdays, start.toordinal()) + days - 1
		if index >= len(self._workdays):
			raise CalendarNotLoaded(self._next_missing_year(start))
		result = date.fromordinal(self._workdays[index])
		if not self._years_between_loaded(start.year, result.year):
			raise CalendarNotLoaded(self._next_missing_year(start))
		return result

	def working_days_before(self, day: date, days: int) -> date:
		"""The working day that lies `days` working days before `day` (a reminder ahead of a due date).

		`days == 0` gives `day` itself.
		"""
		if days < 0:
			raise ValueError("工作日数不能为负数")
		self._check(day)
		if days == 0:
			return day
		index = bisect.bisect_left(self._workdays, day.toordinal()) - days
		if index < 0:
			raise CalendarNotLoaded(day.year - 1)
		result = date.fromordinal(self._workdays[index])
		if not self._years_between_loaded(result.year, day.year):
			raise CalendarNotLoaded(result.year)
		return result

	def working_days_between(self, start: date, end: date) -> int:
		"""Working days in (start, end]: how many of a limit have been used by `end`.

		Negative when `end` is before `start`.
		"""
		if end < start:
			return -self.working_days_between(end, start)
		self._check(start)
		self._check(end)
		if not self._years_between_loaded(start.year, end.year):
			raise CalendarNotLoaded(self._next_missing_year(start))
		return bisect.bisect_right(self._workdays, end.toordinal()) - bisect.bisect_right(
			self._workdays, start.toordinal()
		)

	def _years_between_loaded(self, first: int, last: int) -> bool:
		return all(y in self._years for y in range(first, last + 1))

	def _next_missing_year(self, start: date) -> int:
		year = start.year
		while year in self._years:
			year += 1
		return year


def calendar_day_errors(year: int, days: Iterable[tuple[date, str]]) -> list[str]:
	"""What is wrong with one year's list of (date, day_type): every problem, in Chinese.

	A date that is both a holiday and a make-up working day cannot be: the State Council notice
	names each date once. A make-up working day (调休上班) is always a Saturday or Sunday.
	"""
	errors: list[str] = []
	seen: dict[date, str] = {}
	for day, day_type in days:
		if day_type not in DAY_TYPES:
			errors.append(f"{day}：日期类型“{day_type}”无效")
			continue
		if day.year != year:
			errors.append(f"{day} 不属于 {year} 年")
		if day in seen:
			if seen[day] != day_type:
				errors.append(f"{day} 不能既是法定节假日又是调休上班日")
			else:
				errors.append(f"{day} 重复列出")
			continue
		seen[day] = day_type
		if day_type == MAKEUP_WORKDAY and not is_weekend(day):
			errors.append(f"{day} 是周一至周五，本就是工作日，不能列为调休上班日")
	return errors
