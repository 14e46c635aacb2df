"""The working calendar against the State Council's 2026 notice (shared/data/cn-workdays-2026.json).

Seed 002 沂南《限时办结制度》: "限时办结时间以工作日计算，其办结时限从收到申报材料，作出受理决定的次日起计算。"
"""

from datetime import date, timedelta

import pytest

from insurance_hall.rules.profile import calendar_rows, load_calendar
from insurance_hall.rules.workdays import (
	HOLIDAY,
	MAKEUP_WORKDAY,
	CalendarNotLoaded,
	WorkCalendar,
	calendar_day_errors,
)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
	rows = calendar_rows(load_calendar("cn-2026"))
	return WorkCalendar.from_rows([(2026, d, t) for d, t, _ in rows])


HOLIDAYS_2026 = [
	("2026-01-01", "2026-01-03"),
	("2026-02-15", "2026-02-23"),
	("2026-04-04", "2026-04-06"),
	("2026-05-01", "2026-05-05"),
	("2026-06-19", "2026-06-21"),
	("2026-09-25", "2026-09-27"),
	("2026-10-01", "2026-10-07"),
]
MAKEUP_2026 = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]


def _days(start: str, end: str):
	day, last = date.fromisoformat(start), date.fromisoformat(end)
	while day <= last:
		yield day
		day += timedelta(days=1)


@pytest.mark.parametrize("start,end", HOLIDAYS_2026)
def test_every_public_holiday_is_a_rest_day(cal, start, end):
	assert [d for d in _days(start, end) if cal.is_working_day(d)] == []


@pytest.mark.parametrize("day", MAKEUP_2026)
def test_every_makeup_day_is_a_working_weekend_day(cal, day):
	d = date.fromisoformat(day)
	assert d.weekday() >= 5
	assert cal.is_working_day(d)


def test_plain_weekend_rests_and_plain_weekday_works(cal):
	assert not cal.is_working_day(date(2026, 3, 7))  # Saturday
	assert not cal.is_working_day(date(2026, 3, 8))  # Sunday
	assert cal.is_working_day(date(2026, 3, 9))  # Monday


def test_2026_has_248_working_days(cal):
	# 261 weekdays, 19 of them holidays, 6 make-up Saturdays and Sundays
	assert sum(cal.is_working_day(d) for d in _days("2026-01-01", "2026-12-31")) == 248


@pytest.mark.parametrize(
	"accepted,limit,due",
	[
		# the day of acceptance never counts: 1 working day after a Monday is the Tuesday
		("2026-03-09", 1, "2026-03-10"),
		# a Friday acceptance: Saturday and Sunday do not count
		("2026-03-13", 1, "2026-03-16"),
		# 元旦: accepted on the holiday, the make-up Sunday Jan 4 is the first working day
		("2026-01-01", 1, "2026-01-04"),
		("2026-01-01", 2, "2026-01-05"),
		# 春节: Feb 13 (1), make-up Sat Feb 14 (2), holiday to Mon Feb 23, Tue Feb 24 (3)
		("2026-02-12", 3, "2026-02-24"),
		# the second 春节 make-up day, Saturday Feb 28
		("2026-02-27", 1, "2026-02-28"),
		# 清明: Fri Apr 3 accepted, Sat-Mon off, Tue Apr 7
		("2026-04-03", 1, "2026-04-07"),
		# 劳动节: Thu Apr 30 accepted; May 6, 7, 8, then the make-up Saturday May 9
		("2026-04-30", 3, "2026-05-08"),
		("2026-04-30", 4, "2026-05-09"),
		# 端午: Thu Jun 18 accepted, Fri-Sun off, Mon Jun 22
		("2026-06-18", 1, "2026-06-22"),
		# make-up Sunday Sep 20 before 中秋
		("2026-09-18", 1, "2026-09-20"),
		# 中秋: Thu Sep 24 accepted, Fri-Sun off, Mon Sep 28
		("2026-09-24", 1, "2026-09-28"),
		# 国庆: Wed Sep 30 accepted; Oct 8, Oct 9, make-up Sat Oct 10, Mon Oct 12
		("2026-09-30", 1, "2026-10-08"),
		("2026-09-30", 3, "2026-10-10"),
		("2026-09-30", 4, "2026-10-12"),
		# a matter served at once
		("2026-03-09", 0, "2026-03-09"),
	],
)
def test_due_date_counts_from_the_day_after_acceptance(cal, accepted, limit, due):
	assert cal.add_working_days(date.fromisoformat(accepted), limit) == date.fromisoformat(due)


def test_working_days_between_is_the_inverse_of_the_due_date(cal):
	start = date(2026, 1, 1)
	for limit in range(0, 240, 7):
		due = cal.add_working_days(start, limit)
		assert cal.working_days_between(start, due) == limit
	assert cal.working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
	assert cal.working_days_between(date(2026, 10, 10), date(2026, 9, 30)) == -3


def test_a_year_no_provider_can_build_is_reported_not_guessed(cal):
	with pytest.raises(CalendarNotLoaded) as err:
		cal.is_working_day(date(2027, 1, 4))
	assert err.value.year == 2027
	assert "2027年不在工作日历可计算的年份范围内" in str(err.value)
	with pytest.raises(CalendarNotLoaded):
		cal.add_working_days(date(2025, 12, 31), 1)
	# Tue Dec 29: Dec 30 and 31 still fit, the third working day is in 2027
	assert cal.add_working_days(date(2026, 12, 29), 2) == date(2026, 12, 31)
	with pytest.raises(CalendarNotLoaded) as err:
		cal.add_working_days(date(2026, 12, 29), 3)
	assert err.value.year == 2027


def test_a_gap_between_loaded_years_is_not_jumped():
	cal = WorkCalendar.from_rows([(2026, None, None), (2028, None, None)])
	with pytest.raises(CalendarNotLoaded) as err:
		cal.add_working_days(date(2026, 12, 30), 5)
	assert err.value.year == 2027


def test_negative_limit_is_refused(cal):
	with pytest.raises(ValueError):
		cal.add_working_days(date(2026, 3, 9), -1)


def test_a_date_both_holiday_and_makeup_day_is_refused():
	errors = calendar_day_errors(2026, [(date(2026, 1, 4), HOLIDAY), (date(2026, 1, 4), MAKEUP_WORKDAY)])
	assert errors == ["2026-01-04 不能既是法定节假日又是调休上班日"]


def test_other_calendar_mistakes_are_named():
	errors = calendar_day_errors(
		2026,
		[
			(date(2027, 1, 1), HOLIDAY),
			(date(2026, 3, 9), MAKEUP_WORKDAY),
			(date(2026, 5, 1), HOLIDAY),
			(date(2026, 5, 1), HOLIDAY),
		],
	)
	assert any("不属于 2026 年" in e for e in errors)
	assert any("2026-03-09 是周一至周五" in e for e in errors)
	assert any("2026-05-01 重复列出" in e for e in errors)


def test_the_shipped_2026_calendar_is_clean():
	rows = calendar_rows(load_calendar("cn-2026"))
	assert calendar_day_errors(2026, [(d, t) for d, t, _ in rows]) == []
	assert len([r for r in rows if r[1] == HOLIDAY]) == 33
