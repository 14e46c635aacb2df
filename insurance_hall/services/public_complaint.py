"""The citizens' public complaint page: what it may show (window numbers and names, staff display names),
and registering what it sends, checked on the server. Nothing else leaves: the caller gets a reference
and the county's complaint phone."""

from __future__ import annotations

import frappe
from frappe.utils import now_datetime

from insurance_hall.rules import complaint as c
from insurance_hall.rules.catalogue import window_text
from insurance_hall.services import complaint

PUBLIC_PLACE = "网上投诉页面"


def choices() -> dict:
	"""Windows in service and their staff, by display name only: a staff member is chosen as
	"<window>:a" or "<window>:b", never by account."""
	windows = frappe.get_all(
		"Service Window",
		filters={"in_service": 1},
		fields=["window_no", "window_name", "a_staff", "b_staff"],
		order_by="window_no asc",
	)
	staff = []
	for window in windows:
		for post, user in (("a", window.a_staff), ("b", window.b_staff)):
			if user:
				name = frappe.utils.get_fullname(user)
				staff.append(
					{"value": f"{window.window_no}:{post}", "label": f"{name}（{window.window_no}号窗口）"}
				)
	return {
		"windows": [
			{"value": w.window_no, "label": window_text(w.window_no, w.window_name)} for w in windows
		],
		"staff": staff,
		"phone": complaint_phone(),
	}


def complaint_phone() -> str:
	return frappe.db.get_single_value("Hall Settings", "complaint_phone") or ""


def public_channel() -> str:
	name = frappe.db.get_value("Complaint Channel", {"public_page": 1}, "name")
	if not name:
		frappe.throw("本大厅暂未开通网上投诉，请拨打投诉电话")
	return name


def submit(data: dict) -> dict:
	errors = c.public_complaint_errors(data)
	window, staff = concerned(data.get("window"), data.get("staff"))
	if errors:
		frappe.throw("<br>".join(errors), title="提交未成功")
	anonymous = bool(data.get("anonymous"))
	doc = frappe.get_doc(
		{
			"doctype": complaint.COMPLAINT,
			"received_at": now_datetime(),
			"place": PUBLIC_PLACE,
			"channel": public_channel(),
			"anonymous": 1 if anonymous else 0,
			"complainant_name": None if anonymous else text(data.get("complainant_name")),
			"complainant_contact": None if anonymous else text(data.get("complainant_contact")),
			"window": window,
			"staff": staff,
			"content": text(data.get("content")),
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	leader = frappe.db.get_single_value("Hall Settings", "complaint_window_leader")
	for user in handlers() or ([leader] if leader else []):
		complaint.inbox.notify(
			complaint.COMPLAINT,
			doc.name,
			user,
			f"网上投诉页面收到新的“吐槽找茬”投诉 {doc.name}，请及时受理登记。",
		)
	return {"reference": doc.name, "phone": complaint_phone()}


def text(value) -> str | None:
	"""Stored as text: stripped, control characters removed; escaped wherever it is shown."""
	value = "".join(ch for ch in str(value or "") if ch in "\n\t" or ch.isprintable()).strip()
	return value or None


def concerned(window: str | None, staff: str | None) -> tuple[str | None, str | None]:
	"""The window and staff member a citizen chose from the page's lists; anything else is refused."""
	window_no = None
	user = None
	if staff:
		window_no, _, post = str(staff).partition(":")
		if post not in ("a", "b") or not frappe.db.exists(
			"Service Window", {"name": window_no, "in_service": 1}
		):
			frappe.throw("请从列表中选择工作人员", title="提交未成功")
		user = frappe.db.get_value("Service Window", window_no, f"{post}_staff")
		if not user:
			frappe.throw("请从列表中选择工作人员", title="提交未成功")
	if window:
		if not frappe.db.exists("Service Window", {"name": window, "in_service": 1}):
			frappe.throw("请从列表中选择窗口", title="提交未成功")
		window_no = window if not window_no or window_no == window else window_no
	return window_no, user


def handlers() -> list[str]:
	from insurance_hall.rules.roles import COMPLAINT_HANDLER

	return frappe.get_all(
		"Has Role",
		filters={
			"role": COMPLAINT_HANDLER,
			"parenttype": "User",
			"parent": ("not in", ("Administrator", "Guest")),
		},
		pluck="parent",
		distinct=True,
	)
