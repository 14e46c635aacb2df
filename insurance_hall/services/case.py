"""The case's actions (办件): accept, 容缺受理, supplements, referral (首问负责), higher authority,
applicant delay, extension and its approval, finish; the daily job (reminders, late cases, 退办).

Every action goes through here: it locks the case, checks who may act, applies the rule from
`rules.case`, records a line of the trail and tells the next person through `services.inbox`.
Bad input is refused with a Chinese message before anything is written.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe.query_builder.functions import Max
from frappe.utils import get_url_to_form, getdate, now_datetime, today

from insurance_hall.rules import case as r
from insurance_hall.rules import citizen as texts
from insurance_hall.rules.chain import APPROVER_LABELS
from insurance_hall.rules.clock import ClockStep, clock_step
from insurance_hall.services import citizen, clock, inbox, records
from insurance_hall.services.calendar import (
	add_working_days,
	is_provisional,
	working_days_before,
	working_days_between,
)
from insurance_hall.services.routing import RoutingError, last_recusal, name_of, resolve

DOCTYPE = "Hall Case"
ADMINS = {"Administrator", "System Manager"}


# ---------------------------------------------------------------- form helpers (controller)


def department_of(window: str | None, matter: str | None) -> str | None:
	return (window and frappe.db.get_value("Service Window", window, "department")) or (
		matter and frappe.db.get_value("Service Matter", matter, "department")
	)


def fill_materials(doc) -> None:
	"""Rows follow the matter's list (order, and whether 容缺 allows each); what was ticked stays."""
	if not doc.service_matter:
		return
	listed = frappe.get_all(
		"Service Matter Material",
		filters={"parent": doc.service_matter, "parenttype": "Service Matter"},
		fields=["material", "may_be_missing"],
		order_by="idx asc",
	)
	have = {row.material: row for row in doc.materials}
	if [row.material for row in doc.materials] != [m.material for m in listed]:
		doc.materials = []
		for item in listed:
			old = have.get(item.material)
			doc.append(
				"materials",
				{
					"material": item.material,
					"received": old.received if old else 0,
					"handed_over": old.handed_over if old else 0,
					"supply_method": old.supply_method if old else None,
					"promised_date": old.promised_date if old else None,
					"supplied_on": old.supplied_on if old else None,
				},
			)
	allowed = {m.material: m.may_be_missing for m in listed}
	for row in doc.materials:
		row.may_be_missing = allowed.get(row.material, 0)


def help_or_proxy_error(doc) -> str | None:
	if not doc.service_mode:
		return None
	settings = hall_settings()
	return r.proxy_error(
		doc.service_mode,
		doc.matter_type or frappe.db.get_value("Service Matter", doc.service_matter, "matter_type"),
		bool(doc.special_group),
		bool(settings.proxy_promised_matters),
		bool(settings.proxy_special_groups_only),
	)


def edit_error(before, user: str) -> str | None:
	"""Only the person holding the case edits it, and only while it is open."""
	if user == "Administrator" or "System Manager" in frappe.get_roles(user):
		return None
	if before.status in (r.DONE, r.RETURNED):
		return f"该办件已{before.status}，不能修改"
	if user != before.handler:
		return f"该办件现由 {name_of(before.handler)} 办理，只有经办人可以修改"
	return None


SETTING_FIELDS = (
	"rongque_enabled",
	"rongque_remind_days",
	"extension_notice_days",
	"extension_approver",
	"proxy_promised_matters",
	"proxy_special_groups_only",
	"case_remind_days",
)


def hall_settings() -> frappe._dict:
	"""The county's case settings (typed, as the profile set them)."""
	return frappe._dict({key: frappe.db.get_single_value("Hall Settings", key) for key in SETTING_FIELDS})


# ---------------------------------------------------------------- actions


def lock(name: str, seen_modified: str | None = None):
	return records.lock(DOCTYPE, name, "办件", seen_modified)


