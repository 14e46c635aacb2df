"""The citizen's 进度查询 (no login): thin, it reads the request and calls the service."""

from __future__ import annotations

import frappe

from insurance_hall.api import public
from insurance_hall.services import booking, track


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(5, 600, "查询过于频繁，请十分钟后再试；也可拨打窗口电话查询", per="reference")
def lookup(reference: str | None = None, proof: str | None = None) -> dict:
	"""Where a case, a booking or a complaint stands: its reference and the last four digits of the phone
	given (or the ID number). A wrong proof reads like an unknown reference, and both count."""
	return track.lookup(reference, proof)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(5, 600, "操作过于频繁，请十分钟后再试；也可拨打预约电话", per="reference")
def move_booking(
	reference: str | None = None, proof: str | None = None, day: str | None = None, slot: str | None = None
) -> dict:
	"""改约 from /track: the booking moved to another free slot (a new reference; the old one cancelled)."""
	from insurance_hall.api.booking import _slot, _text, confirmation

	new = booking.move(reference, proof, _text(day, 20, "预约日期", required=True), _slot(slot))
	return confirmation(new)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(5, 600, "操作过于频繁，请十分钟后再试；也可拨打预约电话", per="reference")
def cancel_booking(reference: str | None = None, proof: str | None = None) -> dict:
	"""The citizen cancels their booking from /track."""
	doc = booking.cancel_own(reference, proof)
	return {"reference": doc.name, "status": doc.status}


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(5, 600, "操作过于频繁，请十分钟后再试", per="reference")
def opt_out(reference: str | None = None, proof: str | None = None) -> dict:
	"""The citizen asks for no more SMS about this case, booking or complaint."""
	return track.opt_out(reference, proof)
