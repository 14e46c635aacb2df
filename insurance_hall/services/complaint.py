"""The "吐槽找茬" complaint window (002 §十): register, hand the 承办单 to the department concerned and a named
receiver, close it, find it true (查实), visit back and sign the 总结分析表 in order, and the daily clock.

Every change of a complaint's outcome, of a 承办单 or of a signature goes through this module, which checks
who may act and refuses in Chinese, changing nothing; the forms themselves refuse such edits.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe.utils import get_url_to_form, getdate, now_datetime, today

from insurance_hall.rules import citizen as texts
from insurance_hall.rules import complaint as c
from insurance_hall.rules.chain import DEPARTMENT_HEAD
from insurance_hall.rules.roles import COMPLAINT_HANDLER
from insurance_hall.services import citizen, clock, inbox, records, rectification
from insurance_hall.rules.staffing import recusal_note
from insurance_hall.services.calendar import is_provisional
from insurance_hall.services.routing import (
	RoutingError,
	acting_for_today,
	last_recusal,
	name_of,
	resolve,
	who_is,
)

COMPLAINT = "Hall Complaint"
REFERRAL = "Complaint Referral"
CHANNEL = "Complaint Channel"


# ---------------------------------------------------------------- the person complained about


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""hooks.has_permission: the staff member a complaint names never opens it, nor its 承办单, whatever roles
	they hold (a leader or a complaint handler may be complained about too). None: the roles decide."""
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	staff = (
		doc.get("staff")
		if doc.doctype == COMPLAINT
		else frappe.db.get_value(COMPLAINT, doc.get("complaint"), "staff")
	)
	if staff and staff == user:
		return False
	return None


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""hooks.permission_query_conditions: nor does the register's list, report or export show it to them."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	return f"ifnull(`tabHall Complaint`.`staff`, '') != {frappe.db.escape(user)}"


def referral_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""The same for the 承办单 of a complaint about them."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	return (
		"`tabComplaint Referral`.`complaint` not in "
		f"(select `name` from `tabHall Complaint` where `staff` = {frappe.db.escape(user)})"
	)


# ---------------------------------------------------------------- registering


def register(values: dict) -> frappe.model.document.Document:
	"""A new complaint in the register (附件1); closed on the spot when the window solved it there."""
	doc = frappe.get_doc({"doctype": COMPLAINT, **values})
	doc.insert()
	return doc


def defaults(doc) -> None:
	"""Who receives, who signs the 总结分析表: the receiver is the user registering, the reviewer and the
	leader are the hall's named people (Hall Settings), each changeable before the first signature."""
	if not doc.receiver and frappe.session.user != "Guest":
		doc.receiver = frappe.session.user
	doc.summary_handler = doc.summary_handler or doc.receiver
	doc.summary_reviewer = doc.summary_reviewer or frappe.db.get_single_value(
		"Hall Settings", "complaint_reviewer"
	)
	doc.summary_leader = doc.summary_leader or frappe.db.get_single_value(
		"Hall Settings", "complaint_window_leader"
	)


def settle_on_spot(doc) -> None:
	if doc.closed_on_spot:
		doc.outcome = c.ON_THE_SPOT
		doc.closed_on = doc.closed_on or getdate(doc.received_at)


# ---------------------------------------------------------------- the 承办单 (附件2)