def check_holder(doc, user: str, states: tuple[str, ...], action: str) -> None:
	if doc.status not in states:
		frappe.throw(f"该办件当前状态为“{doc.status}”，不能{action}")
	if user != doc.handler and user != "Administrator":
		frappe.throw(
			f"该办件现由 {name_of(doc.handler)} 办理，只有经办人可以{action}", frappe.PermissionError
		)


def register(values: dict, accept_now: bool = False):
	"""Register a case as the session user (首问负责人) and, when asked, accept it in the same write:
	the clerk's one step for a matter served at once. What only actions set is not taken from input."""
	if values.get("due_date"):
		frappe.throw("办结期限由系统按工作日自动计算，不能手工填写", frappe.PermissionError)
	clean = {k: v for k, v in values.items() if k not in (*r.MANAGED, "doctype", "name", "steps")}
	doc = frappe.get_doc({"doctype": DOCTYPE, **clean})
	user = frappe.session.user
	doc.first_responder = doc.handler = user
	doc.status = r.INQUIRY
	doc.department = doc.department or department_of(doc.window, doc.service_matter)
	if accept_now:
		matter = frappe.db.get_value(
			"Service Matter", doc.service_matter, ["matter_type", "promised_days"], as_dict=True
		)
		if not matter:
			frappe.throw(f"找不到服务事项“{doc.service_matter}”")
		doc.matter_type, doc.promised_days = matter.matter_type, matter.promised_days
		fill_materials(doc)
		apply_acceptance(doc)
	records.write(doc, "register", insert=True)
	return doc


def accept(name: str, seen_modified: str | None = None):
	"""受理: every material received; 即办 due today, 承诺 due in the matter's working days."""
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, (r.INQUIRY,), "受理")
	apply_acceptance(doc)
	records.write(doc, "accept")
	return doc


def apply_acceptance(doc) -> None:
	missing = r.missing_materials([(row.material, bool(row.received)) for row in doc.materials])
	if missing:
		frappe.throw(
			f"材料不齐全，缺少：{'、'.join(missing)}。请一次性告知申请人补齐（打印一次性告知书），"
			"或对允许容缺的材料办理容缺受理"
		)
	start(doc, getdate(today()))
	doc.status = r.ACCEPTED
	add_step(doc, "受理", f"受理，办结期限 {doc.due_date}")


def accept_rongque(name: str, promises: list[dict], seen_modified: str | None = None):
	"""容缺受理 (002 §三.6): the missing materials are all on the matter's 容缺 list, each promised for
	a day on or after today; the 容缺受理告知承诺书 prints for signature."""
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, (r.INQUIRY,), "容缺受理")
	missing = r.missing_materials([(row.material, bool(row.received)) for row in doc.materials])
	allowed = [row.material for row in doc.materials if row.may_be_missing]
	error = r.rongque_error(missing, allowed, bool(hall_settings().rongque_enabled))
	if error:
		frappe.throw(error, title="不能容缺受理")
	on = getdate(today())
	by_material = {p.get("material"): p for p in promises or []}
	for material in missing:
		promise = by_material.get(material) or {}
		promised = getdate(promise["promised_date"]) if promise.get("promised_date") else None
		error = r.promise_date_error(on, material, promised)
		if error:
			frappe.throw(error, title="不能容缺受理")
	for row in doc.materials:
		if row.material in missing:
			row.promised_date = getdate(by_material[row.material]["promised_date"])
			row.supply_method = by_material[row.material].get("supply_method") or "现场提交"
	doc.rongque_promise_date = max(getdate(by_material[m]["promised_date"]) for m in missing)
	start(doc, on)
	doc.status = r.RONGQUE
	add_step(
		doc,
		"容缺受理",
		f"容缺受理：{'、'.join(missing)} 承诺于 {doc.rongque_promise_date} 前补正；办结期限 {doc.due_date}",
	)
	records.write(doc, "rongque")
	return doc


