"""The appointment service (预约服务): take a booking on any channel, hold a slot's capacity under
concurrency, tell the person on duty, serve, cancel; mark no-shows and bar after the county's limit.

002 沂南: "医保经办窗口收到预约申请后，对申请人提出的预约时间和申请办理事项进行确认，并履行一次性告知和首问负责义务。"
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import frappe
from frappe.query_builder.functions import Coalesce, Count
from frappe.utils import escape_html, get_fullname, get_time, getdate, now_datetime, today

from insurance_hall.rules import booking as b
from insurance_hall.rules.delay import parse_hhmm
from insurance_hall.rules.public_input import name_error
from insurance_hall.rules.rating import is_bad, rating_error
from insurance_hall.rules.national_calendar import in_range
from insurance_hall.services import citizen, inbox, rating, records
from insurance_hall.services.calendar import is_working_day
from insurance_hall.services.rating import rating_scale
from insurance_hall.services.routing import assignments_on

DOCTYPE = "Hall Booking"
BAR = "Booking Bar"
TAKEN = (b.BOOKED, b.SERVED, b.NO_SHOW)  # a cancelled booking gives its place back


def now() -> datetime:
	"""The clock of the appointment service (one place, so that a test can fix it)."""
	return now_datetime()


@dataclass(frozen=True)
class Schedule:
	start: time | None
	end: time | None
	minutes: int
	capacity: int
	days_ahead: int
	rest_days: bool
	channels: list[str]
	noon: tuple[time | None, time | None]
	no_show_limit: int

	@property
	def slots(self) -> list[time]:
		if not (self.start and self.end):
			return []
		return b.slot_times(self.start, self.end, self.minutes, self.noon)


def schedule() -> Schedule:
	"""The county's booking schedule, from Hall Settings (the profile)."""
	from insurance_hall.rules.clock import time_text

	s = frappe.get_cached_doc("Hall Settings")
	return Schedule(
		start=parse_hhmm(time_text(s.get("booking_start_time"))),
		end=parse_hhmm(time_text(s.get("booking_end_time"))),
		minutes=int(s.get("booking_slot_minutes") or 30),
		capacity=int(s.get("booking_capacity") or 1),
		days_ahead=int(s.get("booking_days_ahead") or 1),
		rest_days=bool(s.get("booking_on_rest_days")),
		channels=b.parse_channels(s.get("booking_channels")),
		noon=(
			parse_hhmm(time_text(s.get("noon_closing_time"))),
			parse_hhmm(time_text(s.get("noon_opening_time"))),
		),
		no_show_limit=int(s.get("no_show_limit") or 3),
	)


def window_capacity(window: str, sch: Schedule) -> int:
	"""A window's own capacity per slot (set by the admin), else the county's default."""
	return int(frappe.db.get_value("Service Window", window, "booking_capacity") or 0) or sch.capacity


def materials(matter: str) -> list[tuple[str, bool]]:
	rows = frappe.get_all(
		"Service Matter Material",
		filters={"parent": matter, "parenttype": "Service Matter"},
		fields=["material", "may_be_missing"],
		order_by="idx asc",
	)
	return [(row.material, bool(row.may_be_missing)) for row in rows]


def working_day(day: date) -> bool | None:
	if not in_range(day):
		return None
	return is_working_day(day)


def duty_person(window: str, day: date) -> str | None:
	a_staff, b_staff, in_service = frappe.db.get_value(
		"Service Window", window, ["a_staff", "b_staff", "in_service"]
	) or (None, None, 0)
	if not in_service:
		return None
	assignments = [row for person in (a_staff, b_staff) if person for row in assignments_on(person, day)]
	# the stand-ins' own absences too: a stand-in who is away does not count (A and B standing in for
	# each other while both are away leaves the window empty)
	substitutes = {row[1] for row in assignments} - {a_staff, b_staff}
	assignments += [row for person in substitutes for row in assignments_on(person, day)]
	return b.on_duty(a_staff, b_staff, day, assignments)


def active_bar(phone_key: str | None, id_number: str | None) -> dict | None:
	or_filters = {"phone_key": phone_key} if phone_key else {}
	if id_number:
		or_filters["id_number"] = id_number
	if not or_filters:
		return None
	rows = frappe.get_all(
		BAR,
		filters={"status": b.BARRED},
		or_filters=or_filters,
		fields=["name", "no_shows"],
		limit=1,
	)
	return rows[0] if rows else None


# ---------------------------------------------------------------- taking a booking (controller calls)