def issue_referral(complaint: str, department: str, receiver: str | None = None):
	"""Send the complaint to `department`: to its head (or their stand-in today), or to the person the
	complaint handler names. Due within the county's working days of the registration."""
	doc = frappe.get_doc(COMPLAINT, complaint)
	if not frappe.has_permission(COMPLAINT, "write", doc=doc):
		frappe.throw("只有投诉处理员可以交办承办单", frappe.PermissionError)
	if doc.closed_on_spot:
		frappe.throw("该投诉已当场解决，无需交办")
	# plain statements (an action's reads are few and fixed): a running 承办单, and the department
	running, known = frappe.db.sql(
		f"""select
			(select count(*) from `tab{REFERRAL}` where complaint=%s and status in %s),
			(select count(*) from `tabHall Department` where name=%s)""",
		(complaint, tuple(c.RUNNING), department),
	)[0]
	if running:
		frappe.throw("该投诉已有未办结的承办单，请勿重复交办")
	if not known:
		frappe.throw(f"找不到承办单位“{department}”")
	behalf = None
	if receiver:
		if not frappe.db.exists("User", {"name": receiver, "enabled": 1}):
			frappe.throw(f"找不到接收人“{receiver}”")
		actor = acting_for_today(receiver, getdate(today()))
		behalf = receiver if actor != receiver else None
	else:
		try:
			# 回避: a head complained about (or standing in for the head) passes it up the chain
			actor, behalf = resolve(DEPARTMENT_HEAD, department, getdate(today()), about=(doc.staff,))
		except RoutingError as exc:
			frappe.throw(str(exc))
	if doc.staff and doc.staff in (actor, behalf):
		frappe.throw("接收人不能是被投诉的工作人员本人：请另行指定接收人")
	recusal = last_recusal() if not receiver else None
	days = frappe.db.get_single_value("Hall Settings", "complaint_solve_days") or 3
	referral = frappe.get_doc(
		{
			"doctype": REFERRAL,
			"complaint": doc.name,
			"problem": doc.content,
			"department": department,
			"receiver": actor,
			"acting_for": behalf,
			"status": c.WAITING,
			"issued_at": now_datetime(),
			"due_date": clock.due_in_working_days(getdate(doc.received_at), days),
		}
	)
	referral.due_provisional = int(is_provisional(getdate(doc.received_at), referral.due_date))
	records.write(referral, insert=True)
	if recusal:
		records.timeline(referral.doctype, referral.name, recusal)
		records.timeline(doc.doctype, doc.name, recusal)
	# the ToDo below writes "assigned to <receiver>" into the 承办单's timeline: the trail of the hand-over;
	# the complaint the handler is looking at says where it went
	records.timeline(
		doc.doctype,
		doc.name,
		f"已交办{department}（承办单 {referral.name}），接收人 {who_is(actor)}"
		f"{f'（代 {who_is(behalf)}）' if behalf else ''}，"
		f"请于 {referral.due_date} 前办结",
	)
	inbox.assign(
		REFERRAL,
		referral.name,
		actor,
		referral_message(referral),
		due=referral.due_date,
		doc=referral,
		fresh=True,
	)
	return referral


def referral_message(referral) -> str:
	behalf = f"（代 {name_of(referral.acting_for)} 办理）" if referral.acting_for else ""
	return (
		f"“吐槽找茬”承办单待您办理{behalf}：{referral.name}，问题：{(referral.problem or '')[:60]}，"
		f"办结期限 {referral.due_date}。链接：{get_url_to_form(REFERRAL, referral.name)}"
	)


def lock_referral(name: str):
	return records.lock(REFERRAL, name, "承办单")


def check_receiver(referral, user: str) -> None:
	if referral.status == c.DONE:
		frappe.throw("该承办单已办结，不能再修改", frappe.PermissionError)
	if user != referral.receiver:
		frappe.throw(
			f"您不是该承办单的接收人：承办单交{referral.department} {name_of(referral.receiver)} 办理",
			frappe.PermissionError,
		)
	if user == frappe.db.get_value(COMPLAINT, referral.complaint, "staff"):
		frappe.throw("回避：被反映的工作人员不能办理反映本人问题的承办单", frappe.PermissionError)


def receive_referral(name: str):
	referral = lock_referral(name)
	check_receiver(referral, frappe.session.user)
	if referral.status == c.WAITING:
		referral.status = c.HANDLING
		referral.received_at = now_datetime()
		records.write(referral)
	return referral


def close_referral(
	name: str,
	solved: str,
	measures: str,
	satisfied: str | None = None,
	policy_explanation: str | None = None,
	leader_instruction: str | None = None,
):
	"""The receiver closes the 承办单: solved, or not solved with the policy reason explained."""
	referral = lock_referral(name)
	user = frappe.session.user
	check_receiver(referral, user)
	error = c.closing_error(solved, policy_explanation, measures)
	if error:
		frappe.throw(error)
	if satisfied and satisfied not in c.SATISFACTION:
		frappe.throw(f"诉求人是否满意应为{'、'.join(c.SATISFACTION)}之一")
	now = now_datetime()
	referral.update(
		{
			"status": c.DONE,
			"received_at": referral.received_at or now,
			"done_at": now,
			"solved": solved,
			"measures": measures.strip(),
			"satisfied": satisfied or "",
			"policy_explanation": (policy_explanation or "").strip(),
			"leader_instruction": (leader_instruction or "").strip(),
			"is_overdue": 0,
		}
	)
	records.write(referral)
	inbox.close(REFERRAL, referral.name, user)
	complaint = frappe.get_doc(COMPLAINT, referral.complaint)
	complaint.outcome = c.outcome(False, solved, getdate(now), getdate(referral.due_date))
	complaint.satisfied = satisfied or ""
	complaint.closed_on = getdate(now)
	records.write(complaint)
	if not complaint.anonymous:
		citizen.tell(
			COMPLAINT,
			complaint.name,
			complaint.complainant_contact,
			texts.complaint_answered_text(
				citizen.bureau(),
				complaint.name,
				frappe.db.get_single_value("Hall Settings", "complaint_phone"),
			),
			bool(complaint.get("no_messages")),
		)
	inbox.notify(
		COMPLAINT,
		complaint.name,
		complaint.receiver,
		f"承办单 {referral.name} 已办结（问题{'已' if solved == c.YES else '未'}解决），请回访诉求人并填写总结分析表。",
	)
	return referral