def supply(name: str, materials: list[str], seen_modified: str | None = None):
	"""Materials arrive later: ticked with the day; a 承诺 case counts again from the day after
	(002 §四.8); a 容缺 case with everything in goes on as accepted."""
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, r.RUNNING, "登记补正材料")
	on = getdate(today())
	names = set(materials or [])
	unknown = names - {row.material for row in doc.materials}
	if unknown or not names:
		frappe.throw(f"请选择本办件缺少的材料（未知：{'、'.join(sorted(unknown)) or '无'}）")
	for row in doc.materials:
		if row.material in names and not row.received:
			row.received = 1
			row.supplied_on = on
	supplied = [getdate(row.supplied_on) for row in doc.materials if row.supplied_on]
	doc.clock_start_on = r.clock_start(getdate(doc.accepted_on), supplied)
	set_due(doc)
	doc.reminder_sent = 0
	doc.is_overdue = 0
	if doc.status == r.RONGQUE and not r.missing_materials([(m.material, m.received) for m in doc.materials]):
		doc.status = r.ACCEPTED
	add_step(doc, "补正材料", f"收到补正材料：{'、'.join(sorted(names))}；办结期限重新计算为 {doc.due_date}")
	records.write(doc, "supply")
	return doc


def finish(name: str, seen_modified: str | None = None, note: str | None = None):
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, (r.ACCEPTED,), "办结")
	if doc.waiting_higher:
		frappe.throw("该办件正在报上级审批，请先登记上级办理结果")
	on = getdate(today())
	doc.closed_on = on
	doc.on_time = int(
		r.on_time(on, getdate(doc.due_date) if doc.due_date else None, bool(doc.applicant_delay))
	)
	doc.status = r.DONE
	add_step(doc, "办结", note or ("按时办结" if doc.on_time else f"超过办结期限（{doc.due_date}）办结"))
	records.write(doc, "finish")
	for user in {doc.handler, doc.first_responder}:
		inbox.close(DOCTYPE, doc.name, user)
	# 001: "服务事项办结后，通知申请人现场领取或邮寄送达办理结果"
	citizen.tell(
		DOCTYPE,
		doc.name,
		doc.contact_phone,
		texts.case_done_text(citizen.bureau(), doc.name, doc.service_matter, window_words(doc.window)),
		bool(doc.get("no_messages")),
	)
	return doc


def window_words(window: str | None) -> str | None:
	"""The window as a message names it ("1号窗口 参保登记窗口")."""
	from insurance_hall.rules.catalogue import window_text

	if not window:
		return None
	return window_text(window, frappe.db.get_value("Service Window", window, "window_name"))


def send_up(name: str, note: str, seen_modified: str | None = None):
	"""报上级: the days the higher authority takes are not counted (002 §四.9)."""
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, r.RUNNING, "报上级审批")
	if doc.waiting_higher:
		frappe.throw("该办件已在报上级审批中")
	doc.waiting_higher = 1
	doc.waiting_since = getdate(today())
	add_step(doc, "报上级审批", (note or "").strip() or "报上级机关审批")
	records.write(doc, "send_up")
	return doc


def back_from_above(name: str, note: str | None = None, seen_modified: str | None = None):
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, r.RUNNING, "登记上级办理结果")
	if not doc.waiting_higher:
		frappe.throw("该办件没有报上级审批")
	paused = max(working_days_between(doc.waiting_since, today()), 0)
	doc.paused_days = (doc.paused_days or 0) + paused
	doc.waiting_higher = 0
	doc.waiting_since = None
	set_due(doc)
	doc.reminder_sent = 0
	doc.is_overdue = 0
	add_step(
		doc,
		"上级办理完毕",
		f"{(note or '').strip()}上级办理 {paused} 个工作日不计入时限，办结期限顺延至 {doc.due_date}",
	)
	records.write(doc, "back")
	return doc


def mark_applicant_delay(name: str, reason: str, seen_modified: str | None = None):
	"""002 §四.10: a delay caused by the applicant counts as on time; the reason is in the trail."""
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, r.RUNNING, "登记申请人原因")
	if not (reason or "").strip():
		frappe.throw("请写明申请人原因（如申请人要求暂缓办理）")
	doc.applicant_delay = 1
	add_step(doc, "申请人原因延误", reason.strip())
	records.write(doc, "applicant_delay")
	return doc


