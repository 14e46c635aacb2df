"""The citizen's own thread: a reference and its proof open the state of one case, booking or complaint.
What leaves is what the citizen already knows or may know (state, dates, what is missing, where and whom
to call); never another citizen's data, a staff member's account or an internal note."""

from __future__ import annotations

import frappe
from frappe.utils import getdate, today

from insurance_hall.rules import track as t
from insurance_hall.rules.catalogue import window_text

FIELDS = {
	t.CASE: [
		"name",
		"status",
		"service_matter",
		"due_date",
		"closed_on",
		"rongque_promise_date",
		"window",
		"contact_phone",
		"id_number",
	],
	t.BOOKING: [
		"name",
		"status",
		"service_matter",
		"booking_date",
		"slot_time",
		"window",
		"contact_phone",
		"id_number",
	],
	t.COMPLAINT: ["name", "received_at", "closed_on", "outcome", "complainant_contact", "anonymous"],
}
TITLES = {t.CASE: "办件进度", t.BOOKING: "预约", t.COMPLAINT: "“吐槽找茬”投诉"}


def opened(reference: object, proof: object, title: str) -> tuple[str, dict]:
	"""(kind, row) of the record the reference and its proof open; the same refusal for a wrong proof, an
	unknown reference and an anonymous complaint."""
	error = t.proof_error(proof)
	if error:
		frappe.throw(error, title=title)
	name = t.normalise_reference(reference)
	kind = t.kind_of(name) if name else None
	row = frappe.db.get_value(kind, name, FIELDS[kind], as_dict=True) if kind else None
	phone = (row.get("contact_phone") or row.get("complainant_contact")) if row else None
	if not row or row.get("anonymous") or not t.proof_matches(str(proof), phone, row.get("id_number")):
		frappe.throw(t.NOT_FOUND, title=title)
	return kind, row


def lookup(reference: object, proof: object) -> dict:
	"""The thread of the record, or a refusal that reads the same for a wrong proof and an unknown reference."""
	kind, row = opened(reference, proof, "查询未成功")
	settings = frappe.get_cached_doc("Hall Settings")
	answer = {"reference": row.name, "kind": TITLES[kind], "window": "", "phone": ""}
	if kind == t.CASE:
		materials = frappe.get_all(
			"Hall Case Material",
			filters={"parent": row.name, "parenttype": t.CASE},
			fields=["material", "received"],
			order_by="idx asc",
		)
		answer["lines"] = t.case_lines(row, t.missing_materials(materials), getdate(today()))
	elif kind == t.BOOKING:
		from insurance_hall.rules import booking as b
		from insurance_hall.services.booking import schedule

		answer["lines"] = t.booking_lines(row)
		answer["phone"] = settings.get("appointment_phone") or ""
		# what the page offers on a booking still to come: cancel, and move where the county books online
		answer["booking"] = {
			"matter": row.service_matter,
			"open": row.status == b.BOOKED,
			"movable": row.status == b.BOOKED and b.ONLINE in schedule().channels,
		}
	else:
		answer["lines"] = t.complaint_lines(row)
		answer["phone"] = settings.get("complaint_phone") or ""
	if row.get("window"):
		window = frappe.db.get_value("Service Window", row.window, ["window_no", "window_name"], as_dict=True)
		answer["window"] = window_text(window.window_no, window.window_name) if window else ""
	answer["phone"] = (
		answer["phone"] or settings.get("appointment_phone") or settings.get("complaint_phone") or ""
	)
	return answer


def opt_out(reference: object, proof: object) -> dict:
	"""The citizen asks for no more messages about this record: the record's 不接收短信通知 is ticked (a
	preference of theirs, not the record's content, so it is set directly) and the timeline says so."""
	from insurance_hall.services import records

	kind, row = opened(reference, proof, "操作未成功")
	frappe.db.set_value(kind, row.name, "no_messages", 1, update_modified=False)
	records.timeline(kind, row.name, "申请人在进度查询页面要求不再接收短信通知")
	return {"reference": row.name, "no_messages": 1}
