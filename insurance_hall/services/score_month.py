"""The month's evaluation as a record: the 考评登记 an evaluator enters (Hall Score Entry), the month's
confirmation up the county's chain (Hall Score Month: evaluators → 局办公室 → leader, 002), its freezing
and its publication by 局办公室 only (002: "考评成绩由局办公室拟发通报统一公示，负责考核的人员不得自行公示成绩
数据"). Actions follow the one pipeline (`services/records.py`); who waits is told through the one inbox."""

from __future__ import annotations

import json
from datetime import date

import frappe
from frappe.utils import getdate, now_datetime, today

from insurance_hall.rules import score as s
from insurance_hall.rules.period import month_span, named_month
from insurance_hall.services import inbox, records, routing
from insurance_hall.services import score as service
from insurance_hall.services.score import ENTRY, MONTH


def table_or_refuse() -> s.Table:
	table = service.county_table()
	if table is None:
		frappe.throw("本县未配置月度考评表（县区配置 score），不进行月度考评", title="未配置考评表")
	return table


def span_or_refuse(year, month) -> tuple[date, date]:
	named = named_month(year, month)
	span = month_span(*named) if named else None
	if span is None:
		frappe.throw("请选择年度和月份", title="考评月份有误")
	if span[0] > getdate(today()):
		frappe.throw(f"{named[0]} 年 {named[1]} 月还没有到，不能提前考评", title="考评月份有误")
	return span


def month_name(year: int, month: int) -> str:
	return f"{int(year)}-{int(month):02d}"


def month_status(year, month) -> str:
	"""The month's place in its chain: 评定中 until it is sent up (no record yet reads 评定中 too)."""
	named = named_month(year, month)
	if not named:
		return s.OPEN
	return frappe.db.get_value(MONTH, month_name(*named), "status") or s.OPEN


# ---------------------------------------------------------------- 考评登记 (controller calls)


def prepare_entry(doc) -> None:
	"""Before an entry is saved: an evaluator of the worker's department, not about themselves, for a month
	begun and still open, with an item of the county's table and a value it allows. Refused whole."""
	table = table_or_refuse()
	user = frappe.session.user
	error = s.evaluator_error(
		user,
		doc.staff,
		service.sees_everyone(user),
		bool(doc.staff) and service.in_scope(user, doc.staff),
		bool(doc.staff) and service.is_worker(doc.staff),
	)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能录入考评")
	span_or_refuse(doc.year, doc.month)
	before = doc.get_doc_before_save()
	closed = month_status(doc.year, doc.month) in s.FROZEN_STATES or (
		before is not None and month_status(before.year, before.month) in s.FROZEN_STATES
	)
	item = s.item_of(table, doc.item)
	error = s.entry_error(item, doc.event, doc.times, doc.points, closed)
	if error:
		frappe.throw(error, title="考评登记有误")
	if item.kind == s.ENTERED:
		doc.event = None
		doc.times = 0
		twin = frappe.db.get_value(
			ENTRY,
			{
				"year": doc.year,
				"month": doc.month,
				"staff": doc.staff,
				"item": doc.item,
				"name": ("!=", doc.name or ""),
			},
		)
		if twin:
			frappe.throw(
				f"{doc.year} 年 {doc.month} 月“{item.label}”已录入（{twin}），请修改原记录",
				title="考评登记重复",
			)
	else:
		doc.points = None
	doc.item_label = item.label
	doc.entered_by = user
	doc.entered_on = now_datetime()


def guard_entry_delete(doc) -> None:
	"""An entry goes with the month: deleted only by an evaluator while the month is open."""
	user = frappe.session.user
	error = s.evaluator_error(user, doc.staff, service.sees_everyone(user), service.in_scope(user, doc.staff))
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能删除")
	if month_status(doc.year, doc.month) in s.FROZEN_STATES:
		frappe.throw(
			s.entry_error(None, None, None, None, closed=True), frappe.PermissionError, title="不能删除"
		)


def entry_query(user: str | None = None, doctype: str | None = None) -> str:
	"""hooks.permission_query_conditions: before publication a worker reads the entries about themselves
	only; a head or deputy those of their departments' workers."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	people = service.visible(sorted(service.window_workers()), user, service.window_workers())
	if service.sees_everyone(user) and service.wanted_departments(user) is None:
		return ""
	allowed = sorted({*people, user})
	return "`tabHall Score Entry`.`staff` in ({})".format(", ".join(frappe.db.escape(p) for p in allowed))


def entry_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""hooks.has_permission: the same for one entry (a worker opens only an entry about themselves)."""
	user = user or frappe.session.user
	if user == "Administrator" or doc.get("staff") == user or not doc.get("name") or ptype == "create":
		return None  # a new entry: who may enter it for whom is checked (and told) when it is saved
	if not service.sees_everyone(user) or not service.in_scope(user, doc.get("staff")):
		return False
	return None


# ---------------------------------------------------------------- the month (controller calls)