def complainant_visible_to_user(complaint: str) -> dict:
	"""Who complained, as the session user may see it: {} without read on the register, and without the
	name and contact when their permlevel is closed to them."""
	if not complaint or not frappe.has_permission(COMPLAINT, "read", doc=complaint):
		return {}
	rows = frappe.get_list(
		COMPLAINT,
		filters={"name": complaint},
		fields=["anonymous", "complainant_name", "complainant_contact"],
		limit=1,
	)
	return dict(rows[0]) if rows else {}


# ---------------------------------------------------------------- 查实 and the 总结分析表 (附件3)


def channels() -> list[c.Channel]:
	rows = frappe.get_all(CHANNEL, fields=["channel_name", "deduction", "public_page"])
	return [c.Channel(r.channel_name, int(r.deduction or 0), bool(r.public_page)) for r in rows]


def record_finding(name: str, found_true: bool):
	"""查实: the complaint was found true (or not), with the channel's deduction for the staff's score."""
	doc = frappe.get_doc(COMPLAINT, name)
	if not frappe.has_permission(COMPLAINT, "write", doc=doc):
		frappe.throw("只有投诉处理员可以登记查实情况", frappe.PermissionError)
	doc.found_true = 1 if found_true else 0
	doc.deduction = c.deduction_for(channels(), doc.channel) if found_true else 0
	doc.found_true_by = frappe.session.user if found_true else None
	doc.found_true_on = getdate(today()) if found_true else None
	records.write(doc)
	return doc


def sign_summary(name: str, role: str):
	"""Sign the 总结分析表 as 经办人, 审核人 or 分管领导, in that order, as the named person (or stand-in)."""
	doc = records.lock(COMPLAINT, name, "投诉登记")
	user = frappe.session.user
	signed = [bool(doc.get(f"{code}_signed_at")) for code, _label in c.SIGNERS]
	named = doc.get(f"summary_{role}") if role in dict(c.SIGNERS) else None
	acting_user = acting_for_today(named, getdate(today())) if named else None
	if doc.staff and user == doc.staff:
		frappe.throw("回避：被反映的工作人员不能在反映本人问题的总结分析表上签字", frappe.PermissionError)
	error = c.sign_error(role, signed, user, named, acting_user)
	if error:
		frappe.throw(error, frappe.PermissionError)
	if role == "handler" and not ((doc.summary_analysis or "").strip() and doc.visit_time):
		frappe.throw("请先填写回访情况和总结分析，再签字")
	doc.set(f"{role}_signed_at", now_datetime())
	records.write(doc)
	records.timeline(doc.doctype, doc.name, f"{dict(c.SIGNERS)[role]} {who_is(user)} 在总结分析表上签字")
	inbox.close(COMPLAINT, doc.name, user)
	following = c.next_signer([bool(doc.get(f"{code}_signed_at")) for code, _label in c.SIGNERS])
	if following is None:
		# the 总结分析表 signed by all: its analysis and 督办措施 go on the 问题排查整改台账 as one line (002)
		line = rectification.from_complaint(doc)
		if line:
			records.timeline(doc.doctype, doc.name, f"总结分析已列入问题排查整改台账：{line}")
	if following is not None:
		code, label = c.SIGNERS[following]
		person = recused_signer(doc, code)
		inbox.assign(
			COMPLAINT,
			doc.name,
			acting_for_today(person, getdate(today())) if person else None,
			f"“吐槽找茬”总结分析表 {doc.name} 待您以{label}身份签字。",
		)
	return doc


def reopen_summary(name: str, reason: str, seen_modified: str | None = None):
	"""重新打开总结分析表: the 投诉处理员 reopens a signed summary with a reason; every signature is cleared and
	the 经办人 is asked to sign again."""
	doc = records.lock(COMPLAINT, name, "投诉登记", seen_modified)
	if not frappe.has_permission(COMPLAINT, "write", doc=doc) or COMPLAINT_HANDLER not in frappe.get_roles():
		frappe.throw("只有投诉处理员可以重新打开总结分析表", frappe.PermissionError)
	signed = [bool(doc.get(f"{code}_signed_at")) for code, _label in c.SIGNERS]
	error = c.reopen_summary_error(reason, signed, bool(doc.leader_signed_at))
	if error:
		frappe.throw(error, title="不能重新打开")
	for code, _label in c.SIGNERS:
		if doc.get(f"{code}_signed_at"):
			inbox.close(COMPLAINT, doc.name, doc.get(f"summary_{code}") or "")
		doc.set(f"{code}_signed_at", None)
	records.write(doc, "重新打开总结分析表")
	records.timeline(
		doc.doctype,
		doc.name,
		f"总结分析表重新打开：{reason.strip()}。已有签字已清除，须按经办人、审核人、分管领导顺序重新签字。",
	)
	person = recused_signer(doc, c.SIGNERS[0][0])
	inbox.assign(
		COMPLAINT,
		doc.name,
		acting_for_today(person, getdate(today())) if person else None,
		f"“吐槽找茬”总结分析表 {doc.name} 已重新打开（{reason.strip()}），请修改后以经办人身份重新签字。",
	)
	return doc


