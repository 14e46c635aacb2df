"""问题排查整改台账 (pure): seed 002, 优化营商环境集中行动暨“行风建设年”: "建立问题排查整改制度。要制定整改阶段目标，科学
安排，实行銷号管理，做到问题不解决不放手，解决不彻底不销号。" Its 附件2 台账: "序号 查摆问题 整改措施 完成时限 责任人
整改渠道 问题类型" (整改渠道: 自我整改, 协调整改; 问题类型: 即知即改, 阶段整改, 长期整改).

A problem found (by an inspection, a complaint, a rating or a self-check: "多头找问题、合力抓整改") is a line with
its owner, the measure and the deadline on the hall's working-day clock; the owner reports it done (完成整改),
and somebody else verifies and closes it (验证销号): the owner never closes their own line. Nothing here imports
Frappe.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from insurance_hall.rules.roles import DEPUTY, HALL_ADMIN, MAIN_LEADER, RECORDS, SECTION_HEAD

SOURCES = ("检查", "投诉", "评价", "自查")
COMPLAINT, RATING = "投诉", "评价"
CHANNELS = ("自我整改", "协调整改")
TYPES = ("即知即改", "阶段整改", "长期整改")
FIXING = "整改中"
TO_VERIFY = "待验证"
CLOSED = "已销号"
STATUSES = (FIXING, TO_VERIFY, CLOSED)

# 002 is silent on one time limit for every line (its 台账 sets 完成时限 line by line): a line registered
# without one is due in 10 working days, unless the county's profile says otherwise
DEFAULT_DAYS = 10

# who puts a line on the register: 综合科 ("由医保服务中心综合科、职工科每月一次组织自我评价活动"), the department
# heads and the leaders; the hall admin keeps the register
KEEPERS = frozenset({SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN})
# who may verify and close anyone's line besides the person it is routed to
VERIFIERS = frozenset({RECORDS})


def keeper_error(roles: Iterable[str]) -> str | None:
	if KEEPERS & set(roles):
		return None
	return "只有综合科、科室负责人或局领导可以登记整改问题"


def filing_error(source: str | None, problem: str | None, responsible: str | None) -> str | None:
	if source not in SOURCES:
		return f"请选择问题来源：{'、'.join(SOURCES)}"
	if not (problem or "").strip():
		return "请填写查摆问题"
	if not responsible:
		return "请选择整改责任人"
	return None


def due_error(due: date | None, today: date) -> str | None:
	"""The deadline (完成时限) a line is given by hand: never already past ("要制定整改阶段目标")."""
	if due is not None and due < today:
		return "完成时限不能早于今天"
	return None


def complete_error(status: str | None, user: str, responsible: str | None, result: str | None) -> str | None:
	""" "问题不解决不放手": the owner reports the fix, in writing, while the line is being fixed."""
	if status != FIXING:
		return f"该问题{status or '已处理'}，不能再次完成整改"
	if user != responsible:
		return "只有整改责任人本人可以提交完成整改"
	if not (result or "").strip():
		return "请填写整改情况"
	return None


def verify_error(
	status: str | None, user: str, responsible: str | None, may_verify: bool, passed: bool, note: str | None
) -> str | None:
	""" "解决不彻底不销号": somebody other than the owner checks the fix; a fix that does not hold goes back to the
	owner (with why), one that holds closes the line (销号)."""
	if status != TO_VERIFY:
		return (
			"该问题尚未完成整改，不能验证销号"
			if status == FIXING
			else f"该问题{status or '已处理'}，不能再次验证"
		)
	if user == responsible:
		return "整改责任人不能验证销号本人的整改，请由综合科或科室负责人验证"
	if not may_verify:
		return "只有被指定的验证人或综合科可以验证销号"
	if not passed and not (note or "").strip():
		return "验证不通过的，请写明原因（退回责任人继续整改）"
	return None


def status_after_verify(passed: bool) -> str:
	return CLOSED if passed else FIXING
