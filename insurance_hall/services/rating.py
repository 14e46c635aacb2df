"""The hall's one rating (好差评), Frappe side: the county's scale, the forms that can be rated, the
rating invitation (a signed, expiring link and its QR code), the public and the staff-recorded rating,
and the course of a bad rating (核实 within hours, 整改 within days, 回访) on the shared clock and inbox.

002 沂南: "实现线上评价“一事一评”"; 004 开原: "对“不满意”或“非常不满意”评价要在24小时内进行核实".
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import frappe
from frappe.utils import get_datetime, get_fullname, get_url, getdate, now_datetime

from insurance_hall.rules import case as case_rules
from insurance_hall.rules import rating as r
from insurance_hall.rules.chain import APPROVERS, DEPARTMENT_HEAD, MAIN_LEADER
from insurance_hall.rules.clock import ClockStep, clock_step
from insurance_hall.rules.roles import RECORDS
from insurance_hall.services import clock, inbox, records, rectification
from insurance_hall.rules.public_input import name_error, phone_error, text_error
from insurance_hall.rules.staffing import first_not_recused, recusal_note
from insurance_hall.services.routing import acting_for_today, named_approver

DOCTYPE = "Hall Rating"


def rating_scale() -> list[tuple[str, bool]]:
	"""The county's scale, in its order: [(label, is_bad)] from Hall Settings."""
	rows = frappe.get_all(
		"Rating Level",
		filters={"parenttype": "Hall Settings"},
		fields=["label", "is_bad"],
		order_by="idx asc",
	)
	return [(row.label, bool(row.is_bad)) for row in rows]


# ---------------------------------------------------------------- what can be rated


@dataclass(frozen=True)
class Ratable:
	doctype: str
	title: str
	# name -> the service as rated: service_date, service_matter, matter_text, window, department,
	# staff (who is rated), own (everyone who served it: they cannot rate it), served (can be rated now)
	read: Callable[[str], frappe._dict | None]


def _case(name: str) -> frappe._dict | None:
	row = frappe.db.get_value(
		"Hall Case",
		name,
		[
			"service_matter",
			"question",
			"window",
			"department",
			"handler",
			"first_responder",
			"referred_to",
			"helper",
			"status",
			"closed_on",
			"accepted_on",
			"creation",
		],
		as_dict=True,
	)
	if not row:
		return None
	return frappe._dict(
		service_date=row.closed_on or row.accepted_on or getdate(row.creation),
		service_matter=row.service_matter,
		matter_text=None if row.service_matter else "咨询",
		window=row.window,
		department=row.department,
		staff=row.handler or row.first_responder,
		own={row.handler, row.first_responder, row.referred_to, row.helper} - {None, ""},
		served=row.status in (case_rules.INQUIRY, case_rules.DONE, case_rules.RETURNED),
	)


def _delay(name: str) -> frappe._dict | None:
	row = frappe.db.get_value(
		"Delay Service Record",
		name,
		["service_date", "service_matter", "matter_text", "window", "department", "handler", "docstatus"],
		as_dict=True,
	)
	if not row:
		return None
	return frappe._dict(
		service_date=row.service_date,
		service_matter=row.service_matter,
		matter_text=row.matter_text,
		window=row.window,
		department=row.department,
		staff=row.handler,
		own={row.handler} - {None, ""},
		served=row.docstatus < 2,
	)


def _booking(name: str) -> frappe._dict | None:
	row = frappe.db.get_value(
		"Hall Booking",
		name,
		["booking_date", "service_matter", "window", "handler", "receiver", "on_duty", "status"],
		as_dict=True,
	)
	if not row:
		return None
	return frappe._dict(
		service_date=row.booking_date,
		service_matter=row.service_matter,
		matter_text=None,
		window=row.window,
		department=frappe.db.get_value("Service Window", row.window, "department") if row.window else None,
		staff=row.handler or row.on_duty,
		own={row.handler, row.receiver, row.on_duty} - {None, "", "Guest"},
		served=row.status == "已办理",
	)


# the forms whose own satisfaction tick becomes their rating, and the channel it is counted under
FORM_TICK_CHANNEL = {"Delay Service Record": r.DELAY_FORM, "Hall Booking": r.BOOKING_FORM}

# complaints register here when they become ratable
RATABLE: dict[str, Ratable] = {
	"Hall Case": Ratable("Hall Case", "办件", _case),
	"Delay Service Record": Ratable("Delay Service Record", "延时服务", _delay),
	"Hall Booking": Ratable("Hall Booking", "预约服务", _booking),
}


