"""The hall's queue (排队叫号): take a number (kiosk or phone), check a booking in, call the next at a
window (race-safe: the day's line is read with a locking read, so two windows calling at once never get
the same ticket), pick, recall, no-show, hold, transfer, finish; every change is told to the hall's screen
through Frappe's realtime, and a call opens the citizen's case with the caller as 首问负责人.

002 沂南: "配备具有显示办理顺序功能的叫号系统".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import frappe
from frappe.model.naming import getseries
from frappe.utils import get_datetime, get_time, getdate, now_datetime

from insurance_hall.rules import booking as b
from insurance_hall.rules import queue as q
from insurance_hall.rules.public_input import name_error
from insurance_hall.services import records
from insurance_hall.services.routing import name_of

DOCTYPE = "Hall Queue Ticket"
WHAT = "排队号"
# what the hall's screen and the window's page listen to (every visitor's socket joins Frappe's
# "website" room: the screen needs no login); the message carries a number and a window, nothing else
EVENT = "hall_queue"
ROOM = "website"
LINE_FIELDS = [
	"name",
	"ticket_no",
	"status",
	"service_matter",
	"window",
	"priority_group",
	"issued_at",
	"transferred_at",
	"slot_start",
	"slot_end",
	"seq",
]


def now() -> datetime:
	"""The queue's clock (one place, so that a test can fix it)."""
	return now_datetime()


def refuse(message: str, exc=frappe.ValidationError, title: str = "操作未成功") -> None:
	frappe.throw(message, exc, title=title)


# ---------------------------------------------------------------- configuration


def priority_groups() -> list[str]:
	"""The county's 绿色通道 groups (profile: settings.queue_priority_groups)."""
	return q.priority_groups(frappe.db.get_single_value("Hall Settings", "queue_priority_groups"))


def window_row(window: str | None) -> frappe._dict | None:
	if not window:
		return None
	return frappe.db.get_value(
		"Service Window",
		window,
		["name", "window_no", "department", "in_service", "queue_prefix", "a_staff", "b_staff"],
		as_dict=True,
	)


def matter_row(matter: str | None) -> frappe._dict | None:
	if not matter:
		return None
	return frappe.db.get_value(
		"Service Matter", matter, ["name", "window", "department", "queue_prefix"], as_dict=True
	)


def served_matters(window: str) -> list[str]:
	"""The matters a window serves: those the catalogue puts at it, and its department's unplaced ones."""
	row = window_row(window)
	if not row:
		return []
	matters = frappe.get_all(
		"Service Matter", filters={"window": ("is", "set")}, fields=["name", "window", "department"]
	)
	matters += frappe.get_all(
		"Service Matter", filters={"window": ("is", "not set")}, fields=["name", "window", "department"]
	)
	return [m.name for m in matters if q.serves(row.name, row.department, m.window, m.department)]


def windows_for(matter: frappe._dict) -> list[frappe._dict]:
	"""The open windows that serve a matter, in window order."""
	windows = frappe.get_all(
		"Service Window",
		filters={"in_service": 1},
		fields=["name", "window_no", "department", "queue_prefix"],
		order_by="window_no asc",
	)
	return [w for w in windows if q.serves(w.name, w.department, matter.window, matter.department)]


def prefix_for(matter: frappe._dict, windows: list[frappe._dict]) -> str:
	window = next((w for w in windows if w.name == matter.window), windows[0] if windows else None)
	return q.queue_prefix(
		matter.queue_prefix, window.queue_prefix if window else None, window.window_no if window else None
	)


def on_duty(window: str, day: date) -> str | None:
	"""Who holds the window today (A, else B, through stand-ins): the same rule as for bookings."""
	from insurance_hall.services.booking import duty_person

	return duty_person(window, day)


# ---------------------------------------------------------------- the ticket record (controller calls)


def record_name(doc) -> str:
	return q.ticket_name(getdate(doc.queue_date), doc.ticket_no)


def measure(doc) -> None:
	"""The wait (taken to first called) and the service time (first called or begun to finished)."""
	doc.wait_minutes = q.minutes_between(get_or_none(doc.issued_at), get_or_none(doc.called_at)) or 0
	begun = get_or_none(doc.served_at) or get_or_none(doc.called_at)
	doc.service_minutes = q.minutes_between(begun, get_or_none(doc.finished_at)) or 0


