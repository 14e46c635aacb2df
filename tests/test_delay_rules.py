"""The delay-service log's rules, each with the seed sentence behind it (002 沂南《服务窗口延时服务制度》)."""

from datetime import time

import pytest

from insurance_hall.rules import delay as d
from insurance_hall.rules.profile import load_profile, settings_errors
from insurance_hall.rules.rating import is_bad, rating_error

CLOSING, NOON, AFTERNOON = time(17, 30), time(12, 0), time(13, 30)
YINAN_SCALE = [
	("非常满意", False),
	("满意", False),
	("基本满意", False),
	("不满意", True),
	("非常不满意", True),
]


def test_the_extension_runs_from_the_closing_time():
	# 002: "窗口工作人员主动延长工作时间，为服务对象办理相关事项"
	assert d.extension_minutes(time(18, 15), CLOSING, NOON, AFTERNOON) == 45
	assert d.extension_minutes(time(17, 31), CLOSING) == 1


def test_the_noon_break_can_be_extended_too():
	# 002: "每天上午和下午临近下班时间办结完毕所有业务，不能借故离开、拒绝受理或推迟至当日下午或次日办结"
	assert d.extension_minutes(time(12, 40), CLOSING, NOON, AFTERNOON) == 40
	assert d.extension_minutes(time(12, 40), CLOSING) is None  # a hall open through noon


def test_a_time_inside_working_hours_is_not_a_delay():
	for served in (time(9, 0), time(12, 0), time(14, 0), time(17, 30)):
		assert d.extension_minutes(served, CLOSING, NOON, AFTERNOON) is None
	assert "不属于延时服务" in d.extension_error(None, None, None)


def test_the_length_changes_only_with_a_reason_and_never_to_zero_or_less():
	assert d.extension_error(45, None, None) is None
	assert d.extension_error(45, 45, None) is None
	assert d.extension_error(45, 60, "") == "修改延时时长须写明理由"
	assert d.extension_error(45, 60, "系统故障，实际服务至18:30") is None
	assert "须大于零" in d.extension_error(45, -5, "理由")
	assert "须大于零" in d.extension_error(None, -1, "理由")


def test_only_the_windows_own_staff_record_it():
	# 002: "延时服务完成后，承办人及申请人在《沂南县医保经办服务中心延时服务登记表》（一式两份）上签字确认"
	assert d.handler_error("a@x", "3", ["a@x", "b@x"]) is None
	assert d.handler_error("b@x", "3", ["a@x", "b@x"]) is None
	assert "不是 3 号窗口的A角或B角" in d.handler_error("c@x", "3", ["a@x", None])


def test_the_citizen_confirms_by_their_own_signature_or_the_signed_paper():
	assert d.citizen_confirmation_error(None, None, None) is None
	assert "不能代为确认" in d.citizen_confirmation_error(d.SCREEN, "", None)
	assert d.citizen_confirmation_error(d.SCREEN, "data:image/png;base64,iVBOR", None) is None
	assert "扫描件" in d.citizen_confirmation_error(d.PAPER, None, None)
	assert d.citizen_confirmation_error(d.PAPER, None, "/private/files/scan.pdf") is None
	assert "无效" in d.citizen_confirmation_error("口头同意", None, None)


def test_both_confirm_then_it_goes_to_the_records_office():
	# 002: "并将登记表报送医保中心综合科备案"
	assert d.status_of(True, False, False) == d.DRAFT
	assert d.status_of(False, True, False) == d.DRAFT
	assert d.status_of(True, True, False) == d.TO_FILE
	assert d.status_of(True, True, True) == d.FILED


def test_the_hall_hours_must_make_sense():
	assert d.hours_error(None, None, None) == "请先在大厅设置中填写下班时间"
	assert d.hours_error(CLOSING, NOON, None) == "午间下班时间和下午上班时间须同时填写或同时留空"
	assert "须早于" in d.hours_error(CLOSING, AFTERNOON, NOON)
	assert d.hours_error(CLOSING, None, None) is None
	with pytest.raises(ValueError):
		d.parse_hhmm("25:00")
	assert d.parse_hhmm("08:05") == time(8, 5)


def test_a_profile_with_a_bad_time_is_refused_naming_the_key():
	settings = dict(load_profile("default")["settings"])
	assert settings_errors(settings) == []
	assert settings_errors({**settings, "closing_time": "5pm"}) == [
		"settings.closing_time：“5pm”不是有效的时间，应为 时:分（如 17:30）"
	]
	assert settings_errors({**settings, "noon_opening_time": ""}) == [
		"settings.closing_time：午间下班时间和下午上班时间须同时填写或同时留空"
	]


def test_the_satisfaction_tick_is_a_level_of_the_county_scale():
	# 002: "必选项按照“非常满意”、“满意”、“基本满意”、“不满意”、“非常不满意”五个等级设置，后两个等级为差评"
	assert rating_error("满意", YINAN_SCALE) is None
	assert rating_error(None, YINAN_SCALE) is None
	assert "不是本县的评价等级" in rating_error("一般", YINAN_SCALE)
	assert is_bad("不满意", YINAN_SCALE) and is_bad("非常不满意", YINAN_SCALE)
	assert not is_bad("基本满意", YINAN_SCALE)


def test_a_signed_record_reopens_only_with_a_reason_and_a_filed_one_never():
	"""Seed 002 延时服务登记表: 承办人签字, 延时人签字; what is filed is what both signed."""
	from insurance_hall.rules.delay import reopen_error

	assert reopen_error("", True, False).startswith("重新打开须写明理由")
	assert reopen_error("办理结果填错", True, False) is None
	assert reopen_error("办理结果填错", False, False) == "登记表还没有人确认或签字，可以直接修改"
	assert reopen_error("办理结果填错", True, True) == "已备案的登记表不能重新打开"
