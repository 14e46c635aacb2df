"""Every year has a calendar: the national one of any year, official where the State Council's arrangement
is known, provisional (statutory holidays and weekends, no make-up days) where it is not yet.

Seed 002 沂南《限时办结制度》: "限时办结时间以工作日计算，其办结时限从收到申报材料，作出受理决定的次日起计算。"
The counting rule holds on a provisional year as on an official one.
"""

from datetime import date, timedelta

import pytest

from insurance_hall.rules.national_calendar import (
	FIRST_YEAR,
	LAST_YEAR,
	confirm_year_errors,
	library_year,
	national_year,
	next_year_reminder,
	year_error,
)
from insurance_hall.rules.workdays import (
	PROVISIONAL_NOTE,
	CalendarNotLoaded,
	WorkCalendar,
	YearDays,
	layered_year,
)

SEED_002 = "其办结时限从收到申报材料，作出受理决定的次日起计算"


@pytest.fixture()
def cal() -> WorkCalendar:
	return WorkCalendar(provider=national_year)


def test_the_shipped_notice_makes_its_year_official(cal):
	assert cal.is_official(2026)
	# 2026 国庆: 10-01..10-07 rest, Saturday 10-10 worked (调休上班)
	assert not cal.is_working_day(date(2026, 10, 7))
	assert cal.is_working_day(date(2026, 10, 10))


def test_a_year_without_its_notice_is_provisional_with_the_statutory_holidays(cal):
	year = 2027 if not library_year(2027).official else 2099
	assert not cal.is_official(year)
	days = national_year(year)
	assert days.makeup_workdays == frozenset()
	assert date(year, 1, 1) in days.holidays  # 元旦
	assert date(year, 5, 1) in days.holidays  # 劳动节
	assert date(year, 10, 1) in days.holidays  # 国庆节


def test_the_lunar_new_year_of_a_provisional_year_rests():
	# 春节 2027 falls on 6 February (正月初一); 除夕 5 February: both statutory rest days
	days = library_year(2027)
	assert date(2027, 2, 6) in days.holidays
	assert date(2027, 2, 5) in days.holidays


def test_counting_starts_the_day_after_acceptance_on_a_provisional_year_too(cal):
	assert SEED_002
	# accepted Thursday 2026-12-31: Fri 1 Jan 2027 (元旦) rests, Mon 4 Jan is day one
	assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
	assert cal.add_working_days(date(2026, 12, 31), 3) == date(2027, 1, 6)
	assert cal.provisional_years(date(2026, 12, 31), date(2027, 1, 6)) == [2027] or cal.is_official(2027)
	# accepted on the eve of the Spring Festival 2027 (除夕, Friday 5 Feb): day one comes after the festival
	due = cal.add_working_days(date(2027, 2, 4), 1)
	assert due > date(2027, 2, 10)
	assert cal.working_days_between(date(2027, 2, 4), due) == 1


def test_a_date_counted_inside_an_official_year_is_not_provisional(cal):
	due = cal.add_working_days(date(2026, 3, 2), 21)
	assert cal.provisional_years(date(2026, 3, 2), due) == []


def test_a_typo_year_is_refused_with_a_chinese_message(cal):
	with pytest.raises(CalendarNotLoaded) as err:
		cal.add_working_days(date(2206, 1, 1), 3)
	assert "2206年不在工作日历可计算的年份范围内" in str(err.value)
	with pytest.raises(CalendarNotLoaded) as err:
		cal.working_days_between(date(2026, 12, 1), date(2206, 1, 1))
	assert err.value.year == 2206
	assert national_year(LAST_YEAR + 1) is None
	assert national_year(FIRST_YEAR) is not None


def test_the_county_days_lie_on_top_of_the_national_ones():
	national = YearDays(2027, frozenset({date(2027, 1, 1)}), frozenset(), official=False)
	# a local holiday on Friday 8 Jan; the hall works Saturday 9 Jan (the notice's make-up day, entered)
	year = layered_year(national, [date(2027, 1, 8)], [date(2027, 1, 9)], confirmed=True)
	cal = WorkCalendar([year])
	assert not cal.is_working_day(date(2027, 1, 8))
	assert cal.is_working_day(date(2027, 1, 9))
	assert not cal.is_working_day(date(2027, 1, 1))
	assert cal.is_official(2027)
	# a local rest day wins over a national make-up day
	makeup = YearDays(2026, frozenset(), frozenset({date(2026, 10, 10)}))
	assert not WorkCalendar([layered_year(makeup, [date(2026, 10, 10)], [], False)]).is_working_day(
		date(2026, 10, 10)
	)


def test_the_year_boundary_and_the_provider_agree_with_a_day_by_day_count(cal):
	start = date(2026, 12, 15)
	for limit in (1, 5, 12, 21, 60):
		due = cal.add_working_days(start, limit)
		day, counted = start, 0
		while counted < limit:
			day += timedelta(days=1)
			counted += cal.is_working_day(day)
		assert due == day
		assert cal.working_days_before(due, limit) <= start


def test_confirming_a_year_is_refused_twice_or_for_a_known_or_typo_year():
	assert confirm_year_errors(2027, False, False) == []
	assert "无需重复确认" in confirm_year_errors(2027, True, False)[0]
	assert "已随系统提供" in confirm_year_errors(2026, False, True)[0]
	assert "无效" in confirm_year_errors(2206, False, False)[0]
	assert year_error(2027) is None
	assert year_error(0) and year_error(2206)


def test_the_admin_is_told_from_the_first_of_november():
	assert next_year_reminder(date(2026, 10, 31), False) is None
	assert "2027年的国务院放假安排尚未核对" in next_year_reminder(date(2026, 11, 1), False)
	assert "2027年" in next_year_reminder(date(2026, 12, 31), False)
	assert next_year_reminder(date(2026, 12, 3), True) is None


def test_the_provisional_note_is_the_issue_text():
	assert PROVISIONAL_NOTE == "暂按法定节假日计算，国务院放假安排公布后核对"