# ---------------------------------------------------------------- the daily deadline job


def run_deadlines(on: date | None = None) -> dict[str, int]:
	"""Remind the receiver on the last working day, mark late 承办单 overdue, escalate once to the leader
	in charge of the complaint window."""
	return clock.run(REFERRAL, {"status": ("in", c.RUNNING)}, step_of, act, on=on)


def window_leader(on: date) -> str | None:
	leader = frappe.db.get_single_value("Hall Settings", "complaint_window_leader")
	return acting_for_today(leader, on) if leader else None


def step_of(doc, on: date):
	return c.complaint_step(
		on,
		getdate(doc.due_date),
		running=doc.status in c.RUNNING,
		reminded=bool(doc.reminder_sent),
		escalated=bool(doc.auto_escalated),
		has_leader=bool(window_leader(on)),
	)


def act(doc, step) -> None:
	if step.remind:
		doc.reminder_sent = 1
		records.timeline(
			doc.doctype, doc.name, f"今天是办结期限（{doc.due_date}），已提醒接收人 {name_of(doc.receiver)}"
		)
		inbox.notify(
			REFERRAL,
			doc.name,
			doc.receiver,
			f"“吐槽找茬”承办单 {doc.name} 今天到期，请当天办结。{referral_message(doc)}",
		)
	if step.escalate:
		leader = window_leader(getdate(today()))
		doc.auto_escalated = 1
		doc.escalated_to = leader
		records.timeline(
			doc.doctype, doc.name, f"已超过办结期限（{doc.due_date}）未办结，提请{name_of(leader)}督办"
		)
		inbox.assign(
			REFERRAL,
			doc.name,
			leader,
			f"“吐槽找茬”承办单 {doc.name} 已超期未办结（期限 {doc.due_date}，接收人 {name_of(doc.receiver)}），请督办。",
			due=doc.due_date,
			urgent=True,
		)
	records.write(doc)


# ---------------------------------------------------------------- stand-ins (services.standins)


def move_to(name: str, from_user: str, to_user: str, behalf: str | None, why: str) -> None:
	doc = frappe.get_doc(REFERRAL, name)
	doc.receiver = to_user
	doc.acting_for = behalf
	records.write(doc)
	records.timeline(doc.doctype, doc.name, why)
	if not inbox.hand_over(REFERRAL, name, from_user, to_user, referral_message(doc)):
		inbox.assign(REFERRAL, name, to_user, referral_message(doc), due=doc.due_date)


def recount(referral) -> date:
	"""A 承办单's due date on today's calendar: N working days from the day after the complaint came in."""
	received = frappe.db.get_value(COMPLAINT, referral.complaint, "received_at")
	days = frappe.db.get_single_value("Hall Settings", "complaint_solve_days") or 3
	return clock.due_in_working_days(getdate(received), days)


def complaint_received_on(referral) -> date:
	return getdate(frappe.db.get_value(COMPLAINT, referral.complaint, "received_at"))


def recused_signer(doc, code: str) -> str | None:
	"""The person named to sign as `code`, or, when they (or their stand-in) are the staff the complaint is
	about, the main leader instead (回避), written on the sheet with the reason: the person named signs
	nothing about themselves, and nothing about them is shared with them."""
	person = doc.get(f"summary_{code}")
	if not (doc.staff and person) or doc.staff not in (person, acting_for_today(person, getdate(today()))):
		return person
	leader = frappe.db.get_single_value("Hall Settings", "main_leader")
	if not leader or doc.staff in (leader, acting_for_today(leader, getdate(today()))):
		records.timeline(
			doc.doctype,
			doc.name,
			"回避：被反映的工作人员不能签字，审批链上已没有其他人员，请大厅管理员另行指定",
		)
		return None
	doc.set(f"summary_{code}", leader)
	records.write(doc)
	records.timeline(doc.doctype, doc.name, recusal_note(who_is(person), who_is(leader)))
	return leader