def refuse(errors: list[str]) -> None:
	"""Refused whole, each reason a line; what the caller typed is shown as text."""
	frappe.throw("<br>".join(escape_html(e) for e in errors), title="预约未成功")


def prepare_new(doc) -> None:
	"""Every check of a new booking, on every channel; then the slot's place is taken under a lock."""
	sch = schedule()
	at = now()
	errors = booking_errors(doc, sch, at)
	if errors:
		refuse(errors)
	take_place(doc, sch)
	doc.status = b.BOOKED
	doc.received_at = at
	doc.receiver = frappe.session.user if doc.channel != b.ONLINE else doc.on_duty
	doc.materials_notice = b.materials_notice(doc.service_matter, materials(doc.service_matter))


def booking_errors(doc, sch: Schedule, at: datetime) -> list[str]:
	errors: list[str] = []
	if doc.channel == b.ONLINE and not doc.flags.public_booking:
		errors.append("网上预约须由申请人在预约页面提交；窗口请选择“窗口”或“电话”")
	error = b.channel_error(doc.channel, sch.channels)
	if error:
		errors.append(error)
	error = name_error(doc.applicant_name, "申请人姓名")
	if error:
		errors.append(error)
	doc.applicant_name = (doc.applicant_name or "").strip()
	error = b.phone_error(doc.contact_phone)
	if error:
		errors.append(error)
	doc.phone_key = b.normalise_phone(doc.contact_phone)
	error = b.id_number_error(doc.id_number)
	if error:
		errors.append(error)
	doc.id_number = b.normalise_id_number(doc.id_number)
	matter = (
		frappe.db.get_value("Service Matter", doc.service_matter, ["not_bookable", "window"], as_dict=True)
		if doc.service_matter
		else None
	)
	if doc.service_matter and not matter:
		errors.append(f"找不到事项“{doc.service_matter}”")
	elif matter or not doc.service_matter:
		if matter and not doc.window:
			doc.window = matter.window
		error = b.matter_error(
			doc.service_matter, not (matter and matter.not_bookable), doc.window or (matter and matter.window)
		)
		if error:
			errors.append(error)
	if doc.window and not frappe.db.exists("Service Window", doc.window):
		errors.append(f"找不到窗口“{doc.window}”")
		doc.window = None
	bar = active_bar(doc.phone_key, doc.id_number)
	if bar:
		errors.append(b.barred_error(bar.no_shows, sch.no_show_limit, True))
	errors += time_errors(doc, sch, at)
	return errors


def time_errors(doc, sch: Schedule, at: datetime) -> list[str]:
	if not doc.booking_date or not doc.slot_time:
		return ["请选择预约日期和时段"]
	try:
		day = getdate(doc.booking_date)
		slot = get_time(doc.slot_time)
	except Exception:
		return ["预约日期或时段格式不正确"]
	doc.booking_date, doc.slot_time = day, slot.strftime("%H:%M:%S")
	made_on = working_day(at.date())
	served_on = working_day(day)
	if served_on is None or made_on is None:
		return [f"{day.year}年的工作日历尚未维护，暂不能预约"]
	errors = [
		e
		for e in (
			b.made_on_error(made_on, doc.channel),
			b.day_error(day, at, served_on, sch.rest_days, sch.days_ahead),
		)
		if e
	]
	if errors:
		return errors
	error = b.time_error(day, slot, at, sch.slots, sch.minutes)
	if error:
		return [error]
	doc.slot_end = b.slot_end(slot, sch.minutes).strftime("%H:%M:%S")
	if doc.window:
		doc.on_duty = duty_person(doc.window, day)
		error = b.on_duty_error(doc.on_duty, doc.window)
		if error:
			return [error]
	return []


def take_place(doc, sch: Schedule) -> None:
	"""A slot is never booked beyond its capacity: the window's row is locked (SELECT … FOR UPDATE)
	until the booking is committed, and the places taken are counted with a locking read, so a
	concurrent booking of the same window waits and then sees this one."""
	window = frappe.qb.DocType("Service Window")
	frappe.qb.from_(window).select(window.name).where(window.name == doc.window).for_update().run()
	capacity = window_capacity(doc.window, sch)
	error = b.capacity_error(places_taken(doc.window, doc.booking_date, doc.slot_time, lock=True), capacity)
	if error:
		refuse([error])


def places_taken(window: str, day, slot, lock: bool = False) -> int:
	bk = frappe.qb.DocType(DOCTYPE)
	query = (
		frappe.qb.from_(bk)
		.select(Count("*"))
		.where(
			(bk.window == window)
			& (bk.booking_date == day)
			& (bk.slot_time == slot)
			& (bk.status.isin(TAKEN))
		)
	)
	if lock:
		query = query.for_update()
	return int(query.run()[0][0] or 0)


