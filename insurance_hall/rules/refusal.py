"""Rules of the refusal sheet (说“不”事项提级管理 / 否定报备), pure.

003 南阳: "科室（单位）负责人要综合研判，能办的即时反馈服务对象，把握不准或不能办的，提请分管领导审批；
分管领导要组织审核研判，能办的即时反馈服务对象，并承诺办理时限；把握不准或仍不能办的，提请局主要领导最后审定"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from insurance_hall.rules.clock import ClockStep, clock_step

# the Workflow's states and actions (Chinese names are what the Desk shows)
DRAFT = "草稿"
PENDING = "审批中"
RETURNED = "退回补充"
SOLVED = "已办理"
REFUSED = "已说不"
ANSWERED = "已答复"

SUBMIT = "提交审批"
SOLVE = "能办"
ESCALATE = "提级"
CONFIRM = "确认说不"
RETURN = "退回补充"
RESUBMIT = "重新提交"
ANSWER = "记录答复"

APPROVER_ACTIONS = (SOLVE, ESCALATE, CONFIRM, RETURN)
CLERK_ACTIONS = (SUBMIT, RESUBMIT, ANSWER)
# what the scheduler writes into the trail
REMIND = "到期提醒"
OVERDUE_ESCALATE = "超期提级"
AUTO_SKIP = "自动提级"
STANDIN_TAKEOVER = "代岗移交"
STANDIN_RETURN = "代岗交回"

OUTCOME_SOLVED = "Solved"
OUTCOME_REFUSED = "Refused"


@dataclass(frozen=True)
class Level:
	level: int
	label: str
	approver: str
	can_confirm: bool


def levels_from_rows(rows: Sequence[Mapping]) -> list[Level]:
	return [
		Level(int(r["level"]), str(r["label"]), str(r["approver"]), bool(r.get("can_confirm"))) for r in rows
	]


def level_at(levels: Sequence[Level], number: int) -> Level:
	for level in levels:
		if level.level == number:
			return level
	raise LookupError(f"审批链没有第{number}级")


def next_level(levels: Sequence[Level], number: int) -> Level | None:
	"""The level above `number`; None at the top. A sheet climbs one level at a time, never skips."""
	above = [level for level in levels if level.level == number + 1]
	return above[0] if above else None


def action_error(action: str, opinion: str | None, level: Level, is_top: bool) -> str | None:
	"""Why an approver's action cannot be taken at this level, or None.

	Every action needs an opinion; only a level the profile allows may confirm the refusal; the top
	cannot escalate (003 南阳: "提请局主要领导最后审定").
	"""
	if action not in APPROVER_ACTIONS:
		return f"“{action}”不是审批操作"
	if not (opinion or "").strip():
		return "请填写审批意见：每一级审批都必须写明意见"
	if action == CONFIRM and not level.can_confirm:
		return f"{level.label}无权确认说“不”，请提级或作出能办决定"
	if action == ESCALATE and is_top:
		return f"{level.label}已是最高一级，不能再提级，请作出决定"
	return None


def deadline_due(request_day: date, answer_days: int, add_working_days) -> date:
	"""003 南阳: "原则上要在3个工作日内向申请人作出电话或书面回复" — counted from the day after the request."""
	return add_working_days(request_day, answer_days)


DeadlineStep = ClockStep


def deadline_step(
	today: date,
	due: date | None,
	pending: bool,
	answered: bool,
	reminded: bool,
	escalated: bool,
	is_top: bool,
) -> ClockStep:
	"""What the daily job does to one sheet: remind the approver on the last working day, escalate
	once when the day has passed, and mark the sheet overdue until the applicant is answered.

	Each happens at most once (the flags), so running the job twice changes nothing.
	"""
	return clock_step(today, due, pending, answered, reminded, escalated, can_escalate=not is_top)


def answer_error(
	reply_method: str | None, reply_note: str | None, written_required: bool, refused: bool
) -> str | None:
	"""How the applicant was told, as the seeds require.

	003 南阳: "电话回复时要做好记录，书面回复需经领导小组办公室审批。"
	004 开原: "必须经本部门分管领导或中心办公会议集体讨论后,书面送达医保相对人"
	"""
	if reply_method not in ("电话", "书面"):
		return "请选择答复方式：电话或书面"
	if reply_method == "电话" and not (reply_note or "").strip():
		return "电话答复须记录通话情况（时间、接听人、答复内容）"
	if refused and written_required and reply_method != "书面":
		return "本县规定：不予办理的决定须书面送达申请人，请打印书面告知书送达后选择“书面”"
	return None


def filing_error(refused: bool, filing_required: bool, filed: bool) -> str | None:
	"""004 开原: "书面送达医保相对人,并在规定期限内抄送同级营商环境建设管理部门备案" — where the county's
	chain requires it, a refusal is answered only with its copy filed with that office."""
	if refused and filing_required and not filed:
		return "本县规定：不予办理的决定须抄送同级营商环境建设管理部门备案，请备案后勾选“已抄送营商环境建设管理部门”再记录答复"
	return None
