"""应急处理 (pure): seed 001 §十 应急处理制度: "发生群体性（突发性）事件后，立即电话或书面报告，应急维稳工作组第一时间
赶往事件现场统一指挥，根据突发事件的性质与现场状况，维持现场秩序，做好对服务对象的解释工作，组织设备设施的抢修，维护
人身和财产安全，做好各项善后处理并向有关上级部门及时报告。" and its principle "分管负责，科室为主，协调配合".

An incident is registered, reported (each report: to whom, how, when), met on the scene by the 应急维稳工作组
(the arrival time), and closed with its outcome; an incident never reported cannot be closed. Who is told at
once is the county's (the profile's `incident` section), never code. Nothing here imports Frappe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from insurance_hall.rules.chain import APPROVER_LABELS, APPROVERS, DEPARTMENT_HEAD, DEPUTY_IN_CHARGE
from insurance_hall.rules.roles import DEPUTY, HALL_ADMIN, MAIN_LEADER, RECORDS, SECTION_HEAD

KINDS = ("人员聚集", "矛盾冲突", "系统故障", "群众突发疾病", "其他")
WAYS = ("电话", "书面")
OPEN = "处置中"
CLOSED = "已结束"

# who registers an incident and acts on it: the department in charge (科室为主), the leaders (分管负责) and
# 综合科; a window clerk tells them (a phone call is a report), the register is theirs
HANDLERS = frozenset({SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN})

# a county whose profile names no `incident` section: "分管负责，科室为主" (001), told by phone or in writing
DEFAULT_SECTION: dict[str, Any] = {
	"report_to": [DEPARTMENT_HEAD, DEPUTY_IN_CHARGE],
	"report_ways": list(WAYS),
}
SECTION_KEYS = {"report_to", "report_ways"}


def section_errors(section: Any) -> list[str]:
	"""The profile's `incident` section: whom the hall tells at once (approver types, in order, at least one)
	and the ways a report is made (of 电话 and 书面)."""
	if not isinstance(section, Mapping):
		return ["incident：应为对象"]
	errors = [f"incident.{key}：未知的配置项" for key in sorted(set(section) - SECTION_KEYS)]
	report_to = section.get("report_to")
	if not isinstance(report_to, list) or not report_to:
		errors.append("incident.report_to：至少需要报告一个岗位（科室负责人、分管领导或主要领导）")
	else:
		for i, kind in enumerate(report_to):
			if kind not in APPROVERS:
				errors.append(f"incident.report_to[{i}]：岗位“{kind}”无效，应为 {'、'.join(APPROVERS)} 之一")
		if len(set(map(str, report_to))) != len(report_to):
			errors.append("incident.report_to：岗位重复")
	ways = section.get("report_ways")
	if not isinstance(ways, list) or not ways:
		errors.append("incident.report_ways：至少需要一种报告方式（电话、书面）")
	elif any(way not in WAYS for way in ways):
		errors.append(f"incident.report_ways：报告方式应为 {'、'.join(WAYS)}")
	return errors


def report_chain(section: Mapping | None) -> list[str]:
	"""Whom the hall tells at once, in order (approver types)."""
	return list((section or DEFAULT_SECTION).get("report_to") or DEFAULT_SECTION["report_to"])


def chain_labels(chain: Iterable[str]) -> str:
	return "、".join(APPROVER_LABELS.get(kind, kind) for kind in chain)


def may_handle(roles: Iterable[str]) -> bool:
	""" "分管负责，科室为主": the department heads, the leaders, 综合科 and the hall admin keep the register."""
	return bool(HANDLERS & set(roles))


def handler_error(roles: Iterable[str], what: str) -> str | None:
	if may_handle(roles):
		return None
	return (
		f"只有科室负责人、分管领导、主要领导或综合科可以{what}突发事件；窗口工作人员请立即电话报告科室负责人"
	)


def filing_error(
	kind: str | None, occurred_at: datetime | None, now: datetime, description: str | None
) -> str | None:
	"""An incident says what happened and when (never later than now)."""
	if kind not in KINDS:
		return f"请选择事件类别：{'、'.join(KINDS)}"
	if occurred_at is None:
		return "请填写事件发生时间"
	if occurred_at > now:
		return "事件发生时间不能晚于现在"
	if not (description or "").strip():
		return "请填写事件经过"
	return None


def report_error(
	status: str | None,
	way: str | None,
	ways: Sequence[str],
	reported_at: datetime | None,
	occurred_at: datetime | None,
	now: datetime,
	to_whom: str | None,
) -> str | None:
	""" "立即电话或书面报告": each report names whom, how (the county's ways) and when (after the event, not in the
	future); a closed incident takes no more reports."""
	if status == CLOSED:
		return "该突发事件已结束，不能再登记报告"
	if not (to_whom or "").strip():
		return "请填写报告对象"
	if way not in ways:
		return f"报告方式应为{'或'.join(ways)}"
	if reported_at is None:
		return "请填写报告时间"
	if reported_at > now:
		return "报告时间不能晚于现在"
	if occurred_at and reported_at < occurred_at:
		return "报告时间不能早于事件发生时间"
	return None


def arrival_error(
	status: str | None, arrived: bool, at: datetime | None, occurred_at: datetime | None, now: datetime
) -> str | None:
	""" "应急维稳工作组第一时间赶往事件现场统一指挥": the arrival is recorded once, after the event, not in the future."""
	if status == CLOSED:
		return "该突发事件已结束，不能再登记到场"
	if arrived:
		return "应急维稳工作组到场时间已登记，不能重复登记"
	if at is None:
		return "请填写到场时间"
	if at > now:
		return "到场时间不能晚于现在"
	if occurred_at and at < occurred_at:
		return "到场时间不能早于事件发生时间"
	return None


def close_error(status: str | None, report_times: Sequence[Any], outcome: str | None) -> str | None:
	"""An incident ends with its outcome, and only after it was reported ("立即电话或书面报告"): closing one
	without a report time is refused."""
	if status == CLOSED:
		return "该突发事件已结束"
	if not any(report_times):
		return "突发事件须立即电话或书面报告：请先登记报告时间，再结束事件"
	if not (outcome or "").strip():
		return "请填写处置结果后再结束事件"
	return None


def minutes_between(start: datetime | None, end: datetime | None) -> int | None:
	"""Whole minutes from the event to its first report or the arrival (the ledger's 报告用时 / 到场用时)."""
	if start is None or end is None:
		return None
	return max(0, int((end - start).total_seconds() // 60))