def get_or_none(value) -> datetime | None:
	return get_datetime(value) if value else None


# ---------------------------------------------------------------- taking a number


def retrying(fn: Callable, attempts: int = 3):
	"""The day's first number of a queue creates its counter: two kiosks doing so at the same instant
	deadlock in the database, which undoes the loser's whole transaction; it is simply drawn again."""
	for attempt in range(attempts):
		try:
			return fn()
		except (frappe.QueryDeadlockError, frappe.DuplicateEntryError):
			if attempt == attempts - 1:
				raise
			frappe.db.rollback()


def issue(
	matter: str | None,
	priority_group: str | None = None,
	applicant_name: str | None = None,
	phone: str | None = None,
	**extra,
):
	"""A new ticket of the matter's queue: the next number of the day, waiting."""
	return retrying(lambda: _issue(matter, priority_group, applicant_name, phone, **extra))


def _issue(matter, priority_group, applicant_name, phone, **extra):
	row = matter_row(matter)
	if not row:
		refuse(f"找不到事项“{matter or ''}”，请重新选择", title="取号未成功")
	windows = windows_for(row)
	if not windows:
		refuse(f"“{row.name}”暂无窗口办理，请到服务导询台咨询", title="取号未成功")
	error = q.priority_error(priority_group, priority_groups())
	if error:
		refuse(error, title="取号未成功")
	if applicant_name or phone:
		error = name_error(applicant_name, "姓名") or b.phone_error(phone)
		if error:
			refuse(error, title="取号未成功")
	at = now()
	prefix = prefix_for(row, windows)
	seq = int(getseries(q.series_key(prefix, at.date()), q.DIGITS))
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"ticket_no": q.ticket_number(prefix, seq),
			"queue_prefix": prefix,
			"seq": seq,
			"queue_date": at.date(),
			"service_matter": row.name,
			"priority_group": priority_group or None,
			"status": q.WAITING,
			"issued_at": at,
			"applicant_name": (applicant_name or "").strip() or None,
			"phone": (phone or "").strip() or None,
			**extra,
		}
	)
	records.write(doc, "取号", insert=True)
	tell(doc, "issue")
	return doc


def check_in(booking: str):
	"""A booking of today becomes a ticket reserved for its window, first in line within its slot; checking
	in again gives the same ticket."""
	row = frappe.db.get_value(
		"Hall Booking",
		booking,
		[
			"name",
			"status",
			"booking_date",
			"slot_time",
			"slot_end",
			"window",
			"service_matter",
			"applicant_name",
			"contact_phone",
		],
		as_dict=True,
	)
	if not row:
		refuse("找不到该预约，请核对预约编号", title="签到未成功")
	at = now()
	if row.status != b.BOOKED:
		refuse(f"该预约当前为“{row.status}”，不能签到取号", title="签到未成功")
	day = getdate(row.booking_date)
	if day != at.date():
		refuse(f"该预约为 {day} 的预约，请在预约当日到大厅签到取号", title="签到未成功")
	taken = frappe.db.get_value(DOCTYPE, {"booking": row.name, "queue_date": day}, "name")
	if taken:
		return frappe.get_doc(DOCTYPE, taken)
	start = datetime.combine(day, get_time(row.slot_time))
	end = datetime.combine(day, get_time(row.slot_end)) if row.slot_end else None
	return issue(
		row.service_matter,
		applicant_name=row.applicant_name,
		phone=row.contact_phone,
		booking=row.name,
		window=row.window,
		slot_start=start,
		slot_end=end,
	)


def waiting_line(day: date, lock: bool = False, window: str | None = None, served=None) -> list[dict]:
	"""The day's waiting line (optionally only what a window may call). With `lock`, a locking read: the
	rows as last committed, held until this transaction ends, in the order of their names (the same order
	for every window, so two windows calling at once take turns rather than deadlock)."""
	t = frappe.qb.DocType(DOCTYPE)
	query = (
		frappe.qb.from_(t)
		.select(*[t[f] for f in LINE_FIELDS])
		.where((t.queue_date == day) & t.status.isin(q.IN_LINE))
		.orderby(t.name)
	)
	if window is not None:
		query = query.where((t.window == window) | (t.service_matter.isin(list(served) or [""])))
	if lock:
		query = query.for_update()
	return query.run(as_dict=True)


