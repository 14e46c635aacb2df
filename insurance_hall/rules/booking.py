"""Rules of the appointment service (预约服务), pure.

002 沂南《医保服务预约服务制度》: "预约服务是指服务对象因故无法及时前来办理的服务事项，可通过现场登记、电话联系等方式，
提前向医保服务窗口预约，并在约定时间内（非法定工作日）及时办理的活动。"
"""

from __future__ import annotations

import re

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from insurance_hall.rules.public_input import normalise_phone, phone_error  # noqa: F401 (the booking rules)
from insurance_hall.rules.staffing import acting_user

DESK = "窗口"
PHONE = "电话"
ONLINE = "网上"
CHANNELS = (DESK, PHONE, ONLINE)

BOOKED = "已预约"
SERVED = "已办理"
NO_SHOW = "爽约"
CANCELLED = "已取消"
STATUSES = (BOOKED, SERVED, NO_SHOW, CANCELLED)

BARRED = "限制中"
LIFTED = "已解除"

SCREEN = "屏幕签名"
PAPER = "纸质签字"

ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def normalise_id_number(raw: str | None) -> str | None:
	"""An 18-digit resident ID, upper-case X; None when empty."""
	text = re.sub(r"\s", "", raw or "").upper()
	return text or None


def id_number_error(raw: str | None) -> str | None:
	"""An ID number is optional; when given it is an 18-digit resident ID with a valid check digit."""
	text = normalise_id_number(raw)
	if text is None:
		return None
	if not ID_NUMBER.match(text):
		return "身份证号应为18位（最后一位可为X）"
	total = sum(int(digit) * weight for digit, weight in zip(text[:17], ID_WEIGHTS, strict=True))
	if ID_CHECK[total % 11] != text[17]:
		return "身份证号校验位不正确，请核对"
	return None


def slot_times(start: time, end: time, minutes: int, noon: tuple[time, time] | None = None) -> list[time]:
	"""The start times of the slots of one day: every `minutes` from `start`, each slot ending by `end`,
	none overlapping the noon break."""
	if minutes <= 0 or start >= end:
		return []
	day = date(2000, 1, 1)
	current = datetime.combine(day, start)
	last = datetime.combine(day, end)
	step = timedelta(minutes=minutes)
	slots = []
	noon_start = datetime.combine(day, noon[0]) if noon and noon[0] and noon[1] else None
	noon_end = datetime.combine(day, noon[1]) if noon_start else None
	while current + step <= last:
		if noon_start and current < noon_end and current + step > noon_start:
			current = noon_end
			continue
		slots.append(current.time())
		current += step
	return slots


def booking_hours_error(start: time | None, end: time | None) -> str | None:
	if start is None or end is None:
		return "请填写预约服务的开始和结束时间"
	if start >= end:
		return "预约服务的开始时间须早于结束时间"
	return None


def day_error(
	day: date, now: datetime, is_working_day: bool, serve_on_rest_days: bool, days_ahead: int
) -> str | None:
	"""The day offered for a booking: not past, not beyond the booking horizon, and a working day
	unless the county serves bookings on rest days.

	002 沂南: "在约定时间内（非法定工作日）及时办理" — a booking may be served outside working days.
	"""
	if day < now.date():
		return f"预约日期 {day} 已经过去，不能预约"
	if (day - now.date()).days > days_ahead:
		return f"只能预约 {days_ahead} 天之内的日期（{day} 太远）"
	if not is_working_day and not serve_on_rest_days:
		return f"{day} 不是工作日，当天不提供预约服务（闭厅）"
	return None


def made_on_error(made_on_working_day: bool, channel: str) -> str | None:
	"""Bookings are taken on working days; at the window and by phone the hall must be open.

	002 沂南: "法定工作日均可接受预约服务" and "医保服务大厅工作日期间务必确保窗口电话畅通，保证及时接受群众咨询和服务事项预约。"
	The public page takes a booking at any time: the window confirms it on its next working day.
	"""
	if channel in (DESK, PHONE) and not made_on_working_day:
		return "窗口和电话预约在法定工作日受理"
	return None


def time_error(
	day: date, slot: time, now: datetime, offered: Iterable[time], slot_minutes: int
) -> str | None:
	"""The time is one of the offered slots, and not already begun."""
	offered = list(offered)
	if slot not in offered:
		hours = f"{offered[0]:%H:%M}-{_end(offered[-1], slot_minutes):%H:%M}" if offered else "无"
		return f"{slot:%H:%M} 不是提供预约的时段（预约时段：{hours}，每 {slot_minutes} 分钟一段）"
	if datetime.combine(day, slot) <= now:
		return f"{day} {slot:%H:%M} 已经过去，不能预约"
	return None


def _end(start: time, minutes: int) -> time:
	return (datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=minutes)).time()


def slot_end(start: time, minutes: int) -> time:
	return _end(start, minutes)


