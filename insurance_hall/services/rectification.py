"""问题排查整改台账 (002): problems found by an inspection, a complaint, a rating or a self-check, each a line with
its owner, measure and deadline on the hall's working-day clock; the owner reports the fix (完成整改) and somebody
else verifies and closes it (验证销号: "解决不彻底不销号"). The owner and the verifier are told through the one inbox;
the verifier is found by the one router (the owner's department head, through stand-ins, never the owner: 回避),
and 综合科 may verify any line. A complaint's signed 总结分析 and a bad rating's 整改 each put one line here."""

from __future__ import annotations

import frappe
from frappe.utils import get_fullname, getdate, now_datetime, today

from insurance_hall.rules import rectification as rules
from insurance_hall.rules.chain import DEPARTMENT_HEAD, MAIN_LEADER
from insurance_hall.services import clock, inbox, records, routing

DOCTYPE = "Hall Rectification"
WHAT = "整改问题"


def days() -> int:
	"""The county's working days for a line registered without its own deadline (profile `rectification_days`)."""
	return int(frappe.db.get_single_value("Hall Settings", "rectification_days") or rules.DEFAULT_DAYS)


def prepare(doc) -> None:
	"""Before a line is saved: who may register it, what it is, and its deadline (given, not already past, or
	counted in working days from the day after it is registered). A line made by another form's action (a
	complaint's summary, a bad rating's fix) carries that form's own deadline."""
	made_by_action = bool(doc.flags.hall_action)
	if doc.is_new() and not made_by_action:
		error = rules.keeper_error(frappe.get_roles())
		if error:
			frappe.throw(error, frappe.PermissionError, title="无权登记")
	error = rules.filing_error(doc.source, doc.problem, doc.responsible)
	if error:
		frappe.throw(error, title="整改问题登记有误")
	if not doc.is_new():
		return
	if doc.due_date and not made_by_action:
		error = rules.due_error(getdate(doc.due_date), getdate(today()))
		if error:
			frappe.throw(error, title="整改问题登记有误")
	if not doc.due_date:
		doc.due_date = clock.due_in_working_days(getdate(doc.found_on or today()), days())
	records.trail(
		doc,
		{
			"action": "登记",
			"acted_by": frappe.session.user,
			"note": f"{doc.source}：责任人 {routing.name_of(doc.responsible)}，完成时限 {doc.due_date}",
		},
	)


def after_insert(doc) -> None:
	"""The owner is told it is theirs (a line made already fixed waits on its verifier instead)."""
	if doc.status == rules.FIXING:
		tell_owner(doc, fresh=True)
	elif doc.status == rules.TO_VERIFY and doc.verifier:
		tell_verifier(doc)


def tell_owner(doc, fresh: bool = False, why: str = "") -> None:
	inbox.assign(
		DOCTYPE,
		doc.name,
		doc.responsible,
		f"整改任务{why}：{_short(doc.problem)}。请于 {doc.due_date} 前完成整改并提交。",
		due=doc.due_date,
		doc=doc,
		fresh=fresh,
	)


def tell_verifier(doc) -> None:
	inbox.assign(
		DOCTYPE,
		doc.name,
		doc.verifier,
		f"整改待验证销号：{_short(doc.problem)}（责任人 {routing.name_of(doc.responsible)}）。",
		due=today(),
		doc=doc,
	)


def _short(text: str | None) -> str:
	return (text or "").strip().replace("\n", " ")[:60]


def route_verifier(doc, about: tuple[str, ...] = ()) -> str | None:
	"""Who verifies: the head of the line's department (the main leader for a line without one), through
	stand-ins, never the owner (回避: the next post up takes it, and the trail says why); None when nobody is
	named (综合科 verifies then)."""
	kind = DEPARTMENT_HEAD if doc.department else MAIN_LEADER
	try:
		person, _for = routing.resolve(
			kind, doc.department or "", getdate(today()), about=(doc.responsible, *about)
		)
	except routing.RoutingError:
		return None
	note = routing.last_recusal()
	if note:
		records.trail(doc, {"action": "回避", "acted_by": frappe.session.user, "note": note})
	return person


