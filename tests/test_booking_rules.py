"""The appointment service's rules, each with the seed sentence behind it (002 沂南 §九, 004 开原)."""

from datetime import date, datetime, time

import pytest

from insurance_hall.rules import booking as b
from insurance_hall.rules.profile import load_profile, settings_errors

TUESDAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 9, 0)


@pytest.mark.parametrize(
	"raw",
	[
		"13900001111",
		"139 0000 1111",
		"139-0000-1111",
		"+86 139 0000 1111",
		"0086 13900001111",
		"8613900001111",
	],
)
def test_a_phone_written_differently_is_the_same_person(raw):
	# 002: "三次放弃预约的，不再为该申请人提供预约服务" — the applicant must be recognised however the number is written
	assert b.normalise_phone(raw) == "13900001111"


def test_a_landline_keeps_its_area_code():
	# 002: "申请人拨打医保服务电话：（0539-3225318）进行预约申请"
	assert b.normalise_phone("（0539）3225318") == "05393225318"
	assert b.normalise_phone("0539-3225318") == "05393225318"


@pytest.mark.parametrize(
	"raw", ["", "12345", "abc", "1390000111", "+1 415 555 0100", "<script>1</script>", "23900001111"]
)
def test_what_is_not_a_phone_number_is_refused(raw):
	assert b.normalise_phone(raw) is None
	assert b.phone_error(raw)


def test_an_id_number_is_checked_when_given():
	assert b.id_number_error(None) is None
	assert b.id_number_error("11010519491231002X") is None
	assert b.id_number_error("110105194912310021") == "身份证号校验位不正确，请核对"
	assert "18位" in b.id_number_error("1234")
	assert b.normalise_id_number(" 11010519491231002x ") == "11010519491231002X"


def test_slots_fill_the_offered_hours_around_the_noon_break():
	slots = b.slot_times(time(8, 30), time(17, 0), 30, (time(12, 0), time(13, 30)))
	assert slots[0] == time(8, 30) and slots[-1] == time(16, 30)
	assert time(11, 30) in slots and time(12, 0) not in slots and time(13, 0) not in slots
	assert time(13, 30) in slots
	assert len(slots) == 7 + 7
	# a slot that would straddle the break starts after it
	assert b.slot_times(time(11, 40), time(14, 0), 30, (time(12, 0), time(13, 30))) == [time(13, 30)]


def test_bookings_are_taken_on_working_days_and_may_be_served_on_rest_days():
	# 002: "法定工作日均可接受预约服务" and "并在约定时间内（非法定工作日）及时办理的活动"
	assert b.made_on_error(False, b.DESK) and b.made_on_error(False, b.PHONE)
	assert b.made_on_error(True, b.DESK) is None
	saturday = date(2026, 3, 14)
	assert "不是工作日" in b.day_error(saturday, NOW, False, False, 14)
	assert b.day_error(saturday, NOW, False, True, 14) is None
	assert "已经过去" in b.day_error(date(2026, 3, 9), NOW, True, False, 14)
	assert "14 天之内" in b.day_error(date(2026, 4, 30), NOW, True, False, 14)


def test_the_time_is_an_offered_slot_not_yet_begun():
	slots = b.slot_times(time(8, 30), time(17, 0), 30)
	assert b.time_error(TUESDAY, time(10, 0), NOW, slots, 30) is None
	assert "不是提供预约的时段" in b.time_error(TUESDAY, time(18, 0), NOW, slots, 30)
	assert "不是提供预约的时段" in b.time_error(TUESDAY, time(10, 15), NOW, slots, 30)
	assert "已经过去" in b.time_error(TUESDAY, time(8, 30), NOW, slots, 30)


def test_a_slot_is_never_booked_beyond_its_capacity():
	assert b.capacity_error(4, 5) is None
	assert "已约满" in b.capacity_error(5, 5)


