"""Whitelisted entry points of the hall's queue (排队叫号): thin, each reads the request and calls the service.

The kiosk and phone page (www/queue) and the hall's screen (www/queue-display) call the guest methods:
rate-limited (a kiosk per device, a phone per address), validated on the server, answering only with a
number, a window and how many wait (never who). The window's buttons call the Desk methods, which check
that the caller holds the window today.
"""

from __future__ import annotations

import frappe

from insurance_hall.api import public
from insurance_hall.rules import track as t
from insurance_hall.rules.public_input import text_error
from insurance_hall.services import queue

PUBLIC_LIMIT = 30  # numbers per device (kiosk, phone) per 10 minutes; site config queue_rate_limit
DISPLAY_LIMIT = 600  # the screen polls every few seconds


def public_limit() -> int:
	return int(frappe.conf.get("queue_rate_limit") or PUBLIC_LIMIT)


def _text(value, length: int, label: str, required: bool = False) -> str:
	error = text_error(value, label, length, required)
	if error:
		frappe.throw(error, title="输入有误")
	return str(value or "").strip()


def ticket_answer(doc, ahead: int | None = None) -> dict:
	answer = {
		"name": doc.name,
		"ticket": doc.ticket_no,
		"matter": doc.service_matter,
		"status": doc.status,
		"window": doc.window or "",
		"issued_at": str(doc.issued_at),
	}
	if ahead is not None:
		answer["ahead"] = ahead
	return answer


@frappe.whitelist(allow_guest=True, methods=["GET"])
@public.limited(lambda: public_limit() * 5, 600)
def options() -> dict:
	"""The kiosk's buttons: the matters served today, by group, and the 绿色通道 groups."""
	return queue.kiosk_options()


# xss_safe: the name is stored as typed and shown escaped (the pages set textContent)
@frappe.whitelist(allow_guest=True, xss_safe=True, methods=["POST"])
@public.limited(lambda: public_limit(), 600, per="device")
def take_number(
	matter: str | None = None,
	group: str | None = None,
	name: str | None = None,
	phone: str | None = None,
	device: str | None = None,
) -> dict:
	"""取号: the next number of the matter's queue, and how many wait before it. A name and phone are
	optional: given, the window's call opens the citizen's case at once."""
	doc = queue.issue(
		_text(matter, 140, "办理事项", required=True),
		priority_group=_text(group, 20, "绿色通道") or None,
		applicant_name=_text(name, 40, "姓名") or None,
		phone=_text(phone, 30, "联系电话") or None,
	)
	return ticket_answer(doc, queue.ahead_of(doc))


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(lambda: public_limit(), 600, per="reference")
def check_in(reference: str | None = None, proof: str | None = None) -> dict:
	"""预约签到: a booking of today, opened by its reference and the last four digits of its phone (or the
	ID number), becomes a ticket at the front of its window's line within its slot."""
	error = t.proof_error(proof)
	if error:
		frappe.throw(error, title="签到未成功")
	name = t.normalise_reference(_text(reference, 40, "预约编号", required=True))
	row = (
		frappe.db.get_value("Hall Booking", name, ["name", "contact_phone", "id_number"], as_dict=True)
		if name and t.kind_of(name) == t.BOOKING
		else None
	)
	if not row or not t.proof_matches(str(proof), row.contact_phone, row.id_number):
		frappe.throw(t.NOT_FOUND, title="签到未成功")
	doc = queue.check_in(row.name)
	return ticket_answer(doc, queue.ahead_of(doc))


@frappe.whitelist(allow_guest=True, methods=["GET"])
@public.limited(lambda: public_limit() * 10, 600)
def position(ticket: str | None = None) -> dict:
	"""A phone refreshes its own number: its state and how many wait before it (nothing about anyone)."""
	name = _text(ticket, 40, "排队号", required=True)
	if not frappe.db.exists(queue.DOCTYPE, name):
		frappe.throw("找不到该排队号", title="查询未成功")
	doc = frappe.get_doc(queue.DOCTYPE, name)
	return ticket_answer(doc, queue.ahead_of(doc) if doc.status in queue.q.IN_LINE else 0)


@frappe.whitelist(allow_guest=True, methods=["GET"])
@public.limited(DISPLAY_LIMIT, 600)
def board(token: str | None = None) -> dict:
	"""The hall's screen: the numbers at the windows and the last called (its token, from Hall Settings)."""
	if not queue.display_token_ok(_text(token, 80, "叫号屏口令")):
		frappe.throw(
			"叫号屏口令不正确：请使用大厅设置中的叫号屏口令打开", frappe.PermissionError, title="不能显示"
		)
	return queue.board()


# ---------------------------------------------------------------- the window (Desk)


@frappe.whitelist(methods=["POST"])
def call_next(window: str) -> dict | None:
	doc = queue.call_next(window)
	if doc is None:
		return None
	return {**ticket_answer(doc), "hall_case": doc.hall_case or ""}


@frappe.whitelist(methods=["POST"])
def pick(name: str, window: str) -> dict:
	doc = queue.pick(name, window)
	return {**ticket_answer(doc), "hall_case": doc.hall_case or ""}


@frappe.whitelist(methods=["POST"])
def act(name: str, window: str, action: str, target: str | None = None) -> dict:
	doc = queue.act(name, window, action, target)
	return {**ticket_answer(doc), "hall_case": doc.hall_case or ""}


@frappe.whitelist(methods=["GET"])
def window_state(window: str) -> dict:
	if not frappe.has_permission("Service Window", "read", doc=window):
		frappe.throw("您没有查看该窗口的权限", frappe.PermissionError)
	return queue.window_state(window)
