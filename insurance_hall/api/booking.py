"""Whitelisted entry points of the appointment service: thin, each reads the request and calls the service.

The public page (www/booking) calls the guest methods: rate-limited, validated on the server, and they
answer only with what the caller may see (their own booking's reference, never another citizen's data).
"""

from __future__ import annotations

import re

import frappe
from frappe.utils import getdate

from insurance_hall.rules import booking as b
from insurance_hall.rules.public_input import text_error
from insurance_hall.api import public
from insurance_hall.services import booking

PUBLIC_LIMIT = (
	20  # booking calls per person (phone, reference) per 10 minutes; site config booking_rate_limit
)


def public_limit() -> int:
	return int(frappe.conf.get("booking_rate_limit") or PUBLIC_LIMIT)


def _text(value, length: int = 140, label: str = "输入内容", required: bool = False) -> str:
	"""A guest's argument: checked by the one text rule (type, length, characters), refused, never cut."""
	error = text_error(value, label, length, required)
	if error:
		frappe.throw(error, title="输入有误")
	return str(value or "").strip()


SLOT = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")


def _slot(value) -> str:
	text = _text(value, 8, "预约时段", required=True)
	if not SLOT.match(text):
		frappe.throw(f"预约时段“{text}”格式不正确，应为 09:00 这样的时间", title="输入有误")
	return text


def confirmation(doc) -> dict:
	window_name = frappe.db.get_value("Service Window", doc.window, "window_name")
	return {
		"reference": doc.name,
		"date": str(doc.booking_date),
		"time": f"{str(doc.slot_time)[:5]}-{str(doc.slot_end)[:5]}",
		"window": doc.window,
		"window_name": window_name or "",
		"matter": doc.service_matter,
		"notice": doc.materials_notice,
		"phone": frappe.db.get_single_value("Hall Settings", "appointment_phone") or "",
	}


@frappe.whitelist(allow_guest=True, methods=["GET"])
@public.limited(lambda: public_limit() * 5, 600)
def options() -> dict:
	"""What the public page offers: the matters open to booking and the days."""
	sch = booking.schedule()
	matters = frappe.get_all(
		"Service Matter",
		filters={"not_bookable": 0, "window": ("is", "set")},
		fields=["name", "window"],
		order_by="name asc",
	)
	return {
		"online": b.ONLINE in sch.channels,
		"matters": [{"name": m.name, "window": m.window} for m in matters],
		"days": [str(day) for day in booking.offered_days(sch)],
	}


@frappe.whitelist(allow_guest=True, methods=["GET"])
@public.limited(lambda: public_limit() * 5, 600)
def free_slots(matter: str | None = None, day: str | None = None) -> list[dict]:
	"""The free places of each slot of the day for the matter's window."""
	matter = _text(matter, 140, "预约事项", required=True)
	day = _text(day, 20, "预约日期", required=True)
	window = frappe.db.get_value("Service Matter", {"name": matter, "not_bookable": 0}, "window")
	if not window:
		frappe.throw(f"事项“{_text(matter)}”不接受预约", title="不能预约")
	try:
		parsed = getdate(day)
	except Exception:
		frappe.throw("日期格式不正确", title="不能预约")
	return booking.free_slots(window, parsed)


# xss_safe: the text is stored as typed and shown escaped (the page sets textContent, the print escapes)
@frappe.whitelist(allow_guest=True, xss_safe=True, methods=["POST"])
@public.limited(lambda: public_limit(), 600, per="phone")
def book(
	matter: str | None = None,
	day: str | None = None,
	slot: str | None = None,
	applicant_name: str | None = None,
	phone: str | None = None,
	id_number: str | None = None,
	note: str | None = None,
) -> dict:
	"""A citizen books on the public page: the answer is the reference, the time, the window and the
	one-time notice of materials; a refusal says why."""
	matter = _text(matter, 140, "预约事项", required=True)
	if not frappe.db.exists("Service Matter", {"name": matter, "not_bookable": 0}):
		frappe.throw(f"事项“{matter}”不接受预约，请在事项列表中选择", title="不能预约")
	doc = frappe.get_doc(
		{
			"doctype": booking.DOCTYPE,
			"channel": b.ONLINE,
			"service_matter": matter,
			"booking_date": _text(day, 20, "预约日期", required=True),
			"slot_time": _slot(slot),
			"applicant_name": applicant_name
			if isinstance(applicant_name, str)
			else _text(applicant_name, 40, "申请人姓名"),
			"contact_phone": _text(phone, 30, "联系电话", required=True),
			"id_number": _text(id_number, 30, "身份证号码"),
			"note": _text(note, 500, "备注"),
		}
	)
	doc.flags.public_booking = True
	doc.insert(ignore_permissions=True)
	return confirmation(doc)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(lambda: public_limit(), 600, per="reference")
def cancel_own(reference: str | None = None, phone: str | None = None) -> dict:
	"""The applicant cancels their own booking: the reference and the phone it was made with."""
	if frappe.session.user != "Guest":
		frappe.throw("请在窗口办理取消", frappe.PermissionError)
	doc = booking.cancel(
		_text(reference, 30, "预约编号", required=True), "", phone=_text(phone, 30, "联系电话", required=True)
	)
	return {"reference": doc.name, "status": doc.status}


@frappe.whitelist(methods=["POST"])
def cancel(name: str, reason: str) -> dict:
	"""A clerk cancels a booking, with a reason."""
	if frappe.session.user == "Guest":
		frappe.throw("请登录后操作", frappe.PermissionError)
	doc = booking.cancel(name, reason)
	return {"name": doc.name, "status": doc.status}


@frappe.whitelist(methods=["POST"])
def serve(name: str) -> dict:
	"""办理完成: the handler records the result."""
	doc = booking.serve(name)
	return {"name": doc.name, "status": doc.status, "handler": doc.handler}


@frappe.whitelist(methods=["POST"])
def lift_bar(name: str, reason: str) -> dict:
	"""解除限制: the hall admin lifts a no-show bar, with a reason."""
	bar = booking.lift_bar(name, reason)
	return {"name": bar.name, "status": bar.status}


@frappe.whitelist()
def desk_slots(window: str, day: str) -> list[dict]:
	"""The free places of a window's day, for the clerk's form."""
	if not frappe.has_permission(booking.DOCTYPE, "create"):
		frappe.throw("您没有登记预约的权限", frappe.PermissionError)
	return booking.free_slots(window, getdate(day))
