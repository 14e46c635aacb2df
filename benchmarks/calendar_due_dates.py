"""Benchmark: 100,000 due-date computations over a ten-year working calendar.

Prints the time of the indexed calendar (binary search over the sorted working days) and, from the
same run, its ratio against a plain day-by-day walk. Not a test: nothing here asserts a time.

    python3 benchmarks/calendar_due_dates.py
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from insurance_hall.rules.profile import calendar_rows, load_calendar
from insurance_hall.rules.workdays import WorkCalendar, YearDays, default_is_working_day

N = 100_000
YEARS = range(2026, 2036)


def ten_year_calendar() -> list[YearDays]:
	"""2026 as published; the nine years after it with the same holiday dates moved to their year."""
	rows = calendar_rows(load_calendar("cn-2026"))
	years = []
	for year in YEARS:
		holidays, makeup = set(), set()
		for day, day_type, _ in rows:
			moved = day.replace(year=year)
			if day_type == "Holiday":
				holidays.add(moved)
			elif moved.weekday() >= 5:
				makeup.add(moved)
		years.append(YearDays(year, frozenset(holidays), frozenset(makeup)))
	return years


def walk(years: dict[int, YearDays], start: date, days: int) -> date:
	day = start
	while days:
		day += timedelta(days=1)
		y = years[day.year]
		if default_is_working_day(day, y.holidays, y.makeup_workdays):
			days -= 1
	return day


def across_the_year_boundary() -> None:
	"""100,000 due dates counted from December into the next year on the national calendar of any year
	(official 2026 shipped, later years built on demand, provisional until their notice is known)."""
	from insurance_hall.rules.national_calendar import national_year

	random.seed(2027)
	cases = [
		(date(2026 + random.randint(0, 8), 12, random.randint(1, 31)), random.randint(1, 60))
		for _ in range(N)
	]
	t0 = time.perf_counter()
	calendar = WorkCalendar(provider=national_year)
	due = [calendar.add_working_days(start, days) for start, days in cases]
	fast = time.perf_counter() - t0
	provisional = sum(
		bool(calendar.provisional_years(start, end)) for (start, _), end in zip(cases, due, strict=True)
	)
	by_year = {year: calendar.year(year) for year in range(2026, 2037)}
	t0 = time.perf_counter()
	walked = [walk(by_year, start, days) for start, days in cases]
	slow = time.perf_counter() - t0
	assert due == walked, "the two methods disagree across the year boundary"
	print(
		f"year boundary: {N:,} due dates from December into the next year in {fast:.3f} s (years built on demand)"
	)
	print(
		f"               {provisional:,} of them cross a provisional year; walk {slow:.3f} s, ratio {slow / fast:.1f}x"
	)


def main() -> None:
	years = ten_year_calendar()
	random.seed(2026)
	first, last = date(2026, 1, 1).toordinal(), date(2035, 6, 30).toordinal()
	cases = [(date.fromordinal(random.randint(first, last)), random.randint(0, 60)) for _ in range(N)]

	t0 = time.perf_counter()
	calendar = WorkCalendar(years)
	build = time.perf_counter() - t0

	t0 = time.perf_counter()
	indexed = [calendar.add_working_days(start, days) for start, days in cases]
	fast = time.perf_counter() - t0

	by_year = {y.year: y for y in years}
	t0 = time.perf_counter()
	walked = [walk(by_year, start, days) for start, days in cases]
	slow = time.perf_counter() - t0

	assert indexed == walked, "the two methods disagree"
	print(f"calendar: {len(years)} years, built in {build * 1000:.1f} ms")
	print(f"indexed:  {N:,} due dates in {fast:.3f} s ({fast / N * 1e6:.2f} µs each)")
	print(f"walk:     {N:,} due dates in {slow:.3f} s")
	print(f"ratio walk / indexed: {slow / fast:.1f}x")
	across_the_year_boundary()


if __name__ == "__main__":
	main()
