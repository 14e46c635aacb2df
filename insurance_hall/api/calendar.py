"""Whitelisted entry points of the working calendar: thin, each reads the request and calls the service."""

from __future__ import annotations

import frappe
from frappe.utils import cint

from insurance_hall.services import deadlines


@frappe.whitelist(methods=["POST"])
def confirm_year(year: int | str) -> dict:
	"""The hall admin confirms the year's State Council arrangement; provisional deadlines are recounted."""
	year = cint(year)
	if not frappe.has_permission("Work Calendar", "write"):
		frappe.throw("只有大厅管理员可以核对工作日历", frappe.PermissionError)
	return {"year": year, "recounted": deadlines.confirm_year(year)}