def prepare_month(doc) -> None:
	"""A month's record: a month begun, one record per month; its titles those the county awards."""
	table = table_or_refuse()
	if not service.sees_everyone(frappe.session.user):
		frappe.throw("只有考评人员可以办理月度考评", frappe.PermissionError)
	span_or_refuse(doc.year, doc.month)
	if doc.is_new() and frappe.db.exists(MONTH, month_name(doc.year, doc.month)):
		frappe.throw(
			f"{doc.year} 年 {doc.month} 月的月度考评已建立，请打开 {month_name(doc.year, doc.month)}"
		)
	for row in doc.titles or []:
		error = s.title_error(row.title, table)
		if error:
			frappe.throw(f"评选称号第 {row.idx} 行：{error}", title="评选称号有误")
		if not (row.staff or row.window):
			frappe.throw(f"评选称号第 {row.idx} 行：请填写获评的工作人员或窗口", title="评选称号有误")
	if doc.is_new():
		doc.waiting_for = waiting_text(table, 0)


def waiting_text(table: s.Table, level: int) -> str:
	step = table.chain[level] if level < len(table.chain) else None
	return f"{step.label}（{step.role}）" if step else ""


def role_holders(role: str) -> list[str]:
	return frappe.get_all(
		"User",
		filters={
			"enabled": 1,
			"name": ("in", frappe.get_all("Has Role", {"role": role, "parenttype": "User"}, pluck="parent")),
		},
		pluck="name",
	)


def holder(role: str) -> str | None:
	"""Who acts today for a level the settings give to one person (the main leader, or their stand-in,
	through the one router); None for a level any holder of its role acts on."""
	named = routing.named_post(role)
	return routing.acting_for_today(named, getdate(today())) if named else None


def level_error(doc, table: s.Table, opinion: str | None = None) -> str | None:
	"""Whether the user may act on the month's current level (advance, or send back with `opinion`)."""
	level = doc.level or 0
	step = table.chain[level] if 0 <= level < len(table.chain) else None
	acting = holder(step.role) if step else None
	user, roles = frappe.session.user, set(frappe.get_roles())
	name = routing.name_of(acting) if acting else ""
	if opinion is None:
		return s.advance_error(doc.status, level, table.chain, roles, user, acting, name)
	return s.send_back_error(doc.status, level, table.chain, roles, opinion, user, acting, name)


def tell(doc, role: str, message: str) -> None:
	"""The level's people are told: its one named person (or stand-in), else every holder of the role."""
	acting = holder(role)
	for user in [acting] if acting else role_holders(role):
		if user not in ("Administrator", frappe.session.user):
			inbox.assign(MONTH, doc.name, user, message, due=today())


def close_items(doc) -> None:
	for user in frappe.get_all(
		"ToDo", {"reference_type": MONTH, "reference_name": doc.name, "status": "Open"}, pluck="allocated_to"
	):
		inbox.close(MONTH, doc.name, user)


def snapshot(table: s.Table, start: date, end: date) -> dict:
	"""The month as confirmed: every worker's row and the best and worst windows (frozen from now on)."""
	rows = [
		service.sheet_row(table, *each) for each in service.month_sheets(table, start, end, "Administrator")
	]
	best, worst = s.best_and_worst(service.window_votes(start, end))
	return {"rows": rows, "best": best, "worst": worst}


# ---------------------------------------------------------------- actions (api/score.py)


def lock(name: str, seen_modified: str | None):
	return records.lock(MONTH, name, "月度考评", seen_modified)


def advance(name: str, opinion: str = "", seen_modified: str | None = None):
	"""提交 / 审核同意 / 审定: the month goes one level up the chain; after the last it is confirmed and its
	sheets are frozen, and 局办公室 is told it waits for publication."""
	doc = lock(name, seen_modified)
	table = table_or_refuse()
	error = level_error(doc, table)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能提交")
	start, end = span_or_refuse(doc.year, doc.month)
	if not doc.level:
		error = s.month_ended_error(end, getdate(today()))
		if error:
			frappe.throw(error, title="不能提交")
	step = table.chain[doc.level or 0]
	doc.status, doc.level = s.after_advance(doc.level or 0, table.chain)
	records.trail(
		doc,
		{
			"level_label": step.label,
			"action": "提交" if not doc.steps else "同意",
			"acted_by": frappe.session.user,
			"opinion": (opinion or "").strip(),
		},
	)
	if doc.status == s.CLOSED:
		frozen = snapshot(table, start, end)
		doc.sheets = json.dumps(frozen, ensure_ascii=False)
		doc.best_windows = "、".join(frozen["best"])
		doc.worst_windows = "、".join(frozen["worst"])
		doc.waiting_for = f"公示（{table.publisher}）"
	else:
		doc.waiting_for = waiting_text(table, doc.level)
	records.write(doc, step.label)
	close_items(doc)
	if doc.status == s.CLOSED:
		tell(doc, table.publisher, f"{doc.year} 年 {doc.month} 月月度考评已审定，待局办公室公示")
	else:
		nxt = table.chain[doc.level]
		tell(doc, nxt.role, f"{doc.year} 年 {doc.month} 月月度考评待{nxt.label}")
	return doc