def ahead_of(doc) -> int:
	"""How many wait before this ticket in its matter's line."""
	same = [t for t in waiting_line(getdate(doc.queue_date)) if t.service_matter == doc.service_matter]
	return q.ahead(same, doc.name, now())


# ---------------------------------------------------------------- at the window


def holder_check(window: str, user: str, day: date) -> frappe._dict:
	"""The window exists and `user` holds it today (A, B or stand-in)."""
	row = window_row(window)
	if not row:
		refuse(f"找不到窗口“{window or ''}”")
	if not row.in_service:
		refuse(f"{row.name} 号窗口未在用，不能叫号", frappe.PermissionError, "不能叫号")
	duty = on_duty(row.name, day)
	error = q.call_error(user, duty, row.name, name_of(duty) if duty else "")
	if error:
		refuse(error, frappe.PermissionError, "不能叫号")
	return row


def current_at(window: str, day: date, lock: bool = False) -> frappe._dict | None:
	"""The ticket at the counter (called or being served)."""
	t = frappe.qb.DocType(DOCTYPE)
	query = (
		frappe.qb.from_(t)
		.select(t.name, t.ticket_no, t.status)
		.where((t.queue_date == day) & (t.window == window) & t.status.isin((q.CALLED, q.SERVING)))
		.orderby(t.called_at, order=frappe.qb.desc)
		.limit(1)
	)
	if lock:
		query = query.for_update()
	rows = query.run(as_dict=True)
	return rows[0] if rows else None


def latest(name: str):
	"""The ticket as last committed, its row locked for this transaction (a locking read: never a stale
	snapshot of it, whatever this transaction read before)."""
	rows = frappe.db.sql(f"select * from `tab{DOCTYPE}` where name=%s for update", (name,), as_dict=True)
	if not rows:
		refuse(f"找不到{WHAT} {name}", frappe.DoesNotExistError)
	return frappe.get_doc({"doctype": DOCTYPE, **rows[0]})


def call_next(window: str):
	"""叫下一位: the first of the line this window may call becomes its ticket; None when nobody waits."""
	at, user = now(), frappe.session.user
	row = holder_check(window, user, at.date())
	busy = current_at(row.name, at.date(), lock=True)
	error = q.busy_error(busy.ticket_no if busy else None, row.name)
	if error:
		refuse(error, title="不能叫号")
	served = served_matters(row.name)
	pick = q.next_ticket(waiting_line(at.date(), True, row.name, served), row.name, served, at)
	if not pick:
		return None
	return called(latest(pick["name"]), row, user, at, q.CALL)


def pick(name: str, window: str):
	"""选叫: a waiting ticket this window may call, out of turn (a citizen named at the counter)."""
	at, user = now(), frappe.session.user
	row = holder_check(window, user, at.date())
	doc = latest(name)
	ticket_checks(doc, q.CALL, at)
	if not q.callable_at(doc.as_dict(), row.name, served_matters(row.name)):
		refuse(f"{doc.ticket_no} 号不在本窗口（{row.name} 号）的队列中，不能选叫", title="不能叫号")
	busy = current_at(row.name, at.date(), lock=True)
	error = q.busy_error(busy.ticket_no if busy else None, row.name)
	if error:
		refuse(error, title="不能叫号")
	return called(doc, row, user, at, q.CALL)


def ticket_checks(doc, action: str, at: datetime) -> None:
	error = q.day_error(getdate(doc.queue_date), at.date(), doc.ticket_no) or q.action_error(
		action, doc.status, doc.ticket_no
	)
	if error:
		refuse(error, title=f"不能{action}")


