"""The refusal sheet's approval steps: every action goes through `act`, which checks who may act,
asks the Workflow for the transition, records the step in the trail and tells the next person.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe.model.workflow import get_transitions, get_workflow, has_approval_access
from frappe.utils import get_fullname, get_url_to_form, getdate, now_datetime, today

from insurance_hall.rules import refusal as r
from insurance_hall.services import clock, inbox, records
from insurance_hall.services.calendar import add_working_days, is_provisional
from insurance_hall.services.routing import name_of, resolve

DOCTYPE = "Refusal Sheet"


# ---------------------------------------------------------------- entry


def act(
	name: str,
	action: str,
	opinion: str | None = None,
	seen_modified: str | None = None,
	by_meeting: bool = False,
	answer: dict | None = None,
) -> frappe.model.document.Document:
	"""Take `action` on the sheet as the session user. Refused with a Chinese message, changing nothing,
	when the user may not act, the opinion is missing, or the sheet changed since `seen_modified`."""
	doc = lock(name, seen_modified)
	user = frappe.session.user
	if action in r.APPROVER_ACTIONS:
		check_approver(doc, user, action, opinion, by_meeting)
	elif action in r.CLERK_ACTIONS:
		check_clerk(doc, user, action, opinion, answer)
	else:
		frappe.throw(f"未知的操作“{action}”")
	transition = workflow_transition(doc, action, user)
	apply(doc, action, (opinion or "").strip(), by_meeting, answer or {})
	doc.workflow_state = transition.next_state
	records.write(doc, action, submit=next_docstatus(transition.next_state) == 1)
	after_action(doc, action, user)
	return doc


def lock(name: str, seen_modified: str | None):
	"""Lock the sheet's row for this transaction; refuse if it changed since the user saw it."""
	return records.lock(DOCTYPE, name, "审批表", seen_modified)


# ---------------------------------------------------------------- checks


def check_approver(doc, user: str, action: str, opinion: str | None, by_meeting: bool) -> None:
	if doc.workflow_state != r.PENDING:
		frappe.throw(
			f"该审批表当前状态为“{doc.workflow_state}”，不在审批中，不能{action}", frappe.PermissionError
		)
	if user == doc.owner:
		frappe.throw("不能审批本人填报的说“不”事项", frappe.PermissionError)
	if user != doc.current_approver:
		frappe.throw(
			f"您不是本级审批人：该事项现由{doc.current_level_label} {name_of(doc.current_approver)} 审批",
			frappe.PermissionError,
		)
	levels = r.levels_from_rows([row.as_dict() for row in doc.levels])
	level = r.level_at(levels, doc.current_level)
	error = r.action_error(action, opinion, level, r.next_level(levels, level.level) is None)
	if error:
		frappe.throw(error)
	if by_meeting and not doc.chain_meeting_allowed:
		frappe.throw("本县审批链不允许以集体会议方式决定")


def check_clerk(doc, user: str, action: str, opinion: str | None, answer: dict | None) -> None:
	if user != doc.owner:
		frappe.throw("只有填报本表的首问负责人可以执行此操作", frappe.PermissionError)
	if action == r.RESUBMIT and not (opinion or "").strip():
		frappe.throw("请写明补充的情况或材料后再提交")
	if action == r.ANSWER:
		error = r.answer_error(
			(answer or {}).get("reply_method"),
			(answer or {}).get("reply_note"),
			bool(doc.chain_written_notice),
			doc.outcome == r.OUTCOME_REFUSED,
		)
		if error:
			frappe.throw(error)
		error = r.filing_error(
			doc.outcome == r.OUTCOME_REFUSED,
			bool(doc.chain_file_office),
			bool((answer or {}).get("filed_with_business_office")),
		)
		if error:
			frappe.throw(error, title="不能记录答复")


def workflow_transition(doc, action: str, user: str):
	"""The Workflow's own check: the transition must be open to this user in this state."""
	for transition in get_transitions(doc):
		if transition.action == action:
			if not has_approval_access(user, doc, transition):
				frappe.throw("不能审批本人填报的说“不”事项", frappe.PermissionError)
			return transition
	frappe.throw(f"当前状态“{doc.workflow_state}”下您不能执行“{action}”", frappe.PermissionError)


def next_docstatus(state: str) -> int:
	return next(int(s.doc_status) for s in get_workflow(DOCTYPE).states if s.state == state)


# ---------------------------------------------------------------- changes


