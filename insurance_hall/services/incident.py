"""应急处理 (001 §十): the incident register. Registered by those in charge ("分管负责，科室为主"), reported at once
("立即电话或书面报告": each report a line with whom, how and when; a post of the county's report chain is told
through the one router and the one inbox), met on the scene by the 应急维稳工作组 (the arrival time), and ended
with its outcome and follow-up (never before a report was made). Every action runs through the one pipeline
(`services/records.py`) and leaves a trail line with its time."""

from __future__ import annotations

import json
from datetime import datetime

import frappe
from frappe.utils import get_datetime, getdate, now_datetime

from insurance_hall.rules import incident as rules
from insurance_hall.rules.chain import APPROVER_LABELS, DEPARTMENT_HEAD, DEPUTY_IN_CHARGE
from insurance_hall.services import inbox, records, routing

DOCTYPE = "Hall Incident"
WHAT = "突发事件"
# a report to a body outside the hall's chain ("并向有关上级部门及时报告"): named in words, told by phone or paper
OUTSIDE = "上级部门"


def section() -> dict:
	"""The county's `incident` section (Hall Settings, from the profile), or the register's default."""
	raw = frappe.db.get_single_value("Hall Settings", "incident_rules")
	return json.loads(raw) if raw else dict(rules.DEFAULT_SECTION)


def check_handler(what: str) -> None:
	error = rules.handler_error(frappe.get_roles(), what)
	if error:
		frappe.throw(error, frappe.PermissionError, title="无权操作")


def prepare(doc) -> None:
	"""Before an incident is saved: a handler keeps the register; what happened and when."""
	if doc.is_new():
		check_handler("登记")
	error = rules.filing_error(
		doc.kind, get_datetime(doc.occurred_at) if doc.occurred_at else None, now_datetime(), doc.description
	)
	if error:
		frappe.throw(error, title="突发事件登记有误")
	if doc.is_new():
		# the register's first trail line (the guard has let the new record through: it carried none)
		records.trail(
			doc, {"action": "登记", "acted_by": frappe.session.user, "note": f"{doc.kind}：{_short(doc)}"}
		)


def _short(doc) -> str:
	return (doc.description or "").strip().replace("\n", " ")[:60]


def _moment(value: str | datetime | None) -> datetime:
	return get_datetime(value) if value else now_datetime()


def chain_choices() -> list[dict]:
	"""The posts a report goes to, as the form offers them: the county's chain, then a body outside."""
	chain = rules.report_chain(section())
	return [{"value": kind, "label": APPROVER_LABELS.get(kind, kind)} for kind in chain] + [
		{"value": OUTSIDE, "label": OUTSIDE}
	]


def report(
	name: str,
	post: str,
	way: str,
	at: str | None = None,
	to_whom: str | None = None,
	seen_modified: str | None = None,
):
	"""报告: one report (a post of the county's chain, through the router and its stand-ins, or a body outside
	named in words), how and when; the person told gets the incident through the inbox."""
	doc = records.lock(DOCTYPE, name, WHAT, seen_modified)
	check_handler("报告")
	county = section()
	chain = rules.report_chain(county)
	person = acting_for = None
	if post in chain:
		if post in (DEPARTMENT_HEAD, DEPUTY_IN_CHARGE) and not doc.department:
			frappe.throw(f"请先填写所涉科室，才能报告{APPROVER_LABELS[post]}", title="不能报告")
		try:
			person, acting_for = routing.resolve(post, doc.department or "", getdate(now_datetime()))
		except routing.RoutingError as error:
			frappe.throw(str(error), title="不能报告")
		to_whom = f"{APPROVER_LABELS[post]} {routing.name_of(person)}"
		if acting_for:
			to_whom += f"（代{routing.name_of(acting_for)}）"
	elif post != OUTSIDE:
		frappe.throw(f"报告岗位应为{'、'.join(c['label'] for c in chain_choices())}之一", title="不能报告")
	when = _moment(at)
	error = rules.report_error(
		doc.status,
		way,
		county.get("report_ways") or rules.WAYS,
		when,
		get_datetime(doc.occurred_at),
		now_datetime(),
		to_whom,
	)
	if error:
		frappe.throw(error, title="报告未登记")
	user = frappe.session.user
	doc.append(
		"reports",
		{
			"post": APPROVER_LABELS.get(post, post),
			"reported_to": person,
			"to_whom": to_whom.strip(),
			"way": way,
			"reported_at": when,
			"reported_by": user,
		},
	)
	records.trail(
		doc,
		{"action": "报告", "acted_by": user, "note": f"{way}报告{to_whom.strip()}（{when:%Y-%m-%d %H:%M}）"},
	)
	records.write(doc, "报告")
	if person:
		inbox.assign(
			DOCTYPE,
			doc.name,
			person,
			f"突发事件（{doc.kind}）：{_short(doc)}。{routing.name_of(user)}已{way}报告，请第一时间赶赴现场统一指挥。",
			due=getdate(now_datetime()),
			urgent=True,
			doc=doc,
		)
	return doc


def arrive(name: str, at: str | None = None, note: str | None = None, seen_modified: str | None = None):
	"""到场: the 应急维稳工作组 is on the scene ("第一时间赶往事件现场统一指挥"); its time, once."""
	doc = records.lock(DOCTYPE, name, WHAT, seen_modified)
	check_handler("登记到场")
	when = _moment(at)
	error = rules.arrival_error(
		doc.status, bool(doc.arrived_at), when, get_datetime(doc.occurred_at), now_datetime()
	)
	if error:
		frappe.throw(error, title="到场未登记")
	user = frappe.session.user
	doc.arrived_at = when
	doc.arrived_by = user
	text = f"应急维稳工作组到场（{when:%Y-%m-%d %H:%M}）"
	records.trail(
		doc, {"action": "到场", "acted_by": user, "note": f"{text}{'：' + note.strip() if note else ''}"}
	)
	records.write(doc, "到场")
	return doc


def close(
	name: str,
	outcome: str | None = None,
	measures: str | None = None,
	follow_up: str | None = None,
	seen_modified: str | None = None,
):
	"""结束: the incident ends with its outcome (and the measures and follow-up, "做好各项善后处理"); one never
	reported is not ended. The people told are done with it."""
	doc = records.lock(DOCTYPE, name, WHAT, seen_modified)
	check_handler("结束")
	for field, value in (("outcome", outcome), ("measures", measures), ("follow_up", follow_up)):
		if (value or "").strip():
			doc.set(field, value.strip())
	error = rules.close_error(doc.status, [row.reported_at for row in doc.reports], doc.outcome)
	if error:
		frappe.throw(error, title="不能结束")
	user = frappe.session.user
	doc.status = rules.CLOSED
	doc.closed_at = now_datetime()
	doc.closed_by = user
	records.trail(doc, {"action": "结束", "acted_by": user, "note": (doc.outcome or "")[:140]})
	records.write(doc, "结束")
	for person in {row.reported_to for row in doc.reports if row.reported_to}:
		inbox.close(DOCTYPE, doc.name, person)
	return doc
