"""The working-day calendar of the seeds, as pure Python.

002 沂南《限时办结制度》: "限时办结时间以工作日计算，其办结时限从收到申报材料，作出受理决定的次日起计算。"
A time limit of N working days therefore ends on the N-th working day *after* the day of
acceptance; the day of acceptance itself never counts.

Working days follow the State Council notice for each year: Monday to Friday work, Saturday and
Sunday rest, except the listed public holidays (rest) and make-up working days (调休上班, work).
Every year has a calendar: a `WorkCalendar` asks its provider for a year the first time a date in it
is needed (the national calendar of `rules/national_calendar.py` under the county's own days). A year
is **official** when the State Council's arrangement (调休) is known, **provisional** otherwise (its
statutory holidays and weekends only): a date computed across a provisional year says so. Only a year
no provider can build (a typo such as 2206) raises `CalendarNotLoaded`: it is never guessed.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

HOLIDAY = "Holiday"
MAKEUP_WORKDAY = "Make-up Workday"
DAY_TYPES = (HOLIDAY, MAKEUP_WORKDAY)


PROVISIONAL_NOTE = "暂按法定节假日计算，国务院放假安排公布后核对"


class CalendarNotLoaded(LookupError):
	"""A date falls in a year for which no working calendar can be built."""

	def __init__(self, year: int):
		self.year = year
		super().__init__(f"{year}年不在工作日历可计算的年份范围内，请检查日期是否填写正确")


@dataclass(frozen=True)
class YearDays:
	"""One year's exceptions to the Monday-Friday rule; `official` once the 调休 arrangement is known."""

	year: int
	holidays: frozenset[date]
	makeup_workdays: frozenset[date]
	official: bool = True


def layered_year(
	national: YearDays, holidays: Iterable[date], makeup: Iterable[date], confirmed: bool
) -> YearDays:
	"""The county's own days on top of the national year: a local rest day (a local holiday, the hall
	closed for works) rests even on a national make-up day; a local working day works even on a national
	holiday. The year is official when the nation's arrangement is known or the hall admin confirmed it
	from the State Council's notice (entering its days as the county's)."""
	holidays, makeup = frozenset(holidays), frozenset(makeup)
	return YearDays(
		national.year,
		(national.holidays - makeup) | holidays,
		(national.makeup_workdays - holidays) | makeup,
		national.official or confirmed,
	)


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
	"""Working days over the years it has met, each built once by the provider when first needed.

	The working days of the years built so far are kept as a sorted list of ordinals, so that
	"N working days after D" is one binary search and one index, whatever N is.
	"""

	def __init__(
		self, years: Iterable[YearDays] = (), provider: Callable[[int], YearDays | None] | None = None
	):
		self._years: dict[int, YearDays] = {}
		self._year_workdays: dict[int, list[int]] = {}
		self._provider = provider
		self._workdays: list[int] = []
		for y in years:
			self._add(y)
		self._rebuild()

	@classmethod
	def from_rows(
		cls,
		rows: Iterable[tuple[int, date | str | None, str | None]],
		provider: Callable[[int], YearDays | None] | None = None,
	) -> WorkCalendar:
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
			(
				YearDays(y, frozenset(holidays.get(y, ())), frozenset(makeup.get(y, ())))
				for y in sorted(years)
			),
			provider,
		)

	def _add(self, y: YearDays) -> None:
		self._years[y.year] = y
		days, day = [], date(y.year, 1, 1)
		while day.year == y.year:
			if default_is_working_day(day, y.holidays, y.makeup_workdays):
				days.append(day.toordinal())
			day += timedelta(days=1)
		self._year_workdays[y.year] = days

	def _rebuild(self) -> None:
		self._workdays = [o for year in sorted(self._year_workdays) for o in self._year_workdays[year]]

	@property
	def years(self) -> list[int]:
		return sorted(self._years)

	def year(self, year: int) -> YearDays:
		"""The year's days, built by the provider the first time; `CalendarNotLoaded` when none can be."""
		found = self._years.get(year)
		if found is None and self._provider is not None:
			found = self._provider(year)
			if found is not None:
				self._add(found)
				self._rebuild()
		if found is None:
			raise CalendarNotLoaded(year)
		return found

	def _check(self, day: date) -> YearDays:
		return self.year(day.year)

	def is_working_day(self, day: date) -> bool:
		y = self._check(day)
		return default_is_working_day(day, y.holidays, y.makeup_workdays)

	def is_official(self, year: int) -> bool:
		return self.year(year).official

	def provisional_years(self, start: date, end: date) -> list[int]:
		"""The years from `start` to `end` whose arrangement is not known yet: a date counted across one
		of them may still move once the State Council publishes it."""
		first, last = sorted((start.year, end.year))
		return [year for year in range(first, last + 1) if not self.year(year).official]

	def add_working_days(self, start: date, days: int) -> date:
		"""The date on which a limit of `days` working days, counted from the day after `start`, ends.

		`days == 0` gives `start` itself (a matter served at once).
		"""
		if days < 0:
			raise ValueError("工作日数不能为负数")
		self._check(start)
		if days == 0:
			return start
		year = start.year
		while True:
			# the first working day strictly after start is at this index
			index = bisect.bisect_right(self._workdays, start.toordinal()) + days - 1
			if index < len(self._workdays):
				result = date.fromordinal(self._workdays[index])
				if self._years_between_loaded(start.year, result.year):
					return result
			year += 1
			self.year(year)

	def working_days_before(self, day: date, days: int) -> date:
		"""The working day that lies `days` working days before `day` (a reminder ahead of a due date).

		`days == 0` gives `day` itself.
		"""
		if days < 0:
			raise ValueError("工作日数不能为负数")
		self._check(day)
		if days == 0:
			return day
		year = day.year
		while True:
			index = bisect.bisect_left(self._workdays, day.toordinal()) - days
			if index >= 0:
				result = date.fromordinal(self._workdays[index])
				if self._years_between_loaded(result.year, day.year):
					return result
			year -= 1
			self.year(year)

	def working_days_between(self, start: date, end: date) -> int:
		"""Working days in (start, end]: how many of a limit have been used by `end`.

		Negative when `end` is before `start`.
		"""
		if end < start:
			return -self.working_days_between(end, start)
		self.year(start.year)
		self.year(end.year)
		for year in range(start.year, end.year + 1):
			self.year(year)
		return bisect.bisect_right(self._workdays, end.toordinal()) - bisect.bisect_right(
			self._workdays, start.toordinal()
		)

	def _years_between_loaded(self, first: int, last: int) -> bool:
		return all(y in self._years for y in range(first, last + 1))


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