def apply(doc, action: str, opinion: str, by_meeting: bool, answer: dict) -> None:
	if action == r.SUBMIT:
		add_step(doc, action, opinion or "提交审批", clerk=True)
		start(doc)
	elif action == r.RESUBMIT:
		add_step(doc, action, opinion, clerk=True)
		route_to(doc, doc.current_level)
	elif action == r.ESCALATE:
		add_step(doc, action, opinion)
		levels = r.levels_from_rows([row.as_dict() for row in doc.levels])
		route_to(doc, r.next_level(levels, doc.current_level).level)
	elif action in (r.SOLVE, r.CONFIRM):
		add_step(doc, action, opinion + ("（经集体会议研究）" if by_meeting else ""))
		decide(doc, r.OUTCOME_SOLVED if action == r.SOLVE else r.OUTCOME_REFUSED, by_meeting)
	elif action == r.RETURN:
		add_step(doc, action, opinion)
		doc.current_approver = None
		doc.acting_for = None
	elif action == r.ANSWER:
		doc.reply_method = answer.get("reply_method")
		doc.reply_note = answer.get("reply_note")
		doc.applicant_feedback = answer.get("applicant_feedback")
		doc.filed_with_business_office = 1 if answer.get("filed_with_business_office") else 0
		doc.replied_on = now_datetime()
		doc.is_overdue = 0
		add_step(doc, action, f"{doc.reply_method}答复：{doc.reply_note or ''}".strip("："), clerk=True)


def start(doc) -> None:
	"""Snapshot the chain on the sheet (it finishes on the chain it started on) and route to level 1."""
	chain_name = frappe.db.get_value("Hall Department", doc.department, "refusal_chain") or (
		frappe.db.get_single_value("Hall Settings", "default_refusal_chain")
	)
	if not chain_name or frappe.db.get_value("Refusal Chain", chain_name, "disabled"):
		frappe.throw("没有可用的说“不”审批链：请大厅管理员在大厅设置中指定默认审批链")
	chain = frappe.get_doc("Refusal Chain", chain_name)
	doc.refusal_chain = chain.name
	doc.chain_meeting_allowed = chain.collective_meeting_allowed
	doc.chain_written_notice = chain.written_notice_required
	doc.chain_file_office = chain.file_with_business_office
	doc.levels = []
	for level in chain.levels:
		doc.append(
			"levels",
			{
				"level": level.level,
				"label": level.label,
				"approver": level.approver,
				"can_confirm": level.can_confirm,
			},
		)
	doc.top_level = max(level.level for level in chain.levels)
	doc.due_date = recount(doc)
	doc.due_provisional = int(is_provisional(getdate(doc.request_time), doc.due_date))
	route_to(doc, 1)


def recount(doc) -> date:
	"""The answer's due date on today's calendar: N working days from the day after the request."""
	days = frappe.db.get_single_value("Hall Settings", "refusal_answer_days") or 3
	return r.deadline_due(getdate(doc.request_time), days, add_working_days)


def route_to(doc, number: int) -> None:
	"""Make the level `number` current, with its person (or stand-in); the filer never approves."""
	levels = r.levels_from_rows([row.as_dict() for row in doc.levels])
	level = r.level_at(levels, number)
	on = getdate(today())
	actor, behalf = resolve(level.approver, doc.department, on)
	while actor == doc.owner:
		add_step(
			doc, r.AUTO_SKIP, f"{level.label}即填表人本人，按规定不得自行审批，自动提请上一级", level=level
		)
		above = r.next_level(levels, level.level)
		if above is None:
			frappe.throw("填表人是本链最高一级审批人，不能审批本人填报的事项：请由其他工作人员填报")
		level = above
		actor, behalf = resolve(level.approver, doc.department, on)
	doc.current_level = level.level
	doc.current_level_label = level.label
	doc.current_can_confirm = int(level.can_confirm)
	doc.current_approver = actor
	doc.acting_for = behalf


def decide(doc, outcome: str, by_meeting: bool) -> None:
	levels = r.levels_from_rows([row.as_dict() for row in doc.levels])
	doc.outcome = outcome
	doc.decided_level_type = r.level_at(levels, doc.current_level).approver
	doc.decided_by = frappe.session.user
	doc.decided_on = now_datetime()
	doc.collective_meeting = int(bool(by_meeting))
	doc.current_approver = None
	doc.acting_for = None


def add_step(
	doc,
	action: str,
	opinion: str,
	level=None,
	user: str | None = None,
	behalf: str | None = None,
	clerk: bool = False,
) -> None:
	"""One line of the trail: level, person, on behalf of, action, opinion, time."""
	number = 0 if clerk else (level.level if level else doc.current_level)
	label = "首问负责人" if clerk else (level.label if level else doc.current_level_label)
	doc.append(
		"steps",
		{
			"level": number or 0,
			"level_label": label or "首问负责人",
			"action": action,
			"approver": user or frappe.session.user,
			"on_behalf_of": behalf
			if behalf is not None
			else (doc.acting_for if action in r.APPROVER_ACTIONS else None),
			"opinion": opinion,
			"acted_at": now_datetime(),
		},
	)