def refer(name: str, kind: str, department: str, to_user: str | None = None, note: str | None = None):
	"""首问负责 (000 一.(六)): a question outside the clerk's duties is led (领办) or guided (导办) to
	the department whose duty list covers it; both names are recorded, the receiver holds the case
	and is told, and the first responder keeps seeing it (they created it)."""
	doc = lock(name)
	user = frappe.session.user
	check_holder(doc, user, (r.INQUIRY, *r.RUNNING), "转办")
	if kind not in (r.LEAD, r.GUIDE):
		frappe.throw("转办方式应为“领办”或“导办”")
	if not department or not frappe.db.exists("Hall Department", department):
		frappe.throw("请选择承办科室")
	dept = frappe.db.get_value("Hall Department", department, ["head", "room", "phone"], as_dict=True)
	duties = frappe.get_all(
		"Department Duty",
		filters={"parent": department, "parenttype": "Hall Department"},
		fields=["duty", "first_responder"],
		order_by="idx asc",
	)
	receiver = to_user or r.referral_receiver([(d.duty, d.first_responder) for d in duties], dept.head)
	if not receiver or not frappe.db.exists("User", receiver):
		frappe.throw(f"科室“{department}”的职责清单未指定首问负责人，也未指定科室负责人，无法转办")
	if receiver == doc.handler:
		frappe.throw("接办人就是本人，无需转办")
	previous = doc.handler
	doc.referral_kind = kind
	doc.referred_by = user
	doc.referred_to = receiver
	doc.referred_department = department
	doc.referred_on = now_datetime()
	doc.department = department
	doc.handler = receiver
	window = frappe.db.get_value("Service Window", {"department": department, "a_staff": receiver}, "name")
	doc.window = window or doc.window
	where = f"{department}（{dept.room or '—'} 室，电话 {dept.phone or '—'}）"
	add_step(
		doc,
		kind,
		f"{kind}至{where}，由 {name_of(receiver)} 接办；首问负责人 {name_of(user)}。{(note or '').strip()}",
	)
	records.write(doc, "refer")
	frappe.share.add_docshare(
		DOCTYPE, doc.name, receiver, read=1, write=1, flags={"ignore_share_permission": True}
	)
	inbox.close(DOCTYPE, doc.name, previous)
	inbox.assign(
		DOCTYPE,
		doc.name,
		receiver,
		f"{name_of(user)} {kind}一件办件给您：{doc.name}，申请人 {doc.applicant_name}（{doc.contact_phone}），"
		f"事项：{doc.service_matter}。请到{where}接办。链接：{get_url_to_form(DOCTYPE, doc.name)}",
		due=doc.due_date,
	)
	return doc


def request_extension(name: str, reason: str, new_date: str, seen_modified: str | None = None):
	"""002 §四.7 / 004: an extension is asked at least N working days before the due date and goes to
	the person the profile names (through stand-ins); only they decide."""
	doc = lock(name, seen_modified)
	check_holder(doc, frappe.session.user, r.RUNNING, "申请延期")
	if doc.extension_status == r.EXT_PENDING:
		frappe.throw("该办件的延期申请正在审批中")
	if not (reason or "").strip():
		frappe.throw("请写明延期理由")
	settings = hall_settings()
	on = getdate(today())
	new_due = getdate(new_date) if new_date else None
	due_date = getdate(doc.due_date) if doc.due_date and doc.matter_type == r.PROMISED else None
	error = r.extension_error(
		on, due_date, new_due, settings.extension_notice_days or 0, working_days_between
	)
	if error:
		frappe.throw(error, title="不能申请延期")
	try:
		# 回避: the clerk asking never approves their own case's extension, standing in or not
		actor, behalf = resolve(
			settings.extension_approver or "Main Leader",
			doc.department,
			on,
			about=(doc.handler, frappe.session.user),
		)
	except RoutingError as exc:
		frappe.throw(str(exc))
	doc.extension_status = r.EXT_PENDING
	doc.extension_reason = reason.strip()
	doc.extension_new_date = new_due
	doc.extension_approver = actor
	doc.extension_acting_for = behalf
	doc.extension_opinion = None
	doc.extension_decided_on = None
	recusal = last_recusal()
	add_step(
		doc,
		"申请延期",
		f"申请延期至 {new_due}：{doc.extension_reason}；送 {name_of(actor)} 审批"
		+ (f"（{recusal}）" if recusal else ""),
	)
	records.write(doc, "extension")
	inbox.assign(DOCTYPE, doc.name, actor, extension_message(doc), due=doc.due_date)
	return doc


