"""Rules of a case at the window (办件): time limits, 容缺受理, 帮办代办, extensions, ID numbers. Pure.

002 沂南《限时办结制度》 §四.8: "限时办结时间以工作日计算，其办结时限从收到申报材料，作出受理决定的次日起计算。
申报材料不齐或不符合规定的，应当一次性告知申请人补正，其办结时限从收到补正材料的次日起计算。"
§四.9: "需报上级机关、政府批准的服务事项，其办结时限不包含上级机关、政府办理的时间。"
§四.10: "因申请人原因，导致未在承诺时限内办结的，视为按时办结。"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

# states of a case, driven only by the case's service actions
INQUIRY = "咨询"
ACCEPTED = "已受理"
RONGQUE = "容缺受理"
DONE = "已办结"
RETURNED = "已退办"
STATES = (INQUIRY, ACCEPTED, RONGQUE, DONE, RETURNED)
RUNNING = (ACCEPTED, RONGQUE)

CHANNELS = ("来访", "来信", "电话", "网上", "电子邮件")  # 000 一.(二)
LEAD = "领办"
GUIDE = "导办"
HELP = "帮办"
PROXY = "代办"

# extension approval
EXT_PENDING = "待审批"
EXT_APPROVED = "已批准"
EXT_REFUSED = "未批准"

IMMEDIATE = "Immediate"
PROMISED = "Promised"

# fields only the case's actions change (insurance_hall.services.case); a save from the form or the
# REST API that changes one of them is refused, whatever the field's read_only flag says
MANAGED = (
	"status",
	"first_responder",
	"handler",
	"due_date",
	"due_provisional",
	"accepted_on",
	"clock_start_on",
	"rongque_promise_date",
	"closed_on",
	"return_reason",
	"on_time",
	"is_overdue",
	"applicant_delay",
	"waiting_higher",
	"waiting_since",
	"paused_days",
	"reminder_sent",
	"auto_escalated",
	"rongque_reminded",
	"referral_kind",
	"referred_by",
	"referred_to",
	"referred_department",
	"referred_on",
	"extension_status",
	"extension_reason",
	"original_due_date",
	"extension_new_date",
	"extension_approver",
	"extension_acting_for",
	"extension_opinion",
	"extension_decided_on",
)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_number_error(id_number: str | None) -> str | None:
	"""An 18-character citizen ID number (GB 11643-1999) whose last character is its check digit:
	the weighted sum of the first 17 digits modulo 11. None when empty or valid."""
	value = (id_number or "").strip().upper()
	if not value:
		return None
	if len(value) != 18 or not value[:17].isdigit() or value[17] not in "0123456789X":
		return f"身份证号码“{value}”应为18位：前17位数字，最后一位为数字或X"
	expected = _CHECK[sum(int(d) * w for d, w in zip(value[:17], _WEIGHTS, strict=True)) % 11]
	if value[17] != expected:
		return f"身份证号码“{value}”校验码不符（最后一位应为 {expected}），请核对后重新填写"
	return None


def clock_start(
	accepted_on: date, supplied_on: Iterable[date] = (), notice_had_omission: bool = False
) -> date:
	"""The day after which the time limit counts: the acceptance decision, or, when materials were
	supplied later, the last supplement (or the first one when the clerk's notice had left one out)."""
	supplies = sorted(d for d in supplied_on if d and d >= accepted_on)
	if not supplies:
		return accepted_on
	return supplies[0] if notice_had_omission else supplies[-1]


def case_due(
	start: date,
	promised_days: int,
	paused_working_days: int,
	add_working_days: Callable[[date, int], date],
) -> date:
	"""The due date: `promised_days` working days from the day after `start`, plus the working days
	spent waiting for a higher authority (not counted). A matter served at once is due the same day."""
	return add_working_days(start, (promised_days or 0) + max(paused_working_days or 0, 0))


def on_time(closed_on: date, due: date | None, applicant_caused_delay: bool) -> bool:
	"""Finished by the due date, or late because of the applicant (counts as on time)."""
	return due is None or closed_on <= due or bool(applicant_caused_delay)


def missing_materials(materials: Sequence[tuple[str, bool]]) -> list[str]:
	"""Names of the (material, received) rows not received."""
	return [name for name, received in materials if not received]


def rongque_error(missing: Sequence[str], may_be_missing: Iterable[str], enabled: bool) -> str | None:
	"""容缺 only where the county uses it, and only for materials the matter lists as may-be-missing
	(002 §三.6(2): "允许容缺受理的次要条件及可以补齐补正的材料")."""
	if not enabled:
		return "本县未实行容缺受理，请一次性告知申请人补齐材料后再受理"
	if not missing:
		return "材料已齐全，无需容缺受理"
	allowed = set(may_be_missing)
	refused = [m for m in missing if m not in allowed]
	if refused:
		return f"材料“{'、'.join(refused)}”不在本事项容缺受理清单内，须补齐后才能受理"
	return None


def promise_date_error(accepted_on: date, material: str, promised: date | None) -> str | None:
	"""Each missing material is promised for a day on or after the acceptance."""
	if not promised:
		return f"请填写材料“{material}”的补正时间"
	if promised < accepted_on:
		return f"材料“{material}”的承诺补正时间（{promised}）不能早于受理日期（{accepted_on}）"
	return None


def proxy_error(
	mode: str | None,
	matter_type: str,
	special_group: bool,
	promised_matters_allowed: bool,
	special_groups_only: bool,
) -> str | None:
	"""002 §八.3: "医保经办服务即时办结服务事项均提供帮办服务；对行动不便或其他特殊群体申办的即时、
	限时办结服务事项，可提供代办服务。" Which matters and applicants qualify is the county's."""
	if mode == HELP and matter_type != IMMEDIATE:
		return "帮办服务只适用于即办事项"
	if mode == PROXY:
		if matter_type == PROMISED and not promised_matters_allowed:
			return "本县承诺件不提供代办服务"
		if special_groups_only and not special_group:
			return "代办服务只面向行动不便或其他特殊群体，请先确认申请人情况"
	return None


def extension_error(
	today: date,
	due: date | None,
	new_due: date | None,
	lead_days: int,
	working_days_between: Callable[[date, date], int],
) -> str | None:
	"""002 §四.7: an extension is approved in writing and the applicant told "提前 3 日" (the county's
	number of working days) before the due date, with the new date."""
	if due is None:
		return "只有已受理的承诺件可以申请延期"
	if not new_due or new_due <= due:
		return f"新的办结时限须晚于原期限（{due}）"
	if today > due or working_days_between(today, due) < lead_days:
		return f"须在办结期限（{due}）前至少 {lead_days} 个工作日申请延期，现已来不及，请按期办结"
	return None


def remind_on(due: date, lead_days: int, working_days_before: Callable[[date, int], date]) -> date:
	"""The day the holder is reminded: `lead_days` working days before `due`."""
	return working_days_before(due, lead_days) if lead_days > 0 else due


def referral_receiver(duties: Sequence[tuple[str, str | None]], head: str | None) -> str | None:
	"""Who receives a referred question: the first responder of the department's first duty that
	names one (附件2 科室职责清单), else the department head."""
	for _duty, responder in duties:
		if responder:
			return responder
	return head