def send_back(name: str, opinion: str, seen_modified: str | None = None):
	"""退回: a reviewer returns the month to the evaluators with what is to be corrected."""
	doc = lock(name, seen_modified)
	table = table_or_refuse()
	error = level_error(doc, table, opinion or "")
	if error:
		frappe.throw(error, title="不能退回")
	step = table.chain[doc.level]
	records.trail(
		doc,
		{
			"level_label": step.label,
			"action": "退回",
			"acted_by": frappe.session.user,
			"opinion": opinion.strip(),
		},
	)
	doc.status, doc.level = s.OPEN, 0
	doc.waiting_for = waiting_text(table, 0)
	records.write(doc, "退回")
	close_items(doc)
	tell(doc, table.chain[0].role, f"{doc.year} 年 {doc.month} 月月度考评被退回：{opinion.strip()}")
	return doc


def reopen(name: str, reason: str, seen_modified: str | None = None):
	"""重新打开: 局办公室 corrects a confirmed (or published) month: the reason on the trail, the frozen sheets
	and the publication withdrawn, the month back with the evaluators."""
	doc = lock(name, seen_modified)
	table = table_or_refuse()
	error = s.reopen_error(doc.status, set(frappe.get_roles()), table.publisher, reason)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能重新打开")
	records.trail(
		doc,
		{
			"level_label": "更正",
			"action": "重新打开",
			"acted_by": frappe.session.user,
			"opinion": reason.strip(),
		},
	)
	doc.status, doc.level = s.OPEN, 0
	doc.sheets = None
	doc.best_windows = doc.worst_windows = None
	doc.published_by = doc.published_on = None
	doc.waiting_for = waiting_text(table, 0)
	records.write(doc, "重新打开")
	records.timeline(
		MONTH, doc.name, f"重新打开：{reason.strip()}。已确认的考评结果和公示已撤回，须重新审定。"
	)
	tell(doc, table.chain[0].role, f"{doc.year} 年 {doc.month} 月月度考评已重新打开：{reason.strip()}")
	return doc


def publish(name: str, seen_modified: str | None = None):
	"""公示: 局办公室 publishes a confirmed month: its titles and best windows reach the public page."""
	doc = lock(name, seen_modified)
	table = table_or_refuse()
	error = s.publish_error(doc.status, set(frappe.get_roles()), table.publisher)
	if error:
		frappe.throw(error, frappe.PermissionError, title="不能公示")
	records.trail(
		doc, {"level_label": "公示", "action": "公示", "acted_by": frappe.session.user, "opinion": ""}
	)
	doc.status = s.PUBLISHED
	doc.published_by = frappe.session.user
	doc.published_on = now_datetime()
	doc.waiting_for = ""
	records.write(doc, "公示")
	close_items(doc)
	return doc


def published(year: int, month: int) -> dict | None:
	"""The month's published result for the public page (002 "统一公示"): its titles (the worker's name and
	window) and its best windows; None until 局办公室 publishes it. Never a figure of an unpublished month,
	never a citizen."""
	from frappe.utils import get_fullname

	from insurance_hall.rules.catalogue import window_text

	found = frappe.db.get_value(
		MONTH,
		{"year": year, "month": month, "status": s.PUBLISHED},
		["name", "best_windows"],
		as_dict=True,
	)
	if not found:
		return None
	windows = {
		w.name: window_text(w.window_no, w.window_name)
		for w in frappe.get_all("Service Window", fields=["name", "window_no", "window_name"])
	}
	titles = frappe.get_all(
		"Hall Score Title",
		filters={"parent": found.name, "parenttype": MONTH},
		fields=["title", "staff", "window"],
		order_by="idx",
	)
	return {
		"best": [windows.get(w, w) for w in (found.best_windows or "").split("、") if w],
		"titles": [
			{
				"title": t.title,
				"who": get_fullname(t.staff) if t.staff else "",
				"window": windows.get(t.window, t.window or "") if t.window else "",
			}
			for t in titles
		],
	}


def print_sheet(name: str) -> dict:
	"""The month's result for its print (Jinja `print_sheet`): the table's item columns, every worker's row
	as confirmed (as computed now while the month is still open), the titles and the best windows."""
	doc = frappe.get_doc(MONTH, name)
	doc.check_permission("print")
	table = table_or_refuse()
	start, end = span_or_refuse(doc.year, doc.month)
	frozen = json.loads(doc.sheets) if doc.sheets else snapshot(table, start, end)
	columns = [(item.key, f"{item.label}（{item.cap:g}）") for item in table.items if item.kind != s.BONUS]
	return {
		"columns": columns,
		"bonus_label": f"加分（{table.bonus_cap:g}）",
		"rows": sorted(frozen["rows"], key=lambda row: (-row["total"], row["window"] or "", row["staff"])),
		"best": frozen["best"],
		"worst": frozen["worst"],
		"confirmed": bool(doc.sheets),
	}