def decide_extension(name: str, approve: bool, opinion: str | None = None, seen_modified: str | None = None):
	doc = lock(name, seen_modified)
	user = frappe.session.user
	if doc.extension_status != r.EXT_PENDING:
		frappe.throw("该办件没有待审批的延期申请")
	if user != doc.extension_approver:
		label = APPROVER_LABELS.get(hall_settings().extension_approver or "", "指定审批人")
		frappe.throw(
			f"您不是本办件延期的审批人：延期须经{label} {name_of(doc.extension_approver)} 批准",
			frappe.PermissionError,
		)
	if user == doc.handler and user != "Administrator":
		frappe.throw("回避：办件的经办人不能审批本人办件的延期", frappe.PermissionError)
	if approve:
		error = r.extension_error(
			getdate(today()),
			getdate(doc.due_date),
			getdate(doc.extension_new_date),
			hall_settings().extension_notice_days or 0,
			working_days_between,
		)
		if error:
			frappe.throw(error, title="不能批准延期")
		doc.original_due_date = doc.due_date
		doc.due_date = doc.extension_new_date
		doc.due_provisional = 0  # a date the approver chose, not counted
		doc.reminder_sent = 0
		doc.is_overdue = 0
	doc.extension_status = r.EXT_APPROVED if approve else r.EXT_REFUSED
	doc.extension_opinion = (opinion or "").strip() or ("同意延期" if approve else "不同意延期")
	doc.extension_decided_on = now_datetime()
	add_step(
		doc, "批准延期" if approve else "不批准延期", doc.extension_opinion, behalf=doc.extension_acting_for
	)
	records.write(doc, "extension_decision")
	inbox.close(DOCTYPE, doc.name, user)
	inbox.notify(
		DOCTYPE,
		doc.name,
		doc.handler,
		f"办件 {doc.name} 的延期申请{doc.extension_status}。"
		+ (
			f"新的办结期限 {doc.due_date}，请打印延期告知书一式两份，一份交申请人，一份存档。"
			if approve
			else ""
		),
	)
	return doc


def extension_message(doc) -> str:
	behalf = f"（代 {name_of(doc.extension_acting_for)} 审批）" if doc.extension_acting_for else ""
	return (
		f"办件延期待您审批{behalf}：{doc.name}，申请人 {doc.applicant_name}，事项：{doc.service_matter}，"
		f"原期限 {doc.due_date}，申请延至 {doc.extension_new_date}，理由：{doc.extension_reason}。"
		f"链接：{get_url_to_form(DOCTYPE, doc.name)}"
	)


# ---------------------------------------------------------------- the clock


def start(doc, on: date) -> None:
	doc.accepted_on = on
	doc.clock_start_on = on
	set_due(doc)


def due(doc) -> date:
	days = doc.promised_days if doc.matter_type == r.PROMISED else 0
	return r.case_due(getdate(doc.clock_start_on), days or 0, doc.paused_days or 0, add_working_days)


def set_due(doc) -> None:
	"""The due date counted on the calendar, and whether a provisional year may still move it."""
	doc.due_date = due(doc)
	doc.due_provisional = int(is_provisional(doc.clock_start_on, doc.due_date))


def recount(doc) -> date | None:
	"""The due date a running case would have on today's calendar (None: not counted in working days)."""
	if not doc.clock_start_on or doc.extension_status == r.EXT_APPROVED:
		return None
	return due(doc)


