"""The citizen's 进度查询 (no login): thin, it reads the request and calls the service."""

from __future__ import annotations

import frappe

from insurance_hall.api import public
from insurance_hall.services import track


@frappe.whitelist(allow_guest=True, methods=["POST"])
@public.limited(5, 600, "查询过于频繁，请十分钟后再试；也可拨打窗口电话查询", per="reference")
def lookup(reference: str | None = None, proof: str | None = None) -> dict:
	"""Where a case, a booking or a complaint stands: its reference and the last four digits of the phone
	given (or the ID number). A wrong proof reads like an unknown reference, and both count."""
	return track.lookup(reference, proof)