def capacity_error(booked: int, capacity: int) -> str | None:
	"""A slot is never booked beyond its capacity."""
	if booked >= capacity:
		return f"该时段已约满（可预约 {capacity} 人），请选择其他时段"
	return None


def channel_error(channel: str | None, offered: Iterable[str]) -> str | None:
	offered = [c for c in offered if c]
	if channel not in CHANNELS:
		return f"预约方式“{channel}”无效，应为：{'、'.join(CHANNELS)}"
	if channel not in offered:
		return f"本县不提供{channel}预约（提供：{'、'.join(offered) or '无'}）"
	return None


def parse_channels(text: str | None) -> list[str]:
	return [c for c in re.split(r"[,，、\s]+", text or "") if c]


def channels_error(text: str | None) -> str | None:
	channels = parse_channels(text)
	unknown = [c for c in channels if c not in CHANNELS]
	if unknown:
		return f"预约方式“{'、'.join(unknown)}”无效，应为：{'、'.join(CHANNELS)}"
	if not channels:
		return "至少提供一种预约方式"
	return None


def barred_error(no_shows: int, limit: int, has_bar: bool) -> str | None:
	"""Three no-shows end the service for that applicant (the limit is the county's).

	002 沂南: "申请人超过约定时间未办理的，视为自动放弃当次预约服务，三次放弃预约的，不再为该申请人提供预约服务。"
	"""
	if has_bar or no_shows >= limit:
		return (
			f"该申请人已有 {no_shows} 次预约未到（达到 {limit} 次），按规定不再提供预约服务；"
			"如有特殊情况，请到大厅说明，由管理员解除限制"
		)
	return None


def reaches_limit(no_shows: int, limit: int) -> bool:
	return no_shows >= limit


def is_no_show(status: str, booked_at: datetime, now: datetime) -> bool:
	"""A booking whose time has passed without being served is a no-show.

	002 沂南: "申请人超过约定时间未办理的，视为自动放弃当次预约服务"
	"""
	return status == BOOKED and booked_at < now


def on_duty(
	a_staff: str | None, b_staff: str | None, on: date, assignments: Iterable[tuple[str, str, date, date]]
) -> str | None:
	"""Who is on duty at the window that day: the A post, else the B post, each through a stand-in
	(substitute assignment) covering the day; None when the window has nobody.

	002 沂南: "医保服务经办窗口同意预约申请的，必须安排工作人员在约定时间内在岗服务，确保申请人事项办理。"
	"""
	assignments = list(assignments)
	for person in (a_staff, b_staff):
		if not person:
			continue
		actor = acting_user(person, on, assignments)
		# a stand-in who is away themselves is nobody at the window: the next post is asked
		if actor == person or is_present(actor, on, assignments):
			return actor
	return None


def is_present(person: str, on: date, assignments: Iterable[tuple[str, str, date, date]]) -> bool:
	"""Whether `person` is at work on `on`: no substitute assignment names them absent that day."""
	return not any(absent == person and start <= on <= end for absent, _sub, start, end in assignments)


def on_duty_error(person: str | None, window: str) -> str | None:
	if not person:
		return f"{window} 号窗口在预约时间没有在岗人员（未设A角、B角或代岗人），不能预约"
	return None


def matter_error(matter: str | None, bookable: bool, window: str | None) -> str | None:
	"""002 沂南: "医保经办服务所有事项均可接受预约服务" — unless the catalogue closes one."""
	if not matter:
		return "请选择预约事项"
	if not bookable:
		return f"事项“{matter}”不接受预约，请直接到窗口办理"
	if not window:
		return f"事项“{matter}”未指定办理窗口，暂不能预约"
	return None


def confirmation_error(method: str | None, signature: str | None, signed_copy: str | None) -> str | None:
	"""The applicant (预约人) signs for themselves: on the window's screen or on the printed copy.

	002 沂南: "预约服务完成后，承办人及申请人在《沂南县医保服务预约服务申请表》(一式两份)上填写办理情况和满意度情况，并签字确认"
	"""
	if not method:
		return None
	if method not in (SCREEN, PAPER):
		return f"预约人确认方式“{method}”无效，应为{SCREEN}或{PAPER}"
	if method == SCREEN and not (signature or "").startswith("data:image"):
		return "预约人须在窗口屏幕上亲笔签名：签名为空，不能代为确认"
	if method == PAPER and not signed_copy:
		return "选择纸质签字时，须上传预约人签字的申请表扫描件"
	return None


def materials_notice(matter: str, materials: Iterable[tuple[str, bool]]) -> str:
	"""The one-time notice of every material to bring (一次性告知).

	002 沂南: "同意预约服务的，应当向申请人约定服务时间，一次性告知需要提交的材料"
	"""
	rows = [f"{i}. {name}{'（可容缺）' if missing else ''}" for i, (name, missing) in enumerate(materials, 1)]
	if not rows:
		return f"办理“{matter}”无需另带材料，请携带本人有效身份证件。"
	return f"办理“{matter}”请一次带齐以下材料：\n" + "\n".join(rows)