def called(doc, window: frappe._dict, user: str, at: datetime, action: str):
	first = not doc.called_at
	doc.status = q.after(action)
	doc.window = window.name
	doc.called_by = user
	if first:
		doc.called_at = at
	else:
		doc.recalls = (doc.recalls or 0) + 1
	open_case(doc, user)
	records.write(doc, action)
	records.timeline(DOCTYPE, doc.name, f"{action}：{window.name} 号窗口，{name_of(user)}")
	tell(doc, "call", window.window_no or window.name)
	return doc


def open_case(doc, user: str) -> None:
	"""A call opens the citizen's case (办件) with the caller as 首问负责人, when the ticket says who the
	citizen is (a booking, or a name and phone given when taking the number); otherwise the window registers
	the case as usual."""
	if doc.hall_case or not (doc.applicant_name and doc.phone):
		return
	from insurance_hall.services import case

	values = {
		"applicant_name": doc.applicant_name,
		"contact_phone": doc.phone,
		"channel": "来访",
		"service_matter": doc.service_matter,
		"window": doc.window,
	}
	if doc.booking:
		values["id_number"] = frappe.db.get_value("Hall Booking", doc.booking, "id_number")
	doc.hall_case = case.register(values).name


def act(name: str, window: str, action: str, target: str | None = None):
	"""重呼, 开始办理, 过号, 暂挂, 转移, 办结 by the window holding the ticket."""
	if action not in (q.RECALL, q.START, q.MISS, q.HOLD, q.TRANSFER, q.FINISH):
		refuse(f"未知的操作“{action}”")
	at, user = now(), frappe.session.user
	row = holder_check(window, user, at.date())
	doc = latest(name)
	ticket_checks(doc, action, at)
	error = q.holder_error(doc.window, row.name, doc.ticket_no)
	if error:
		refuse(error, frappe.PermissionError, f"不能{action}")
	if action == q.RECALL:
		if doc.status != q.CALLED:
			busy = current_at(row.name, at.date(), lock=True)
			error = q.busy_error(busy.ticket_no if busy else None, row.name)
			if error:
				refuse(error, title="不能重呼")
		return called(doc, row, user, at, q.RECALL)
	if action == q.TRANSFER:
		transfer(doc, row, target, at)
	else:
		doc.status = q.after(action)
		if action == q.START:
			doc.served_at = at
		if action == q.FINISH:
			doc.finished_at = at
			doc.served_at = doc.served_at or doc.called_at
	records.write(doc, action)
	note = f"{action}：{row.name} 号窗口，{name_of(user)}"
	if action == q.TRANSFER:
		note += f"，转往 {doc.window} 号窗口"
	records.timeline(DOCTYPE, doc.name, note)
	if action == q.FINISH and doc.booking:
		booking_served(doc, user, at)
	tell(doc, "update")
	return doc


def transfer(doc, window: frappe._dict, target: str | None, at: datetime) -> None:
	"""To another window that serves the matter: the ticket heads that window's line."""
	target_row = window_row(target) if target else None
	matter = matter_row(doc.service_matter)
	serves = bool(
		target_row
		and matter
		and q.serves(target_row.name, target_row.department, matter.window, matter.department)
	)
	if target and not target_row:
		refuse(f"找不到窗口“{target}”", title="不能转移")
	error = q.transfer_error(
		window.name, target, serves, bool(target_row and target_row.in_service), doc.service_matter
	)
	if error:
		refuse(error, title="不能转移")
	doc.status = q.after(q.TRANSFER)
	doc.from_window = window.name
	doc.window = target_row.name
	doc.transfers = (doc.transfers or 0) + 1
	doc.transferred_at = at


def booking_served(doc, user: str, at: datetime) -> None:
	"""A booked citizen served through the line: the booking is served, never counted a no-show."""
	booking = records.lock("Hall Booking", doc.booking, "预约")
	if booking.status != b.BOOKED:
		return
	booking.status = b.SERVED
	booking.handler = user
	booking.handled_at = at
	booking.handling_result = (
		booking.handling_result or f"经排队叫号办结（{doc.ticket_no} 号，{doc.window} 号窗口）"
	)
	records.write(booking)


# ---------------------------------------------------------------- what the screen shows


