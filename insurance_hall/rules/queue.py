"""Rules of the hall's queue (排队叫号), pure: the number a citizen takes, the order of the waiting line,
who may call at a window, and what each action does to a ticket.

002 沂南 (医保服务大厅建设): "一是配齐服务导询台、自助服务机、排号机、填表桌台、复印机、意见评议箱、公共卫生间等" and
"电子屏幕标示对应准确，配备具有显示办理顺序功能的叫号系统".
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

WAITING = "等候"
CALLED = "叫号中"
SERVING = "办理中"
HELD = "暂挂"
NO_SHOW = "过号"
TRANSFERRED = "已转移"
DONE = "已办结"
STATUSES = (WAITING, CALLED, SERVING, HELD, NO_SHOW, TRANSFERRED, DONE)
# in the waiting line: a transferred ticket waits at its target window
IN_LINE = (WAITING, TRANSFERRED)
# at a window: the window that called it holds it
AT_WINDOW = (CALLED, SERVING, HELD)

CALL = "叫号"
RECALL = "重呼"
START = "开始办理"
MISS = "过号"
HOLD = "暂挂"
TRANSFER = "转移"
FINISH = "办结"

# action -> (the states it acts on, the state it leaves)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
	CALL: (IN_LINE, CALLED),
	RECALL: ((CALLED, HELD, NO_SHOW), CALLED),
	START: ((CALLED,), SERVING),
	MISS: ((CALLED,), NO_SHOW),
	HOLD: ((CALLED, SERVING), HELD),
	TRANSFER: ((CALLED, SERVING, HELD), TRANSFERRED),
	FINISH: ((CALLED, SERVING), DONE),
}

PREFIX = re.compile(r"^[A-Z]{1,2}$")
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0 on a screen
DIGITS = 3

# the order of the line: transferred first, then a booking in its slot, then 绿色通道, then everyone else
RANK_TRANSFERRED = 0
RANK_BOOKED = 1
RANK_PRIORITY = 2
RANK_ARRIVAL = 3


# ---------------------------------------------------------------- the number


def prefix_error(prefix: str | None) -> str | None:
	"""A queue's prefix is one or two capital letters (what the screen and the voice read out)."""
	if prefix and not PREFIX.match(prefix):
		return f"排队号前缀“{prefix}”无效：应为一至两个大写英文字母，如 A、B、YB"
	return None


def default_prefix(window_no: str | None) -> str:
	"""A window's own letter when nobody set one: window 1 calls A…, window 2 B…; a window not numbered
	calls A."""
	digits = re.sub(r"\D", "", window_no or "")
	if not digits or int(digits) < 1:
		return LETTERS[0]
	return LETTERS[(int(digits) - 1) % len(LETTERS)]


def queue_prefix(matter_prefix: str | None, window_prefix: str | None, window_no: str | None) -> str:
	"""The queue a matter's tickets join: the matter's own prefix, else its window's, else the window's
	default letter."""
	return (matter_prefix or "").strip() or (window_prefix or "").strip() or default_prefix(window_no)


def series_key(prefix: str, day: date) -> str:
	"""The counter a number is drawn from: one per queue prefix and day, so numbers restart each day.

	002: "排号机" gives each citizen the next number of the day."""
	return f"PH{day:%Y%m%d}{prefix}."


def ticket_number(prefix: str, seq: int) -> str:
	"""The number as printed and spoken: A012."""
	return f"{prefix}{seq:0{DIGITS}d}"


def ticket_name(day: date, number: str) -> str:
	"""The record's name: the day and the number, so one number is never given twice the same day."""
	return f"{day:%Y%m%d}-{number}"


def spoken(number: str, window_no: str) -> str:
	"""What the hall's screen says aloud."""
	return f"请 {number} 号到 {window_no} 号窗口办理"


def priority_groups(text: str | None) -> list[str]:
	"""The county's 绿色通道 groups, one list ("老年人,残疾人,军人")."""
	return [g for g in re.split(r"[,，、\s]+", text or "") if g]


def priority_error(group: str | None, groups: Iterable[str]) -> str | None:
	"""A priority group is one the county names.

	002: "对距离较远、往返困难及有其他特殊情况的服务对象，应按“急事急办，特事特办”原则，开辟绿色通道"."""
	groups = list(groups)
	if group and group not in groups:
		return f"“{group}”不是本大厅的绿色通道对象（{'、'.join(groups) or '未设置'}）"
	return None


def day_error(ticket_day: date | None, today: date, number: str) -> str | None:
	"""A number is good on the day it was taken: yesterday's ticket is not called, recalled or checked in."""
	if ticket_day != today:
		return f"{number} 号是 {ticket_day} 取的号，排号当日有效，已过期：请重新取号"
	return None


# ---------------------------------------------------------------- the line