def service_of(doctype: str | None, name: str | None) -> frappe._dict:
	"""The rated service, or a Chinese refusal."""
	form = RATABLE.get(doctype or "")
	if not form:
		frappe.throw(f"“{doctype}”不是可评价的服务，可评价：{'、'.join(f.title for f in RATABLE.values())}")
	service = form.read(name) if name else None
	if not service:
		frappe.throw(f"找不到被评价的{form.title} {name}", frappe.DoesNotExistError)
	if service.window and not service.department:
		service.department = frappe.db.get_value("Service Window", service.window, "department")
	return service


def already_rated(doctype: str, name: str) -> str | None:
	return frappe.db.get_value(DOCTYPE, {"reference_doctype": doctype, "reference_name": name}, "name")


# ---------------------------------------------------------------- the invitation (a signed link, a QR code)


def _key() -> bytes:
	from frappe.utils.password import get_encryption_key

	return get_encryption_key().encode()


def invite(doctype: str, name: str) -> dict:
	"""Staff who may read the service get a link (and its QR code) the citizen rates it by, once."""
	service = service_of(doctype, name)
	if not frappe.has_permission(doctype, "read", doc=name):
		frappe.throw("您无权为这项服务发放评价邀请", frappe.PermissionError)
	if not service.served:
		frappe.throw("服务结束后才能邀请评价")
	if already_rated(doctype, name):
		frappe.throw("这项服务已经评价过（一事一评）")
	hours = frappe.db.get_single_value("Hall Settings", "rating_link_hours") or 72
	expires = int(time.time()) + int(hours) * 3600
	token = r.sign(r.token_payload(doctype, name, expires), _key())
	url = get_url(f"/rate?t={token}")
	return {
		"url": url,
		"token": token,
		"expires_at": str(datetime.fromtimestamp(expires)),
		"hours": hours,
		"qr_svg": qr_svg(url),
	}


def qr_svg(text: str) -> str:
	"""The link as a QR code (SVG), drawn on the server with pyqrcode (shipped with Frappe)."""
	import pyqrcode

	buffer = io.BytesIO()
	pyqrcode.create(text, error="M").svg(buffer, scale=4, xmldecl=False, svgns=True, omithw=False)
	return buffer.getvalue().decode()


def receipt_invitation(doctype: str, name: str) -> dict:
	"""For a receipt print format: the invitation, or a line saying why there is none."""
	try:
		return invite(doctype, name)
	except frappe.ValidationError as error:
		frappe.clear_last_message()
		return {"error": str(error)}


def read_invitation(token: str | None) -> tuple[str, str]:
	service, error = r.read_token(token, _key(), int(time.time()))
	if error:
		frappe.throw(error, title="评价链接无效")
	return service


def public_view(token: str | None) -> dict:
	"""What the public page may show: the service rated (matter, window, date), the scale and the
	optional questions; never a name, a phone or another rating."""
	doctype, name = read_invitation(token)
	service = service_of(doctype, name)
	if already_rated(doctype, name):
		frappe.throw("这项服务已经评价过，感谢您的参与（一事一评）", title="已评价")
	window_name = (
		frappe.db.get_value("Service Window", service.window, "window_name") if service.window else ""
	)
	return {
		"form": RATABLE[doctype].title,
		"matter": service.service_matter or service.matter_text or "",
		"window": " ".join(x for x in (service.window, window_name) if x),
		"date": str(service.service_date or ""),
		"scale": [{"label": label, "is_bad": bad} for label, bad in rating_scale()],
		"questions": [{"fieldname": f, "label": q} for f, q in r.QUESTIONS],
		"reasons": list(r.BAD_REASONS),
		"bureau": frappe.db.get_single_value("Hall Settings", "bureau_name") or "",
	}


def submit_public(token: str, values: dict) -> str:
	"""The citizen's rating through the link: the token is checked and spent in this transaction (the
	rated service's row is locked, one rating per service is a unique index)."""
	doctype, name = read_invitation(token)
	if values.get("reference_name") and (
		values.get("reference_name") != name or values.get("reference_doctype", doctype) != doctype
	):
		frappe.throw("评价链接与被评价的服务不符", title="评价链接无效")
	frappe.db.get_value(doctype, name, "name", for_update=True)
	if already_rated(doctype, name):
		frappe.throw("这个评价链接已经用过：每项服务只能评价一次", title="已评价")
	doc = new_rating(doctype, name, r.LINK, values)
	doc.flags.public_rating = True
	doc.insert(ignore_permissions=True)
	return doc.name