def run_daily(on: date | str | None = None) -> dict[str, int]:
	"""Remind the holder before the due date and mark late cases; remind before a 容缺 promise and
	return (退办) a case whose promise passed unfulfilled."""
	on = getdate(on or today())
	settings = hall_settings()
	lead = settings.case_remind_days or 0
	counts = clock.run_many(
		DOCTYPE,
		{"status": ("in", r.RUNNING), "waiting_higher": 0},
		["reminder_sent", "handler", "applicant_name", "service_matter"],
		lambda row, day: due_step(row, day, lead),
		remind_handlers,
		on=on,
		horizon=add_working_days(on, lead),
	)
	if settings.rongque_enabled:
		promise_lead = settings.rongque_remind_days or 0
		returned = clock.run(
			DOCTYPE,
			{"status": r.RONGQUE},
			lambda doc, day: promise_step(doc, day, promise_lead),
			promise_act,
			on=on,
			horizon=add_working_days(on, promise_lead),
			date_field="rongque_promise_date",
		)
		counts["rongque_reminded"] = returned["reminded"]
		counts["returned"] = returned["escalated"]
	return counts


def due_step(doc, on: date, lead: int) -> ClockStep:
	due_date = getdate(doc.due_date)
	return clock_step(
		on,
		due_date,
		running=True,
		done=False,
		reminded=bool(doc.reminder_sent),
		escalated=True,
		can_escalate=False,
		remind_on=r.remind_on(due_date, lead, working_days_before),
	)


def remind_handlers(due: list[tuple[dict, ClockStep]]) -> None:
	"""The cases to remind: flagged in one update, one trail line each in one insert, and each
	handler told once with the list of their cases (one notification, not one per case)."""
	rows = [row for row, step in due if step.remind]
	if not rows:
		return
	names = [row.name for row in rows]
	table = frappe.qb.DocType(DOCTYPE)
	frappe.qb.update(table).set(table.reminder_sent, 1).where(table.name.isin(names)).run()
	add_steps_in_bulk(
		[(row.name, "到期提醒", f"办结期限 {row.due_date}，请按时办结") for row in rows], user="Administrator"
	)
	by_handler: dict[str, list] = {}
	for row in rows:
		by_handler.setdefault(row.handler, []).append(row)
	for handler, cases in by_handler.items():
		listed = "；".join(
			f"{c.name}（{c.applicant_name}，{c.service_matter}，{c.due_date} 到期）" for c in cases[:20]
		)
		more = f" 等共 {len(cases)} 件" if len(cases) > 20 else ""
		inbox.notify(
			DOCTYPE, cases[0].name, handler, f"您有 {len(cases)} 件办件即将到期，请按时办结。{listed}{more}"
		)


def add_steps_in_bulk(lines: list[tuple[str, str, str]], user: str) -> None:
	"""Trail lines (case, action, note) appended to many cases in one insert."""
	step = frappe.qb.DocType("Hall Case Step")
	last = dict(
		frappe.qb.from_(step)
		.select(step.parent, Max(step.idx))
		.where((step.parenttype == DOCTYPE) & step.parent.isin([name for name, _a, _n in lines]))
		.groupby(step.parent)
		.run()
	)
	now = now_datetime()
	rows = []
	for name, action, note in lines:
		last[name] = (last.get(name) or 0) + 1
		rows.append(
			(
				frappe.generate_hash(length=10),
				name,
				DOCTYPE,
				"steps",
				last[name],
				action,
				user,
				note,
				now,
				now,
				now,
				user,
				user,
			)
		)
	frappe.db.bulk_insert(
		"Hall Case Step",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"action",
			"by_user",
			"note",
			"acted_at",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		rows,
	)


def promise_step(doc, on: date, lead: int) -> ClockStep:
	"""The 容缺 promise as a clock: a reminder `lead` working days ahead, and once it has passed the
	case is returned (the clock's one escalation); it is never marked overdue for it."""
	promise = getdate(doc.rongque_promise_date)
	step = clock_step(
		on,
		promise,
		running=True,
		done=False,
		reminded=bool(doc.rongque_reminded),
		escalated=False,
		can_escalate=True,
		remind_on=r.remind_on(promise, lead, working_days_before),
	)
	return ClockStep(step.remind and not step.escalate, step.escalate, False)