def free_slots(window: str, day: date) -> list[dict]:
	"""The day's slots with their free places (no lock: the booking itself checks again)."""
	sch = schedule()
	capacity = window_capacity(window, sch)
	at = now()
	bk = frappe.qb.DocType(DOCTYPE)
	rows = (
		frappe.qb.from_(bk)
		.select(bk.slot_time, Count("*"))
		.where((bk.window == window) & (bk.booking_date == day) & (bk.status.isin(TAKEN)))
		.groupby(bk.slot_time)
	).run()
	taken = {get_time(slot): count for slot, count in rows}
	return [
		{"time": slot.strftime("%H:%M"), "free": max(capacity - taken.get(slot, 0), 0)}
		for slot in sch.slots
		if datetime.combine(day, slot) > at
	]


def offered_days(sch: Schedule) -> list[date]:
	start = now().date()
	days = []
	for offset in range(sch.days_ahead + 1):
		day = date.fromordinal(start.toordinal() + offset)
		working = working_day(day)
		if working is None:
			break
		if working or sch.rest_days:
			days.append(day)
	return days


def after_insert(doc) -> None:
	"""The person on duty at that time gets it in their inbox."""
	if doc.on_duty:
		inbox.assign(DOCTYPE, doc.name, doc.on_duty, duty_message(doc), due=doc.booking_date)


def duty_message(doc) -> str:
	return (
		f"预约服务：{doc.name}，{doc.booking_date} {str(doc.slot_time)[:5]} 在 {doc.window} 号窗口办理"
		f"“{doc.service_matter}”，申请人 {doc.applicant_name}（{doc.channel}预约）。请按约定时间在岗服务。"
	)


# ---------------------------------------------------------------- a booking once taken


def prepare_existing(doc) -> None:
	"""What was booked stays as booked (rebook = cancel and book again); the status moves only by
	the actions below; the satisfaction tick is a level of the county's scale."""
	check_result(doc)


def check_result(doc) -> None:
	scale = rating_scale()
	errors = [
		e
		for e in (
			rating_error(doc.satisfaction, scale),
			b.confirmation_error(doc.applicant_confirmation, doc.applicant_signature, doc.signed_copy),
		)
		if e
	]
	if errors:
		frappe.throw("<br>".join(errors), title="办理情况有误")
	doc.satisfaction_is_bad = int(is_bad(doc.satisfaction, scale))


def lock(name: str):
	return records.lock(DOCTYPE, name, "预约")


def serve(name: str):
	"""办理完成: the handler records the result (signed by them, acting in the Desk)."""
	doc = lock(name)
	if not frappe.has_permission(DOCTYPE, "write", doc=doc):
		frappe.throw("您没有办理预约的权限", frappe.PermissionError)
	if doc.status != b.BOOKED:
		frappe.throw(f"预约当前为“{doc.status}”，不能办理", title="不能办理")
	if not (doc.handling_result or "").strip():
		frappe.throw("请先填写办理情况", title="不能办理")
	doc.status = b.SERVED
	doc.handler = frappe.session.user
	doc.handled_at = now()
	records.write(doc)
	# the applicant's satisfaction tick is the service's rating (好差评), not a second scale
	rating.from_form_tick(DOCTYPE, doc.name, doc.satisfaction, doc.applicant_name)
	inbox.close(DOCTYPE, doc.name, frappe.session.user)
	if doc.on_duty:
		inbox.close(DOCTYPE, doc.name, doc.on_duty)
	return doc


def cancel(name: str, reason: str, phone: str | None = None):
	"""Cancel a booking: a clerk with a reason, or the applicant from the public page with the phone
	the booking was made with (anything else is told "not found", never whose booking it is)."""
	public = frappe.session.user == "Guest"
	if public:
		key = b.normalise_phone(phone)
		row = frappe.db.get_value(DOCTYPE, {"name": name or "", "phone_key": key or "-"}, "name")
		if not row or not key:
			frappe.throw("找不到与该电话号码对应的预约，请核对预约编号和电话", title="不能取消")
	doc = lock(name)
	if not public and not frappe.has_permission(DOCTYPE, "write", doc=doc):
		frappe.throw("您没有取消该预约的权限", frappe.PermissionError)
	if doc.status != b.BOOKED:
		frappe.throw(f"预约当前为“{doc.status}”，不能取消", title="不能取消")
	reason = (reason or "").strip() or ("申请人在预约页面取消" if public else "")
	if not reason:
		frappe.throw("请填写取消原因", title="不能取消")
	return cancelled(doc, reason)