def new_rating(doctype: str, name: str, channel: str, values: dict):
	fields = ("level", "suggestion", "rater_name", "rater_phone", *(f for f, _q in r.QUESTIONS))
	reasons, error = r.parse_reasons(values.get("bad_reasons"))
	if error:
		frappe.throw(error, title="评价未保存")
	return frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"reference_doctype": doctype,
			"reference_name": name,
			"channel": channel,
			"bad_reasons": "\n".join(str(x) for x in reasons),
			**{f: _text(values.get(f)) for f in fields},
		}
	)


def _text(value) -> str | None:
	"""Text is stored as text: trimmed, never interpreted; the length is checked, not cut."""
	return None if value is None else str(value).strip()


def from_form_tick(doctype: str, name: str, level: str | None, rater_name: str | None) -> str | None:
	"""A form's own satisfaction tick (the delay-service log, filed with the citizen's signature) is a
	rating of this kind: it becomes the service's Hall Rating, once."""
	if not level or already_rated(doctype, name):
		return None
	bad = r.is_bad(level, rating_scale())
	doc = new_rating(
		doctype,
		name,
		FORM_TICK_CHANNEL[doctype],
		{
			"level": level,
			"rater_name": rater_name,
			"bad_reasons": [r.OTHER_REASON] if bad else [],
			"suggestion": f"{FORM_TICK_CHANNEL[doctype]}勾选，未注明原因，核实时询问" if bad else None,
		},
	)
	doc.flags.form_tick = True
	doc.insert(ignore_permissions=True)
	return doc.name


# ---------------------------------------------------------------- the rating record (controller calls)


def prepare(doc) -> None:
	"""A new rating: the service is read from its form, the level checked on the county's scale, a bad
	level needs a reason; a saved rating is not edited except by the check/fix/visit actions."""
	if not doc.is_new():
		guard_unchanged(doc)
		return
	errors = new_rating_errors(doc)
	if errors:
		frappe.throw("<br>".join(errors), title="评价未保存")
	doc.rated_on = now_datetime()
	doc.recorded_by = None if doc.channel == r.LINK else frappe.session.user
	doc.state = r.first_state(bool(doc.is_bad))
	if doc.is_bad:
		start_check(doc)


def new_rating_errors(doc) -> list[str]:
	service = service_of(doc.reference_doctype, doc.reference_name)
	if doc.channel == r.LINK and not doc.flags.public_rating:
		return ["链接或二维码评价只能由群众本人在评价页面提交"]
	if doc.channel in r.FORM_TICKS and not doc.flags.form_tick:
		return [f"{doc.channel}的满意度由该表办结或备案时自动计入"]
	if doc.channel not in r.CHANNELS:
		return [f"评价渠道应为：{'、'.join(r.CHANNELS)}"]
	errors = []
	if not service.served:
		errors.append("服务结束后才能评价")
	if doc.channel in r.STAFF_CHANNELS:
		error = r.self_rating_error(frappe.session.user, [service.staff, *service.own])
		if error:
			errors.append(error)
	if already_rated(doc.reference_doctype, doc.reference_name):
		errors.append("这项服务已经评价过：每项服务只能评价一次（一事一评）")
	doc.service_date = service.service_date
	doc.service_matter = service.service_matter
	doc.matter_text = service.matter_text
	doc.window = service.window
	doc.department = service.department
	doc.staff = service.staff
	scale = rating_scale()
	if not doc.level:
		errors.append(f"请选择评价等级：{'、'.join(label for label, _bad in scale)}")
	else:
		error = r.rating_error(doc.level, scale)
		if error:
			errors.append(error)
	doc.is_bad = int(r.is_bad(doc.level, scale))
	for fieldname, question in r.QUESTIONS:
		error = r.answer_error(question, doc.get(fieldname))
		if error:
			errors.append(error)
	reasons = [x.strip() for x in (doc.bad_reasons or "").splitlines() if x.strip()]
	error = r.bad_reasons_error(bool(doc.is_bad), reasons, doc.suggestion)
	if error:
		errors.append(error)
	doc.bad_reasons = "\n".join(reasons) if doc.is_bad else ""
	# the same phone and name rules as every public page: "123" is no phone number for a return visit
	if (doc.rater_phone or "").strip():
		error = phone_error(doc.rater_phone)
		if error:
			errors.append(error)
	error = name_error(doc.rater_name, "评价人姓名", required=False)
	if error:
		errors.append(error)
	error = text_error(doc.suggestion, "意见建议", 1000)
	if error:
		errors.append(error)
	return errors


