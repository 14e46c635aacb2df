"""办事指南 and the 科室职责（服务）清单, read for the public pages from the catalogue the hall keeps: each
published Service Matter with its window, A/B posts, department and materials, and the hall's hours and
phones from Hall Settings. Only what a citizen may read leaves: names of people, never their accounts.
"""

from __future__ import annotations

import frappe
from frappe.utils import get_fullname

from insurance_hall.rules import guide as g
from insurance_hall.rules.catalogue import window_text
from insurance_hall.rules.clock import time_text

MATTER = "Service Matter"
OTHER = "其他事项"


def hall_facts() -> dict:
	"""What every guide repeats: the hall's hours and its phones."""
	s = frappe.get_cached_doc("Hall Settings")
	return {
		"bureau": s.get("bureau_name") or "",
		"hours": g.hours_text(
			time_text(s.get("opening_time")) or None,
			time_text(s.get("noon_closing_time")) or None,
			time_text(s.get("noon_opening_time")) or None,
			time_text(s.get("closing_time")) or None,
		),
		"complaint_phone": s.get("complaint_phone") or "",
		"appointment_phone": s.get("appointment_phone") or "",
		"rongque": bool(s.get("rongque_enabled")),
		"online_booking": "网上" in str(s.get("booking_channels") or ""),
	}


def index() -> list[dict]:
	"""The departments (附件2: room, phone, head, duties) and the published matters of each, in order;
	matters of no department come last under 其他事项."""
	matters = frappe.get_all(
		MATTER,
		filters={"guide_published": 1},
		fields=["name", "matter_name", "department", "matter_type", "promised_days", "no_visit_needed"],
		order_by="matter_name asc",
	)
	by_department: dict[str, list[dict]] = {}
	for m in matters:
		by_department.setdefault(m.department or OTHER, []).append(
			{
				"name": m.name,
				"title": m.matter_name,
				"time_limit": g.time_limit_text(m.matter_type, m.promised_days),
				"no_visit": bool(m.no_visit_needed),
			}
		)
	departments = []
	for d in frappe.get_all("Hall Department", fields=["name", "room", "phone", "head"], order_by="name asc"):
		duties = frappe.get_all(
			"Department Duty",
			filters={"parent": d.name, "parenttype": "Hall Department"},
			fields=["duty", "first_responder"],
			order_by="idx asc",
		)
		matters_here = by_department.pop(d.name, [])
		if not matters_here and not duties:
			continue
		departments.append(
			{
				"name": d.name,
				"room": d.room or "",
				"phone": d.phone or "",
				"head": get_fullname(d.head) if d.head else "",
				"duties": [
					{
						"duty": row.duty,
						"responder": get_fullname(row.first_responder) if row.first_responder else "",
					}
					for row in duties
				],
				"matters": matters_here,
			}
		)
	rest = [item for items in by_department.values() for item in items]
	if rest:
		departments.append(
			{"name": OTHER, "room": "", "phone": "", "head": "", "duties": [], "matters": rest}
		)
	return departments


def guide(name: str) -> dict | None:
	"""The guide of one published matter; None when there is no such published matter."""
	if not isinstance(name, str) or not name or len(name) > 140:
		return None
	if not frappe.db.get_value(MATTER, {"name": name, "guide_published": 1}):
		return None
	m = frappe.get_doc(MATTER, name)
	facts = hall_facts()
	window = (
		frappe.db.get_value(
			"Service Window",
			m.window,
			["window_no", "window_name", "a_staff", "b_staff", "in_service"],
			as_dict=True,
		)
		if m.window
		else None
	)
	department = (
		frappe.db.get_value("Hall Department", m.department, ["room", "phone"], as_dict=True)
		if m.department
		else None
	)
	return {
		"name": m.name,
		"title": m.matter_name,
		"department": m.department or "",
		"room": (department or {}).get("room") or "",
		"department_phone": (department or {}).get("phone") or "",
		"basis": g.lines_of(m.get("guide_basis")),
		"conditions": g.lines_of(m.get("guide_conditions")),
		"process": g.lines_of(m.get("guide_process")),
		"materials": g.material_lines([row.as_dict() for row in m.materials], facts["rongque"]),
		"time_limit": g.time_limit_text(m.matter_type, m.promised_days),
		"fees": m.get("guide_fees") or g.NO_FEE,
		"no_visit": bool(m.no_visit_needed),
		"bookable": bool(not m.not_bookable and m.window and facts["online_booking"]),
		"window": window_text(window.window_no, window.window_name) if window else "",
		"posts": [
			f"{post}：{get_fullname(user)}"
			for post, user in (("A角", window and window.a_staff), ("B角", window and window.b_staff))
			if user
		],
		"updated_on": str(m.get("guide_updated_on") or frappe.utils.getdate(m.modified)),
		**facts,
	}
