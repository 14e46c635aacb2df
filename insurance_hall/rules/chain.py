"""Rules of a refusal approval chain (说“不”事项提级管理), pure.

003 南阳: "构建“首问责任人——业务科（室）、局属单位负责人——局分管领导——局主要领导”四级责任链条"
and "把握不准或仍不能办的，提请局主要领导最后审定". The clerk (首问责任人) files the sheet; the
chain's levels are the approvers above the clerk, numbered from 1 without a gap, and the last of
them must be able to confirm the refusal, or a refusal could never be decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

DEPARTMENT_HEAD = "Department Head"
DEPUTY_IN_CHARGE = "Deputy In Charge"
MAIN_LEADER = "Main Leader"
APPROVERS = (DEPARTMENT_HEAD, DEPUTY_IN_CHARGE, MAIN_LEADER)
APPROVER_LABELS = {DEPARTMENT_HEAD: "科室负责人", DEPUTY_IN_CHARGE: "局分管领导", MAIN_LEADER: "局主要领导"}


def chain_level_errors(levels: Sequence[Mapping], where: str = "审批层级") -> list[str]:
	"""Every problem of an ordered list of levels, each message naming where it is."""
	if not levels:
		return [f"{where}：至少需要一个审批层级"]
	errors: list[str] = []
	numbers = []
	for position, level in enumerate(levels, start=1):
		label = f"{where}第{position}行"
		number = level.get("level")
		if not isinstance(number, int) or isinstance(number, bool):
			errors.append(f"{label}：层级序号必须是整数")
		else:
			numbers.append(number)
		if not str(level.get("label") or "").strip():
			errors.append(f"{label}：缺少层级名称")
		if level.get("approver") not in APPROVERS:
			errors.append(
				f"{label}：审批人“{level.get('approver')}”无效，应为{'、'.join(APPROVER_LABELS.values())}之一"
			)
	expected = list(range(1, len(levels) + 1))
	if len(numbers) == len(levels) and numbers != expected:
		missing = sorted(set(expected) - set(numbers))
		detail = f"缺少第{'、'.join(map(str, missing))}级" if missing else "序号须从1起连续递增"
		errors.append(f"{where}：层级序号应为 {expected}，{detail}")
	if not levels[-1].get("can_confirm"):
		errors.append(f"{where}：最高一级必须有权确认说“不”，否则说“不”事项无人能最终审定")
	return errors