# ---------------------------------------------------------------- telling people


def after_action(doc, action: str, user: str) -> None:
	inbox.close(DOCTYPE, doc.name, user)
	if doc.workflow_state == r.PENDING:
		assign(doc, doc.current_approver, approval_message(doc))
	elif doc.workflow_state == r.RETURNED:
		assign(
			doc,
			doc.owner,
			f"说“不”事项 {doc.name}（申请人 {doc.applicant_name}）被退回补充，请补充后重新提交。",
		)
	elif doc.workflow_state in (r.SOLVED, r.REFUSED):
		assign(doc, doc.owner, answer_message(doc))


def approval_message(doc) -> str:
	behalf = f"（代 {get_fullname(doc.acting_for)} 审批）" if doc.acting_for else ""
	return (
		f"说“不”事项待您审批{behalf}：{doc.name}，申请人 {doc.applicant_name}，"
		f"事项：{(doc.matter or '')[:60]}，本级：{doc.current_level_label}，"
		f"答复期限 {doc.due_date}。链接：{get_url_to_form(DOCTYPE, doc.name)}"
	)


def answer_message(doc) -> str:
	decision = "能办" if doc.outcome == r.OUTCOME_SOLVED else "确认说“不”"
	return (
		f"说“不”事项 {doc.name} 已决定（{decision}），请在 {doc.due_date} 前答复申请人 {doc.applicant_name}"
		f" 并记录答复情况。链接：{get_url_to_form(DOCTYPE, doc.name)}"
	)


def assign(doc, user: str, message: str) -> None:
	inbox.assign(DOCTYPE, doc.name, user, message, due=doc.due_date, urgent=bool(doc.is_overdue))


# ---------------------------------------------------------------- the daily deadline job


def run_deadlines(on: date | None = None) -> dict[str, int]:
	"""Remind on the last working day, escalate an overdue sheet one level once, mark late sheets."""
	return clock.run(
		DOCTYPE,
		{"workflow_state": ("in", (r.PENDING, r.RETURNED, r.SOLVED, r.REFUSED))},
		deadline_step_of,
		deadline_act,
		on=on,
	)


def deadline_step_of(doc, on: date):
	return r.deadline_step(
		on,
		getdate(doc.due_date),
		pending=doc.workflow_state == r.PENDING,
		answered=False,
		reminded=bool(doc.reminder_sent),
		escalated=bool(doc.auto_escalated),
		is_top=(doc.current_level or 0) >= (doc.top_level or 0),
	)


def deadline_act(doc, step) -> None:
	if step.remind:
		remind(doc)
	if step.escalate:
		escalate_overdue(doc)
	records.write(doc, "deadline")
	if step.escalate:
		assign(doc, doc.current_approver, approval_message(doc))


def remind(doc) -> None:
	doc.reminder_sent = 1
	add_step(doc, r.REMIND, f"今天是答复期限（{doc.due_date}），请及时审批", user="Administrator")
	inbox.notify(
		DOCTYPE,
		doc.name,
		doc.current_approver,
		f"说“不”事项 {doc.name}（申请人 {doc.applicant_name}）今天到期，请及时审批。{approval_message(doc)}",
	)


def escalate_overdue(doc) -> None:
	previous = doc.current_approver
	doc.auto_escalated = 1
	add_step(
		doc,
		r.OVERDUE_ESCALATE,
		f"已超过答复期限（{doc.due_date}）未审批，自动提请上一级",
		user="Administrator",
	)
	levels = r.levels_from_rows([row.as_dict() for row in doc.levels])
	route_to(doc, r.next_level(levels, doc.current_level).level)
	inbox.close(DOCTYPE, doc.name, previous)


# ---------------------------------------------------------------- stand-ins (services.standins)


def move_to(name: str, from_user: str, to_user: str, behalf: str | None, why: str) -> None:
	"""The sheet now waits for `to_user` (acting for `behalf`, or in person): the trail records both
	names and why, the ToDo moves, and `to_user` is told."""
	doc = frappe.get_doc(DOCTYPE, name)
	doc.current_approver = to_user
	doc.acting_for = behalf
	add_step(doc, r.STANDIN_TAKEOVER if behalf else r.STANDIN_RETURN, why, user=to_user, behalf=behalf or "")
	records.write(doc, "standin")
	if not inbox.hand_over(DOCTYPE, name, from_user, to_user, approval_message(doc)):
		assign(doc, to_user, approval_message(doc))
