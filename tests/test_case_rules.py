"""The case rules (办件), each with the seed sentence behind it."""

from datetime import date

import pytest

from insurance_hall.rules import case as c
from insurance_hall.rules.profile import calendar_rows, load_calendar
from insurance_hall.rules.workdays import WorkCalendar

CAL = WorkCalendar.from_rows(
	[(2026, None, None)] + [(2026, d, t) for d, t, _ in calendar_rows(load_calendar("cn-2026"))]
)


def test_the_time_limit_counts_working_days_from_the_day_after_acceptance():
	# 002 §四.8: "限时办结时间以工作日计算，其办结时限从收到申报材料，作出受理决定的次日起计算"
	# accepted Thursday 2026-04-02; 04-03 Fri is day 1, 04-04..06 清明 rest, 04-07 Tue is day 2
	assert c.case_due(date(2026, 4, 2), 2, 0, CAL.add_working_days) == date(2026, 4, 7)
	# 002 §四.4: "即时办结事项受理后，即时或当日办结"
	assert c.case_due(date(2026, 4, 2), 0, 0, CAL.add_working_days) == date(2026, 4, 2)


def test_materials_supplied_later_restart_the_count_from_the_day_after_they_arrive():
	# 002 §四.8: "申报材料不齐或不符合规定的，应当一次性告知申请人补正，其办结时限从收到补正材料的次日起计算"
	accepted = date(2026, 3, 2)
	assert c.clock_start(accepted, []) == accepted
	assert c.clock_start(accepted, [date(2026, 3, 5), date(2026, 3, 9)]) == date(2026, 3, 9)
	start = c.clock_start(accepted, [date(2026, 3, 9)])
	assert c.case_due(start, 3, 0, CAL.add_working_days) == date(2026, 3, 12)


def test_an_omission_in_the_notice_counts_from_the_first_supplement():
	# 002 §四.8: "告知申请人补正材料时有遗漏的，其办结时限从收到第一次补正材料的次日起计算"
	supplies = [date(2026, 3, 5), date(2026, 3, 9)]
	assert c.clock_start(date(2026, 3, 2), supplies, notice_had_omission=True) == date(2026, 3, 5)


def test_time_waiting_for_a_higher_authority_is_not_counted():
	# 002 §四.9: "需报上级机关、政府批准的服务事项，其办结时限不包含上级机关、政府办理的时间"
	without = c.case_due(date(2026, 3, 2), 5, 0, CAL.add_working_days)
	paused = CAL.working_days_between(date(2026, 3, 4), date(2026, 3, 11))
	assert paused == 5
	assert c.case_due(date(2026, 3, 2), 5, paused, CAL.add_working_days) == CAL.add_working_days(without, 5)


def test_a_delay_caused_by_the_applicant_counts_as_on_time():
	# 002 §四.10: "因申请人原因，导致未在承诺时限内办结的，视为按时办结"
	due = date(2026, 3, 12)
	assert c.on_time(date(2026, 3, 12), due, False)
	assert not c.on_time(date(2026, 3, 13), due, False)
	assert c.on_time(date(2026, 3, 20), due, True)


@pytest.mark.parametrize("good", ["11010519491231002X", "11010519491231002x", "", None])
def test_a_valid_id_number_or_none_passes(good):
	assert c.id_number_error(good) is None


@pytest.mark.parametrize(
	"bad,expected",
	[
		("110105194912310021", "校验码不符（最后一位应为 X）"),
		("1101051949", "应为18位"),
		("11010519491231002Y", "应为18位"),
	],
)
def test_an_id_number_with_a_wrong_check_digit_is_refused(bad, expected):
	# GB 11643: the 18th character is the check digit of the first 17
	assert expected in c.id_number_error(bad)


def test_rongque_only_for_materials_the_matter_allows_to_be_missing():
	# 002 §三.6(2): "逐项厘清……允许容缺受理的次要条件及可以补齐补正的材料"
	assert c.rongque_error(["户口本复印件"], ["户口本复印件"], True) is None
	error = c.rongque_error(["身份证", "户口本复印件"], ["户口本复印件"], True)
	assert "材料“身份证”不在本事项容缺受理清单内" in error
	assert "未实行容缺受理" in c.rongque_error(["户口本复印件"], ["户口本复印件"], False)
	assert "无需容缺受理" in c.rongque_error([], [], True)


def test_a_promised_supply_date_is_not_before_acceptance():
	# 002 《容缺受理告知承诺书》: "我承诺，将严格按照补齐补正时间要求，补全上述有缺陷（瑕疵）的申请材料"
	accepted = date(2026, 3, 9)
	assert c.promise_date_error(accepted, "户口本", date(2026, 3, 9)) is None
	assert "不能早于受理日期" in c.promise_date_error(accepted, "户口本", date(2026, 3, 6))
	assert "请填写材料“户口本”的补正时间" in c.promise_date_error(accepted, "户口本", None)


def test_proxy_only_for_the_matters_and_applicants_the_county_allows():
	# 002 §八.3: "即时办结服务事项均提供帮办服务；对行动不便或其他特殊群体申办的即时、限时办结服务事项，可提供代办服务"
	assert c.proxy_error(c.HELP, c.IMMEDIATE, False, True, True) is None
	assert "只适用于即办事项" in c.proxy_error(c.HELP, c.PROMISED, False, True, True)
	assert c.proxy_error(c.PROXY, c.PROMISED, True, True, True) is None
	assert "特殊群体" in c.proxy_error(c.PROXY, c.IMMEDIATE, False, True, True)
	assert "承诺件不提供代办" in c.proxy_error(c.PROXY, c.PROMISED, True, False, True)
	assert c.proxy_error(c.PROXY, c.IMMEDIATE, False, True, False) is None
	assert c.proxy_error(None, c.PROMISED, False, False, True) is None


def test_an_extension_is_asked_at_least_n_working_days_before_the_due_date():
	# 002 §四.7: "须经医保服务中心主要负责人书面批准并上报局党组后，提前 3 日书面告知申请人"
	due = date(2026, 3, 13)  # a Friday
	between = CAL.working_days_between
	assert c.extension_error(date(2026, 3, 10), due, date(2026, 3, 20), 3, between) is None
	assert "至少 3 个工作日" in c.extension_error(date(2026, 3, 11), due, date(2026, 3, 20), 3, between)
	assert "至少 3 个工作日" in c.extension_error(date(2026, 3, 16), due, date(2026, 3, 20), 3, between)
	assert "须晚于原期限" in c.extension_error(date(2026, 3, 10), due, due, 3, between)
	assert "已受理的承诺件" in c.extension_error(date(2026, 3, 10), None, due, 3, between)


def test_the_reminder_comes_working_days_before_the_date():
	# 002 §三.6(4): "由具体经办人员在申请人作出的承诺时限到期前予以提醒"
	assert c.remind_on(date(2026, 4, 7), 1, CAL.working_days_before) == date(2026, 4, 3)
	assert c.remind_on(date(2026, 4, 7), 0, CAL.working_days_before) == date(2026, 4, 7)
	assert CAL.working_days_before(date(2026, 3, 16), 2) == date(2026, 3, 12)


def test_a_referral_goes_to_the_duty_list_first_responder_or_the_head():
	# 000 一.(六): "属于其它科室或岗位职责范围内的事项，应负责领办、导办到具体承办科室"
	assert c.referral_receiver([("待遇", None), ("备案", "zhou@x")], "head@x") == "zhou@x"
	assert c.referral_receiver([("待遇", None)], "head@x") == "head@x"