def test_three_no_shows_end_the_service():
	# 002: "申请人超过约定时间未办理的，视为自动放弃当次预约服务，三次放弃预约的，不再为该申请人提供预约服务。"
	assert not b.reaches_limit(2, 3)
	assert b.reaches_limit(3, 3)
	assert "不再提供预约服务" in b.barred_error(3, 3, False)
	assert b.barred_error(1, 3, False) is None
	assert b.is_no_show(b.BOOKED, datetime(2026, 3, 10, 8, 30), NOW)
	assert not b.is_no_show(b.SERVED, datetime(2026, 3, 10, 8, 30), NOW)
	assert not b.is_no_show(b.BOOKED, datetime(2026, 3, 10, 9, 30), NOW)


def test_someone_is_on_duty_a_post_b_post_or_a_stand_in():
	# 002: "医保服务经办窗口同意预约申请的，必须安排工作人员在约定时间内在岗服务，确保申请人事项办理。"
	assert b.on_duty("a", "b", TUESDAY, []) == "a"
	assert b.on_duty(None, "b", TUESDAY, []) == "b"
	away = [("a", "s", date(2026, 3, 9), date(2026, 3, 11))]
	assert b.on_duty("a", "b", TUESDAY, away) == "s"
	assert b.on_duty(None, None, TUESDAY, []) is None
	assert "没有在岗人员" in b.on_duty_error(None, "3")


def test_a_matter_may_be_closed_to_booking():
	# 002: "医保经办服务所有事项均可接受预约服务" unless the catalogue says otherwise
	assert b.matter_error("参保登记", True, "1") is None
	assert "不接受预约" in b.matter_error("参保登记", False, "1")
	assert "未指定办理窗口" in b.matter_error("参保登记", True, None)


def test_the_notice_lists_every_material_at_once():
	# 002: "同意预约服务的，应当向申请人约定服务时间，一次性告知需要提交的材料"
	notice = b.materials_notice("异地就医备案", [("身份证", False), ("居住证明", True)])
	assert "1. 身份证" in notice and "2. 居住证明（可容缺）" in notice


def test_the_applicant_signs_for_themselves():
	# 002: "承办人及申请人在《沂南县医保服务预约服务申请表》(一式两份)上填写办理情况和满意度情况，并签字确认"
	assert b.confirmation_error(None, None, None) is None
	assert "亲笔签名" in b.confirmation_error(b.SCREEN, "", None)
	assert b.confirmation_error(b.SCREEN, "data:image/png;base64,xx", None) is None
	assert "扫描件" in b.confirmation_error(b.PAPER, None, None)


def test_channels_are_the_countys():
	# 002: "可通过现场登记、电话联系等方式，提前向医保服务窗口预约"
	yinan = load_profile("yinan")["settings"]
	assert b.parse_channels(yinan["booking_channels"]) == [b.DESK, b.PHONE]
	assert "不提供网上预约" in b.channel_error(b.ONLINE, b.parse_channels(yinan["booking_channels"]))
	assert yinan["booking_on_rest_days"] == 1
	settings = load_profile("default")["settings"]
	assert settings_errors({**settings, "booking_channels": "微信"}) == [
		"settings.booking_channels：预约方式“微信”无效，应为：窗口、电话、网上"
	]
	assert settings_errors({**settings, "booking_end_time": "08:00"}) == [
		"settings.booking_start_time：预约服务的开始时间须早于结束时间"
	]


def test_a_window_whose_a_and_b_are_both_away_has_nobody_on_duty():
	"""002 沂南: "医保服务经办窗口同意预约申请的，必须安排工作人员在约定时间内在岗服务" — a stand-in who is away
	themselves is nobody at the window."""
	from datetime import date

	day = date(2027, 3, 2)
	both_away = [("a@x", "b@x", day, day), ("b@x", "a@x", day, day)]
	assert b.on_duty("a@x", "b@x", day, both_away) is None
	# A away, standing in B present: B serves; A away with a stand-in C who is present: C serves
	assert b.on_duty("a@x", "b@x", day, [("a@x", "b@x", day, day)]) == "b@x"
	assert b.on_duty("a@x", "b@x", day, [("a@x", "c@x", day, day)]) == "c@x"
	# A's stand-in C is away too: the B post serves
	assert b.on_duty("a@x", "b@x", day, [("a@x", "c@x", day, day), ("c@x", "d@x", day, day)]) == "b@x"