def rank(ticket: Mapping[str, Any], now: datetime) -> tuple:
	"""Where a waiting ticket stands: (group, since, seq). A transferred ticket heads the target window's
	line; a booking checked in on time stands first within its slot (from its start on); then the
	绿色通道; then arrival. Nobody else jumps the line.

	004 开原: "遇到熟人前来要求优先办理业务时,要说“对不起,人很多,请按次序排队等一会”"."""
	issued = ticket["issued_at"]
	if ticket.get("status") == TRANSFERRED:
		return (RANK_TRANSFERRED, ticket.get("transferred_at") or issued, ticket.get("seq") or 0)
	start, end = ticket.get("slot_start"), ticket.get("slot_end")
	if start and start <= now and (not end or issued <= end):
		return (RANK_BOOKED, start, issued, ticket.get("seq") or 0)
	if ticket.get("priority_group"):
		return (RANK_PRIORITY, issued, ticket.get("seq") or 0)
	return (RANK_ARRIVAL, issued, ticket.get("seq") or 0)


def line(tickets: Iterable[Mapping[str, Any]], now: datetime) -> list[Mapping[str, Any]]:
	"""The waiting line in the order it is called ("显示办理顺序")."""
	return sorted((t for t in tickets if t.get("status") in IN_LINE), key=lambda t: rank(t, now))


def callable_at(ticket: Mapping[str, Any], window: str, served: Iterable[str]) -> bool:
	"""A window calls a ticket of a matter it serves; a ticket sent (transferred, booked) to one window
	waits for that window alone."""
	if ticket.get("window"):
		return ticket["window"] == window
	return ticket.get("service_matter") in set(served)


def next_ticket(
	tickets: Iterable[Mapping[str, Any]], window: str, served: Iterable[str], now: datetime
) -> Mapping[str, Any] | None:
	"""The ticket a window calls next, or None when nobody waits for it."""
	served = list(served)
	for ticket in line(tickets, now):
		if callable_at(ticket, window, served):
			return ticket
	return None


def ahead(tickets: Iterable[Mapping[str, Any]], name: str, now: datetime) -> int:
	"""How many wait before this ticket (in the whole line of its queue)."""
	for position, ticket in enumerate(line(tickets, now)):
		if ticket["name"] == name:
			return position
	return 0


# ---------------------------------------------------------------- the window


def serves(
	window: str, window_department: str | None, matter_window: str | None, matter_department: str | None
) -> bool:
	"""A window serves a matter the catalogue puts at it, and a matter of its department that names no
	window."""
	if matter_window:
		return matter_window == window
	return bool(window_department) and matter_department == window_department


def call_error(user: str, on_duty: str | None, window: str, on_duty_name: str = "") -> str | None:
	"""Who calls at a window is who holds it today: its A post, else its B post, each through a stand-in,
	as for bookings (rules/booking.on_duty).

	002: "医保服务经办窗口同意预约申请的，必须安排工作人员在约定时间内在岗服务" — the same person serves the line."""
	if not on_duty:
		return f"{window} 号窗口今日没有在岗人员（未设A角、B角或代岗人），不能叫号"
	if user != on_duty:
		return f"您不是 {window} 号窗口今日的在岗人员（在岗：{on_duty_name or on_duty}），不能在该窗口叫号"
	return None


def busy_error(current: str | None, window: str) -> str | None:
	"""A window serves one citizen at a time: the one at the counter is finished, missed, held or
	transferred before the next is called."""
	if current:
		return f"{window} 号窗口的 {current} 号尚未办结：请先办结、过号、暂挂或转移，再叫下一位"
	return None


def action_error(action: str, status: str, number: str) -> str | None:
	"""An action acts on a ticket in the states it names."""
	sources, _target = TRANSITIONS[action]
	if status not in sources:
		return f"{number} 号当前为“{status}”，不能{action}"
	return None


def holder_error(ticket_window: str | None, window: str, number: str) -> str | None:
	"""A called ticket is the calling window's: another window does not act on it."""
	if ticket_window != window:
		return f"{number} 号由 {ticket_window or '其他'} 号窗口办理，本窗口（{window} 号）不能操作"
	return None


def transfer_error(
	source: str, target: str | None, target_serves: bool, target_open: bool, matter: str
) -> str | None:
	"""A transfer goes to another window that is open and serves the matter; it heads that window's line."""
	if not target:
		return "请选择转往的窗口"
	if target == source:
		return "不能转移到本窗口"
	if not target_open:
		return f"{target} 号窗口未在用，不能转往该窗口"
	if not target_serves:
		return f"{target} 号窗口不办理“{matter}”，不能转往该窗口"
	return None


def after(action: str) -> str:
	return TRANSITIONS[action][1]


def minutes_between(start: datetime | None, end: datetime | None) -> float | None:
	if not start or not end:
		return None
	return round((end - start).total_seconds() / 60, 1)


def p90(values: Iterable[float]) -> float | None:
	"""The 90th percentile (nearest rank) of a month's waits."""
	ordered = sorted(v for v in values if v is not None)
	if not ordered:
		return None
	index = max(0, -(-9 * len(ordered) // 10) - 1)
	return ordered[index]
