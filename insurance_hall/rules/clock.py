"""The hall's one deadline clock, pure: what the daily job does to one running record.

002 通用规范: "对超过办结时限的事项，按规定提级督办" is one reading of the same shape every form has:
a due date in working days, a reminder before or on it, overdue marking once it has passed, and one
escalation. Each happens at most once (the record keeps a flag for each), so a second run of the
daily job changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class ClockStep:
	remind: bool
	escalate: bool
	overdue: bool


def clock_step(
	today: date,
	due: date | None,
	running: bool,
	done: bool,
	reminded: bool,
	escalated: bool,
	can_escalate: bool,
	remind_on: date | None = None,
) -> ClockStep:
	"""Remind once from `remind_on` (default: the due date itself) while the record is running,
	escalate once the day after the due date when there is someone above, and mark the record
	overdue from the day after the due date until it is done."""
	if due is None:
		return ClockStep(False, False, False)
	late = today > due
	remind = running and today >= (remind_on or due) and not reminded
	escalate = running and late and not escalated and can_escalate
	return ClockStep(remind, escalate, late and not done)


OVERDUE = "已超期"
DUE_TODAY = "今日到期"
UPCOMING = "未到期"
NO_DUE = "无期限"


def due_state(due: date | None, today: date) -> str:
	"""Where a waiting item stands against its due date, as the person's to-do list shows it: past
	the due date it is overdue (the same "today > due" the daily job marks), on it it is due today."""
	if due is None:
		return NO_DUE
	if today > due:
		return OVERDUE
	return DUE_TODAY if today == due else UPCOMING


def time_text(value) -> str:
	"""A Time field's value (timedelta from the database, or text) as "HH:MM"; "" when empty."""
	if value in (None, ""):
		return ""
	if isinstance(value, timedelta):
		total = int(value.total_seconds()) // 60
		return f"{total // 60:02d}:{total % 60:02d}"
	hours, minutes = str(value).split(":")[:2]
	return f"{int(hours):02d}:{int(minutes):02d}"