def promise_act(doc, step: ClockStep) -> None:
	missing = r.missing_materials([(m.material, m.received) for m in doc.materials])
	if step.escalate:
		doc.status = r.RETURNED
		doc.closed_on = getdate(today())
		doc.return_reason = f"申请人承诺于 {doc.rongque_promise_date} 前补正“{'、'.join(missing)}”，逾期未补正，依程序作退办件处理"
		add_step(doc, "退办", doc.return_reason, user="Administrator")
		add_step(
			doc,
			"告知申请人",
			f"退办通知交经办人告知申请人（联系电话 {doc.contact_phone}），并附一次性告知书",
			user="Administrator",
		)
		records.write(doc, "return")
		inbox.assign(
			DOCTYPE,
			doc.name,
			doc.handler,
			f"办件 {doc.name} 已退办：{doc.return_reason}。请电话告知申请人 {doc.applicant_name}"
			f"（{doc.contact_phone}），并打印一次性告知书交申请人。",
			urgent=True,
		)
		return
	doc.rongque_reminded = 1
	add_step(
		doc,
		"补正提醒",
		f"容缺材料承诺于 {doc.rongque_promise_date} 前补正，请提醒申请人",
		user="Administrator",
	)
	records.write(doc, "rongque_remind")
	citizen.tell(
		DOCTYPE,
		doc.name,
		doc.contact_phone,
		texts.rongque_due_text(citizen.bureau(), doc.name, str(doc.rongque_promise_date), missing),
		bool(doc.get("no_messages")),
	)
	inbox.assign(
		DOCTYPE,
		doc.name,
		doc.handler,
		f"办件 {doc.name} 的容缺材料（{'、'.join(missing)}）承诺于 {doc.rongque_promise_date} 前补正，"
		f"请提醒申请人 {doc.applicant_name}（{doc.contact_phone}）。",
		due=doc.rongque_promise_date,
	)


# ---------------------------------------------------------------- trail and saving


def add_step(doc, action: str, note: str, user: str | None = None, behalf: str | None = None) -> None:
	doc.append(
		"steps",
		{
			"action": action,
			"by_user": user or frappe.session.user,
			"on_behalf_of": behalf,
			"note": note,
			"acted_at": now_datetime(),
		},
	)


# ---------------------------------------------------------------- refusal sheet started from a case


def refusal_values(case_name: str) -> dict:
	"""What a refusal sheet started from the case carries over: applicant, matter, department."""
	if not frappe.has_permission(DOCTYPE, "read", doc=case_name):
		frappe.throw(f"您无权查看办件 {case_name}", frappe.PermissionError)
	case = frappe.db.get_value(
		DOCTYPE,
		case_name,
		[
			"applicant_name",
			"applicant_unit",
			"contact_phone",
			"service_matter",
			"question",
			"department",
			"channel",
		],
		as_dict=True,
	)
	return {
		"applicant_name": case.applicant_name,
		"applicant_unit": case.applicant_unit,
		"applicant_phone": case.contact_phone,
		"service_matter": case.service_matter,
		"matter": case.question or case.service_matter,
		"department": case.department,
		"request_channel": case.channel,
	}


# ---------------------------------------------------------------- stand-ins (services.standins)


def move_to(name: str, from_user: str, to_user: str, behalf: str | None, why: str) -> None:
	doc = frappe.get_doc(DOCTYPE, name)
	doc.extension_approver = to_user
	doc.extension_acting_for = behalf
	add_step(doc, "代岗交接" if behalf else "返岗交回", why, user=to_user, behalf=behalf)
	records.write(doc, "standin")
	if not inbox.hand_over(DOCTYPE, name, from_user, to_user, extension_message(doc)):
		inbox.assign(DOCTYPE, name, to_user, extension_message(doc), due=doc.due_date)