RATING_FIELDS = (
	"reference_doctype",
	"reference_name",
	"level",
	"is_bad",
	"channel",
	"rater_name",
	"rater_phone",
	"suggestion",
	"bad_reasons",
	"staff",
	"window",
	*(f for f, _q in r.QUESTIONS),
)


def guard_unchanged(doc) -> None:
	"""What the citizen said stays as said, whatever action runs (a save outside an action is refused
	before this, by the base controller: `rules/managed.py`)."""
	before = doc.get_doc_before_save()
	if before is None:
		return
	if any(doc.get(f) != before.get(f) for f in RATING_FIELDS):
		frappe.throw("评价记录不能修改：核实、整改和回访请使用相应操作", frappe.PermissionError)


def refuse_delete(doc) -> None:
	frappe.throw("评价记录不能删除", frappe.PermissionError)


def after_insert(doc) -> None:
	if doc.flags.recusal:
		records.timeline(doc.doctype, doc.name, doc.flags.recusal)
	if doc.is_bad and doc.checker:
		inbox.assign(DOCTYPE, doc.name, doc.checker, check_message(doc), due=doc.due_date, urgent=True)


# ---------------------------------------------------------------- the bad rating's course


def checker_type() -> str:
	return frappe.db.get_single_value("Hall Settings", "bad_rating_checker") or DEPARTMENT_HEAD


def named_checker(department: str | None, approver_type: str | None = None) -> str | None:
	approver_type = approver_type or checker_type()
	person = named_approver(approver_type, department) if department else None
	return person or named_approver(MAIN_LEADER, department or "")


def start_check(doc) -> None:
	"""The county's hours for the check (核实), by the person the profile names, through stand-ins."""
	hours = frappe.db.get_single_value("Hall Settings", "bad_rating_check_hours") or 24
	set_due(doc, get_datetime(doc.rated_on) + timedelta(hours=int(hours)))
	day = getdate(doc.rated_on)
	kind = checker_type()
	above = APPROVERS[APPROVERS.index(kind) :] if kind in APPROVERS else (MAIN_LEADER,)
	named = [named_approver(k, doc.department or "") for k in above] if doc.department else []
	named = [person for person in named if person] or [named_checker(doc.department)]
	candidates = [(person, acting_for_today(person, day)) for person in named if person]
	# 回避: the worker whose service was rated never checks their own rating, as stand-in or not
	found = first_not_recused(candidates, (doc.staff,))
	if found:
		person, actor = found
		doc.checker = actor
		doc.checker_acting_for = person if actor != person else None
		if candidates and candidates[0] != found:
			doc.flags.recusal = recusal_note(candidates[0][1], actor)


def format_due(value) -> str:
	"""A due moment as people read it: 2026年12月3日 17:46 (not 2026-12-03 05:46:58.022911)."""
	moment = get_datetime(value)
	return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}" if moment else ""


def set_due(doc, due_at: datetime) -> None:
	doc.due_at = due_at
	doc.due_date = getdate(due_at)
	doc.reminder_sent = doc.auto_escalated = doc.is_overdue = 0


def check_message(doc) -> str:
	return (
		f"差评待核实：{doc.name}，{doc.window or ''} 号窗口 {get_fullname(doc.staff) if doc.staff else ''}"
		f"，评价“{doc.level}”（{'、'.join((doc.bad_reasons or '').splitlines())}）。请于 {format_due(doc.due_at)} 前核实。"
	)


def lock(name: str):
	return records.lock(DOCTYPE, name, "评价")


def check_actor(doc, what: str) -> None:
	if frappe.session.user not in (doc.checker, "Administrator"):
		holder = get_fullname(doc.checker) if doc.checker else "核实人"
		frappe.throw(f"只有{holder}可以{what}这条差评", frappe.PermissionError)
	if doc.staff and frappe.session.user == doc.staff:
		frappe.throw(f"回避：被评价的工作人员不能{what}对本人服务的差评", frappe.PermissionError)


def conclude_check(name: str, conclusion: str, note: str) -> None:
	"""核实: 误评 / 恶意差评 are not counted (with the reason); 差评属实 starts the fix clock."""
	doc = lock(name)
	check_actor(doc, "核实")
	error = r.check_error(doc.state, conclusion, note)
	if error:
		frappe.throw(error, title="核实未保存")
	doc.check_conclusion = conclusion
	doc.check_note = _text(note)
	doc.checked_on = now_datetime()
	doc.state = r.state_after_check(conclusion)
	if doc.state == r.TO_FIX:
		days = frappe.db.get_single_value("Hall Settings", "bad_rating_fix_days") or 15
		was_late = doc.is_overdue
		set_due(doc, doc.checked_on + timedelta(days=int(days)))
		doc.is_overdue = 0
		if was_late:
			doc.check_note += "（核实逾期）"
	records.write(doc)
	# a true bad rating stays on the checker's to-do list until fixed; otherwise it is done
	if doc.state != r.TO_FIX:
		inbox.close(DOCTYPE, doc.name, doc.checker)