def cancelled(doc, reason: str):
	"""The one write of a cancellation (clerk, public page, /track, 改约): its place is free again and the
	person on duty no longer waits for it."""
	doc.status = b.CANCELLED
	doc.cancel_reason = reason
	records.write(doc)
	if doc.on_duty:
		inbox.close(DOCTYPE, doc.name, doc.on_duty)
	return doc


# ---------------------------------------------------------------- no-shows and the bar


def mark_no_shows(at: datetime | None = None) -> int:
	"""The scheduler job: bookings whose slot has ended unserved are no-shows, once; an applicant who
	reaches the county's limit is barred. Running it again changes nothing.

	One indexed select of the open bookings up to today, one update per thousand of them, and one
	grouped count of the applicants concerned: only those at the limit are looked at one by one."""
	at = at or now()
	sch = schedule()
	bk = frappe.qb.DocType(DOCTYPE)
	# b.is_no_show in SQL: booked, and its slot ended before `at` (an index range on status, date)
	ended = (bk.booking_date < at.date()) | (
		(bk.booking_date == at.date()) & (Coalesce(bk.slot_end, bk.slot_time) <= at.time())
	)
	due = (
		frappe.qb.from_(bk)
		.select(bk.name, bk.phone_key, bk.id_number, bk.applicant_name)
		.where((bk.status == b.BOOKED) & (bk.booking_date <= at.date()) & ended)
	).run(as_dict=True)
	for start in range(0, len(due), 1000):
		names = [row.name for row in due[start : start + 1000]]
		(
			frappe.qb.update(bk)
			.set(bk.status, b.NO_SHOW)
			.set(bk.no_show_marked_at, at)
			.set(bk.modified, now_datetime())
			.where(bk.name.isin(names) & (bk.status == b.BOOKED))
		).run()
	for row in at_limit(due, sch.no_show_limit):
		bar_if_due(row.phone_key, row.id_number, row.applicant_name, sch.no_show_limit, at)
	return len(due)


def at_limit(rows: list, limit: int) -> list:
	"""The applicants among `rows` whose no-shows (by phone or by ID number) may have reached `limit`."""
	people = {row.phone_key: row for row in rows if row.phone_key}
	if not people:
		return []
	bk = frappe.qb.DocType(DOCTYPE)
	by_phone = dict(
		(
			frappe.qb.from_(bk)
			.select(bk.phone_key, Count("*"))
			.where((bk.status == b.NO_SHOW) & bk.phone_key.isin(list(people)))
			.groupby(bk.phone_key)
		).run()
	)
	ids = [row.id_number for row in people.values() if row.id_number]
	by_id = (
		dict(
			(
				frappe.qb.from_(bk)
				.select(bk.id_number, Count("*"))
				.where((bk.status == b.NO_SHOW) & bk.id_number.isin(ids))
				.groupby(bk.id_number)
			).run()
		)
		if ids
		else {}
	)
	return [
		row
		for key, row in people.items()
		# the sum bounds the count of the person (phone or ID) from above: bar_if_due counts exactly
		if b.reaches_limit(by_phone.get(key, 0) + by_id.get(row.id_number, 0), limit)
	]


def no_shows_since_lift(phone_key: str, id_number: str | None) -> int:
	lifted = frappe.get_all(
		BAR,
		filters={"status": b.LIFTED},
		or_filters={"phone_key": phone_key, **({"id_number": id_number} if id_number else {})},
		fields=["max(lifted_on) as last"],
	)
	last = lifted[0].last if lifted and lifted[0].last else None
	filters = {"status": b.NO_SHOW}
	if last:
		filters["no_show_marked_at"] = (">", last)
	or_filters = {"phone_key": phone_key, **({"id_number": id_number} if id_number else {})}
	return len(frappe.get_all(DOCTYPE, filters=filters, or_filters=or_filters, pluck="name"))


def bar_if_due(phone_key: str, id_number: str | None, name: str, limit: int, at: datetime) -> str | None:
	count = no_shows_since_lift(phone_key, id_number)
	if not b.reaches_limit(count, limit) or active_bar(phone_key, id_number):
		return None
	bar = frappe.get_doc(
		{
			"doctype": BAR,
			"applicant_name": name,
			"phone_key": phone_key,
			"id_number": id_number,
			"no_shows": count,
			"barred_on": at,
			"status": b.BARRED,
		}
	)
	records.write(bar, insert=True)
	return bar.name