def complete(name: str, result: str, seen_modified: str | None = None):
	"""完成整改: the owner, and only the owner, reports what was done; the line waits on its verifier."""
	doc = records.lock(DOCTYPE, name, WHAT, seen_modified)
	user = frappe.session.user
	error = rules.complete_error(doc.status, user, doc.responsible, result)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能完成整改")
	mark_completed(doc, result)
	records.trail(doc, {"action": "完成整改", "acted_by": user, "note": doc.result[:140]})
	records.write(doc, "完成整改")
	inbox.close(DOCTYPE, doc.name, doc.responsible)
	if doc.verifier:
		tell_verifier(doc)
	return doc


def mark_completed(doc, result: str, about: tuple[str, ...] = ()) -> None:
	doc.result = result.strip()
	doc.completed_at = now_datetime()
	doc.status = rules.TO_VERIFY
	doc.verifier = route_verifier(doc, about)


def verify(name: str, passed: bool, note: str | None = None, seen_modified: str | None = None):
	"""验证销号: somebody other than the owner (the routed verifier or 综合科) closes the line, or sends it back to
	the owner with why."""
	doc = records.lock(DOCTYPE, name, WHAT, seen_modified)
	user = frappe.session.user
	may_verify = user == doc.verifier or bool(rules.VERIFIERS & set(frappe.get_roles(user)))
	error = rules.verify_error(doc.status, user, doc.responsible, may_verify, passed, note)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能验证销号")
	waiting = doc.verifier
	doc.status = rules.status_after_verify(passed)
	# who closed it and when; a fix sent back keeps only why (the trail names who sent it back)
	doc.verified_by = user if passed else None
	doc.verified_at = now_datetime() if passed else None
	doc.verify_note = (note or "").strip() or None
	records.trail(
		doc,
		{"action": "验证销号" if passed else "验证不通过", "acted_by": user, "note": doc.verify_note or ""},
	)
	records.write(doc, "验证销号")
	for person in {waiting, user} - {None}:
		inbox.close(DOCTYPE, doc.name, person)
	if not passed:
		tell_owner(doc, why=f"（验证不通过：{doc.verify_note}）")
	return doc


def from_source(
	source: str,
	doctype: str,
	name: str,
	problem: str,
	responsible: str | None,
	department: str | None = None,
	measure: str | None = None,
	due=None,
	result: str | None = None,
	about: tuple[str, ...] = (),
) -> str | None:
	"""One line for a record of another form (a complaint, a rating), once: a second call finds the first line.
	With `result` the problem is already fixed by the owner, and the line waits on its verifier."""
	found = frappe.db.get_value(DOCTYPE, {"source_doctype": doctype, "source_name": name}, "name")
	if found or not responsible:
		return found
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"source": source,
			"source_doctype": doctype,
			"source_name": name,
			"found_on": today(),
			"department": department,
			"responsible": responsible,
			"problem": problem,
			"measure": measure,
			"due_date": due,
			"channel": rules.CHANNELS[0],
		}
	)
	if result:
		mark_completed(doc, result, about)
	records.write(doc, f"{source}整改", insert=True)
	return doc.name


def from_complaint(complaint) -> str | None:
	"""A complaint's 总结分析, signed by all, is one line: the problem as analysed, the 督办措施 as the measure, owned
	by the head of the department complained about (never the staff member it names), or its 承办人."""
	owner = None
	if complaint.department:
		try:
			owner, _for = routing.resolve(
				DEPARTMENT_HEAD,
				complaint.department,
				getdate(today()),
				about=(complaint.staff,) if complaint.staff else (),
			)
		except routing.RoutingError:
			owner = None
	owner = owner or complaint.summary_handler
	return from_source(
		rules.COMPLAINT,
		complaint.doctype,
		complaint.name,
		(complaint.summary_analysis or complaint.content or "").strip(),
		owner,
		department=complaint.department,
		measure=complaint.supervision_measures,
	)


def from_rating(rating) -> str | None:
	"""A bad rating's 整改, reported by its checker, is one line already fixed: it waits on a verifier other than
	the checker and the worker rated."""
	staff = get_fullname(rating.staff) if rating.staff else ""
	reasons = "、".join((rating.bad_reasons or "").splitlines())
	problem = f"差评：{rating.window or ''}号窗口 {staff}，评价“{rating.level}”（{reasons}）"
	if rating.check_note:
		problem += f"；核实：{rating.check_note}"
	return from_source(
		rules.RATING,
		rating.doctype,
		rating.name,
		problem,
		rating.checker,
		department=rating.department,
		due=rating.due_date,
		result=rating.fix_report or "",
		about=(rating.staff,) if rating.staff else (),
	)