def report_fix(name: str, report: str) -> None:
	"""整改: a written report to the business-environment office; a named rater is then visited back."""
	doc = lock(name)
	check_actor(doc, "整改")
	error = r.fix_error(doc.state, report)
	if error:
		frappe.throw(error, title="整改未保存")
	doc.fix_report = _text(report)
	doc.fixed_on = now_datetime()
	doc.state = r.state_after_fix(bool((doc.rater_name or "").strip()))
	records.write(doc)
	# the fix is one line of the 问题排查整改台账, verified and closed there by someone else (002)
	line = rectification.from_rating(doc)
	if line:
		records.timeline(doc.doctype, doc.name, f"差评整改已列入问题排查整改台账：{line}")
	if doc.state != r.TO_VISIT:
		inbox.close(DOCTYPE, doc.name, doc.checker)


def record_visit(name: str, note: str) -> None:
	"""回访 of a named rater, by the checker or 综合科."""
	doc = lock(name)
	if frappe.session.user != doc.checker and RECORDS not in frappe.get_roles():
		frappe.throw("只有核实人或综合科可以登记回访", frappe.PermissionError)
	error = r.visit_error(doc.state, note)
	if error:
		frappe.throw(error, title="回访未保存")
	doc.visit_note = _text(note)
	doc.visited_on = now_datetime()
	doc.visited_by = frappe.session.user
	doc.state = r.CLOSED
	records.write(doc)
	inbox.close(DOCTYPE, doc.name, doc.checker)


# ---------------------------------------------------------------- the clock (hourly)


def run_clocks(now: datetime | None = None) -> dict[str, int]:
	"""Overdue checks and fixes: reminded on their due day, escalated once after the due time."""
	now = get_datetime(now or now_datetime())
	return clock.run(
		DOCTYPE,
		{"state": ("in", r.OPEN_STATES)},
		lambda doc, _on: due_step(doc, now),
		act,
		on=now.date(),
	)


def due_step(doc, now: datetime) -> ClockStep:
	due_at = get_datetime(doc.due_at)
	return clock_step(
		now,
		due_at,
		running=True,
		done=False,
		reminded=bool(doc.reminder_sent),
		escalated=bool(doc.auto_escalated),
		can_escalate=bool(upper_person(doc)),
		remind_on=datetime.combine(due_at.date(), datetime.min.time()),
	)


def upper_person(doc) -> str | None:
	kind = checker_type()
	above = APPROVERS[APPROVERS.index(kind) + 1 :] if kind in APPROVERS else ()
	for approver_type in above:
		person = named_approver(approver_type, doc.department or "")
		if person and person not in (doc.checker, doc.checker_acting_for):
			return acting_for_today(person, getdate(now_datetime()))
	return None


def act(doc, step: ClockStep) -> None:
	what = "核实" if doc.state == r.TO_CHECK else "整改"
	if step.remind:
		inbox.notify(DOCTYPE, doc.name, doc.checker, f"差评{what}即将到期：{doc.name}，期限 {doc.due_at}。")
		doc.db_set("reminder_sent", 1, update_modified=False)
	if step.escalate:
		upper = upper_person(doc)
		inbox.assign(
			DOCTYPE,
			doc.name,
			upper,
			f"差评{what}逾期，请督办：{doc.name}，{get_fullname(doc.checker)} 应于 {doc.due_at} 前{what}。",
			due=date.today(),
			urgent=True,
		)
		doc.db_set("auto_escalated", 1, update_modified=False)


# ---------------------------------------------------------------- stand-ins (services.standins)


def move_to(name: str, from_user: str, to_user: str, behalf: str | None, why: str) -> None:
	frappe.db.set_value(
		DOCTYPE, name, {"checker": to_user, "checker_acting_for": behalf}, update_modified=False
	)
	if not inbox.hand_over(DOCTYPE, name, from_user, to_user, f"差评待处理：{name}。{why}"):
		inbox.assign(DOCTYPE, name, to_user, f"差评待处理：{name}。{why}", urgent=True)
