"""意见建议 (002 (三)服务改进): citizens' and workers' suggestions filed in the Desk, answered by a leader after
study ("报领导研究后，及时给予反馈"), and a worker's adopted suggestion entered on their monthly sheet
("被采纳的按照工作人员考评制度相应加分") as one line of the 考评登记, through the same rules as any entry."""

from __future__ import annotations

import frappe
from frappe.utils import get_fullname, getdate, now_datetime, today

from insurance_hall.rules import chain
from insurance_hall.rules import citizen as ct
from insurance_hall.rules import score as s
from insurance_hall.rules import suggestion as sg
from insurance_hall.rules.roles import DEPUTY, MAIN_LEADER
from insurance_hall.services import citizen, inbox, records, routing
from insurance_hall.services import score as score_service
from insurance_hall.services.score import ENTRY

DOCTYPE = "Hall Suggestion"
LEADERS = frozenset({DEPUTY, MAIN_LEADER})


def collects(user: str) -> bool:
	"""综合科, the leaders, the heads and the admin collect and read every suggestion (the register)."""
	return score_service.sees_everyone(user)


def waits_on(name: str | None, user: str) -> bool:
	"""The suggestion waits on `user` (the router gave it to them: the main leader or their stand-in)."""
	return bool(
		name
		and frappe.db.exists(
			"ToDo",
			{"reference_type": DOCTYPE, "reference_name": name, "allocated_to": user, "status": "Open"},
		)
	)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""hooks.permission_query_conditions: a worker's list shows the suggestions they filed or proposed and
	those waiting on them (a citizen's name and phone are the register's, not every clerk's)."""
	user = user or frappe.session.user
	if user == "Administrator" or collects(user):
		return ""
	me = frappe.db.escape(user)
	return (
		f"(`tabHall Suggestion`.`owner` = {me} or `tabHall Suggestion`.`proposer` = {me} or "
		f"`tabHall Suggestion`.`name` in (select `reference_name` from `tabToDo` where "
		f"`reference_type` = 'Hall Suggestion' and `allocated_to` = {me} and `status` = 'Open'))"
	)


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""hooks.has_permission: the same for one suggestion; only its filer (or a collector) changes it while it
	waits for the answer."""
	user = user or frappe.session.user
	if user == "Administrator" or collects(user) or not doc.get("name") or ptype == "create":
		return None
	mine = user in (doc.get("owner"), doc.get("proposer"))
	if ptype in ("write", "delete", "submit", "cancel", "amend"):
		return None if doc.get("owner") == user else False
	return None if mine or waits_on(doc.get("name"), user) else False


def prepare(doc) -> None:
	"""Before a suggestion is saved: who proposed it and what; a worker's name read from their account."""
	error = sg.filing_error(doc.proposer_type, doc.proposer, doc.proposer_name, doc.content)
	if error:
		frappe.throw(error, title="意见建议登记有误")
	user = frappe.session.user
	if not doc.is_new() and not doc.flags.hall_action:
		error = sg.editor_error(user, doc.owner, collects(user))
		if error:
			frappe.throw(error, frappe.PermissionError, title="不能修改")
	error = sg.proposer_error(user, doc.proposer_type, doc.proposer, collects(user))
	if error:
		frappe.throw(error, frappe.PermissionError, title="意见建议登记有误")
	if doc.proposer_type == sg.STAFF:
		doc.proposer_name = get_fullname(doc.proposer)
		doc.phone = None
	else:
		doc.proposer = None


def after_insert(doc) -> None:
	"""报领导研究: the main leader named in the settings, or who stands in for them today, is told it waits
	for an answer, through the one router (never the proposer: 回避). No leader named: the suggestion is
	filed all the same and waits in the register."""
	try:
		leader, _for = routing.resolve(
			chain.MAIN_LEADER, "", getdate(today()), about=(doc.proposer,) if doc.proposer else ()
		)
	except routing.RoutingError:
		return
	if leader:
		inbox.assign(
			DOCTYPE,
			doc.name,
			leader,
			f"意见建议待研究答复：{doc.proposer_name}（{doc.proposer_type}）：{(doc.content or '')[:60]}",
			due=today(),
			doc=doc,
			fresh=True,
		)


def suggestion_item(table: s.Table | None) -> s.Item | None:
	"""The county's item that scores adopted suggestions (沂南: 意见建议, "被采纳的每次加3分"), if any."""
	if table is None:
		return None
	return next((item for item in table.items if item.source == "suggestion" and item.per_event), None)


def answer(name: str, text: str, adopted: bool, seen_modified: str | None = None):
	"""答复: a leader answers after study; a worker's adopted suggestion adds the county's points to their
	sheet of this month (a 考评登记 line by the answering leader, checked as any entry: a month already sent
	up refuses it, and the whole answer with it)."""
	doc = records.lock(DOCTYPE, name, "意见建议", seen_modified)
	user = frappe.session.user
	leads = bool(LEADERS & set(frappe.get_roles(user))) or waits_on(doc.name, user)
	error = sg.answer_error(doc.status, text, user, doc.proposer, leads)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能答复")
	doc.answer = text.strip()
	doc.adopted = 1 if adopted else 0
	doc.answered_by = user
	doc.answered_on = now_datetime()
	doc.status = sg.ANSWERED
	item = suggestion_item(score_service.county_table())
	if sg.scores(doc.proposer_type, bool(adopted), item is not None):
		now = getdate(today())
		entry = frappe.get_doc(
			{
				"doctype": ENTRY,
				"year": now.year,
				"month": now.month,
				"staff": doc.proposer,
				"item": item.key,
				"event": next(iter(item.per_event)),
				"times": 1,
				"basis": f"意见建议 {doc.name} 被采纳：{(doc.content or '')[:80]}",
			}
		)
		entry.insert(ignore_permissions=True)
		doc.score_entry = entry.name
	records.write(doc, "答复")
	inbox.close(DOCTYPE, doc.name, user)
	if doc.proposer:
		inbox.notify(
			DOCTYPE,
			doc.name,
			doc.proposer,
			f"您的意见建议已答复{'（已采纳，按考评制度加分）' if doc.score_entry else ''}：{doc.answer}",
		)
	else:
		citizen.tell(
			DOCTYPE,
			doc.name,
			doc.phone,
			ct.suggestion_answered_text(citizen.bureau(), doc.name, bool(doc.adopted), public_phone()),
			opted_out=bool(doc.no_messages),
		)
	return doc


# ---------------------------------------------------------------- the citizens' page (www/suggest)

PUBLIC_CHANNEL = "网上留言"


def public_phone() -> str:
	return frappe.db.get_single_value("Hall Settings", "complaint_phone") or ""


def submit_public(data: dict) -> dict:
	"""A citizen's suggestion from the public page: checked by the one public-input rule, filed as any
	suggestion (报领导研究), and only its reference comes back."""
	errors = sg.public_errors(data.get("name"), data.get("phone"), data.get("content"))
	if errors:
		frappe.throw("<br>".join(errors), title="提交未成功")
	anonymous = not str(data.get("name") or "").strip()
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"proposer_type": sg.CITIZEN,
			"proposer_name": sg.ANONYMOUS if anonymous else str(data["name"]).strip(),
			"phone": str(data.get("phone") or "").strip() or None,
			"no_messages": 1 if data.get("no_messages") else 0,
			"channel": PUBLIC_CHANNEL,
			"received_on": today(),
			"content": str(data.get("content")).strip(),
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	return {"reference": doc.name, "phone": public_phone(), "told": bool(doc.phone and not doc.no_messages)}