def lift_bar(name: str, reason: str):
	"""An admin lifts a bar, with a reason kept in the record."""
	bar = records.lock(BAR, name, "预约限制")
	if not frappe.has_permission(BAR, "write", doc=bar):
		frappe.throw("只有大厅管理员可以解除预约限制", frappe.PermissionError)
	if bar.status != b.BARRED:
		frappe.throw("该限制已解除", title="不能解除")
	if not (reason or "").strip():
		frappe.throw("解除限制须写明理由", title="不能解除")
	bar.status = b.LIFTED
	bar.lift_reason = reason.strip()
	bar.lifted_by = frappe.session.user
	bar.lifted_on = now()
	records.write(bar)
	return bar


def who(user: str | None) -> str:
	return get_fullname(user) if user else ""


def remind_tomorrow(on: date | None = None) -> int:
	"""The day before a booking, the citizen is reminded (once): a daily job. Returns how many were told."""
	from frappe.utils import add_days

	from insurance_hall.rules import citizen as texts
	from insurance_hall.rules.catalogue import window_text

	tomorrow = add_days(on or getdate(today()), 1)
	rows = frappe.get_all(
		DOCTYPE,
		filters={"booking_date": tomorrow, "status": b.BOOKED, "reminder_sent": 0},
		fields=["name", "contact_phone", "booking_date", "slot_time", "window", "no_messages"],
		order_by="slot_time asc",
	)
	names = dict(frappe.get_all("Service Window", fields=["name", "window_name"], as_list=True))
	told = 0
	for row in rows:
		text = texts.booking_tomorrow_text(
			citizen.bureau(),
			row.name,
			str(row.booking_date),
			str(row.slot_time)[:5],
			window_text(row.window, names.get(row.window)) if row.window else None,
		)
		told += citizen.tell(DOCTYPE, row.name, row.contact_phone, text, bool(row.no_messages))
		# the job's own flag (no user action): set without the booking's form checks
		frappe.db.set_value(DOCTYPE, row.name, "reminder_sent", 1, update_modified=False)
	return told


# ---------------------------------------------------------------- the citizen's own booking, by its reference


def own_booking(reference: object, proof: object):
	"""The booking a citizen opened on /track with its reference and proof, locked; refused exactly as an
	unknown reference otherwise (rules/track.NOT_FOUND)."""
	from insurance_hall.rules import track as t

	error = t.proof_error(proof)
	if error:
		frappe.throw(error, title="操作未成功")
	name = t.normalise_reference(reference)
	row = (
		frappe.db.get_value(DOCTYPE, name, ["contact_phone", "id_number"], as_dict=True)
		if name and t.kind_of(name) == t.BOOKING
		else None
	)
	if not row or not t.proof_matches(str(proof), row.contact_phone, row.id_number):
		frappe.throw(t.NOT_FOUND, title="操作未成功")
	return lock(name)


def move(reference: object, proof: object, day: object, slot: object):
	"""改约: the citizen moves their booking to another free slot. It is booked again on the public page's
	channel with every rule of a new booking (the county offers online booking, a working day, a free place
	under the window's lock, no bar), then the old one is cancelled, in one transaction: a refusal leaves
	the old booking as it was."""
	old = own_booking(reference, proof)
	if old.status != b.BOOKED:
		frappe.throw(f"预约当前为“{old.status}”，不能改约", title="不能改约")
	if b.ONLINE not in schedule().channels:
		frappe.throw("本县暂不提供网上改约，请拨打预约电话改约", title="不能改约")
	new = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"channel": b.ONLINE,
			"service_matter": old.service_matter,
			"booking_date": day,
			"slot_time": slot,
			"applicant_name": old.applicant_name,
			"contact_phone": old.contact_phone,
			"id_number": old.id_number,
			"note": old.note,
			"no_messages": old.get("no_messages"),
		}
	)
	new.flags.public_booking = True
	new.insert(ignore_permissions=True)
	cancelled(old, f"申请人改约为 {new.name}（{new.booking_date} {str(new.slot_time)[:5]}）")
	return new


def cancel_own(reference: object, proof: object):
	"""The citizen cancels their booking from /track (the reference and its proof)."""
	old = own_booking(reference, proof)
	if old.status != b.BOOKED:
		frappe.throw(f"预约当前为“{old.status}”，不能取消", title="不能取消")
	return cancelled(old, "申请人在进度查询页面取消")