def tell(doc, kind: str, window_no: str | None = None) -> None:
	"""The hall's screen hears of every change after the write commits; a call carries what it says."""
	message = {"kind": kind, "ticket": doc.ticket_no, "window": doc.window or "", "status": doc.status}
	if kind == "call":
		message["text"] = q.spoken(doc.ticket_no, window_no or doc.window)
		message["at"] = str(doc.called_at)
	frappe.publish_realtime(EVENT, message, room=ROOM, after_commit=True)


def board(day: date | None = None, last: int = 6) -> dict:
	"""What the hall's screen shows: the numbers at the windows, the last called, how many wait."""
	day = day or now().date()
	t = frappe.qb.DocType(DOCTYPE)
	at_windows = (
		frappe.qb.from_(t)
		.select(t.ticket_no, t.window, t.status, t.called_at, t.recalls)
		.where((t.queue_date == day) & t.status.isin((q.CALLED, q.SERVING)))
		.orderby(t.window)
	).run(as_dict=True)
	recent = (
		frappe.qb.from_(t)
		.select(t.ticket_no, t.window, t.called_at, t.modified)
		.where((t.queue_date == day) & t.called_at.isnotnull() & t.status.isin((q.CALLED, q.SERVING, q.DONE)))
		.orderby(t.called_at, order=frappe.qb.desc)
		.limit(last)
	).run(as_dict=True)
	numbers = window_numbers()
	waiting = len(waiting_line(day))
	return {
		"day": str(day),
		"serving": [
			{"ticket": r.ticket_no, "window": numbers.get(r.window, r.window), "status": r.status}
			for r in at_windows
		],
		"last": [
			{
				"ticket": r.ticket_no,
				"window": numbers.get(r.window, r.window),
				"text": q.spoken(r.ticket_no, numbers.get(r.window, r.window)),
				"at": str(r.called_at),
			}
			for r in recent
		],
		"waiting": waiting,
	}


def window_numbers() -> dict[str, str]:
	return {
		w.name: w.window_no or w.name for w in frappe.get_all("Service Window", fields=["name", "window_no"])
	}


def window_state(window: str) -> dict:
	"""The window worker's view: the ticket at the counter, the held ones, how many wait for this window."""
	at = now()
	served = served_matters(window)
	line = q.line(
		[t for t in waiting_line(at.date()) if q.callable_at(t, window, served)],
		at,
	)
	t = frappe.qb.DocType(DOCTYPE)
	mine = (
		frappe.qb.from_(t)
		.select(t.name, t.ticket_no, t.status, t.service_matter, t.hall_case)
		.where((t.queue_date == at.date()) & (t.window == window) & t.status.isin(q.AT_WINDOW))
		.orderby(t.called_at)
	).run(as_dict=True)
	return {
		"window": window,
		"on_duty": on_duty(window, at.date()),
		"current": next((r for r in mine if r.status in (q.CALLED, q.SERVING)), None),
		"held": [r for r in mine if r.status == q.HELD],
		"waiting": [
			{"name": r["name"], "ticket": r["ticket_no"], "matter": r["service_matter"]} for r in line
		],
	}


def kiosk_options() -> dict:
	"""The kiosk's big buttons: the matters some open window serves, grouped by department."""
	windows = frappe.get_all(
		"Service Window", filters={"in_service": 1}, fields=["name", "department"], order_by="window_no"
	)
	matters = frappe.get_all(
		"Service Matter", fields=["name", "window", "department"], order_by="department asc, name asc"
	)
	groups: dict[str, list[str]] = {}
	for m in matters:
		if any(q.serves(w.name, w.department, m.window, m.department) for w in windows):
			groups.setdefault(m.department or "其他事项", []).append(m.name)
	return {
		"groups": [{"group": g, "matters": names} for g, names in groups.items()],
		"priority_groups": priority_groups(),
	}


def display_token_ok(token: str | None) -> bool:
	"""The hall's screen opens with the token set in Hall Settings (none set: no screen)."""
	import hmac

	from frappe.utils.password import get_decrypted_password

	wanted = get_decrypted_password(
		"Hall Settings", "Hall Settings", "queue_display_token", raise_exception=False
	)
	return bool(wanted and token) and hmac.compare_digest(str(wanted), str(token))
