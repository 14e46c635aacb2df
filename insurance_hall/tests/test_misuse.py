"""A suite that tries to break the hall's records, as the wrong user and as the right one outside an action,
through every write path Frappe has: REST PUT and DELETE, `frappe.client.set_value` / `save` / `insert` /
`delete` / `rename_doc` / `cancel` / `submit`, the Desk's `savedocs`, `bulk_update`, child rows inserted or
changed on their own. Each attempt must be refused with a Chinese message (never a traceback), and the
record must be exactly as it was, children included.

The attempts are generated from one table of targets (`TARGETS`): per managed field, four paths; per trail
table, three; per record, four. `test_the_suite_tries_at_least_a_hundred_ways` counts them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import frappe
from frappe.utils import add_days, now_datetime, today

from insurance_hall.rules.roles import HALL_ADMIN, RECORDS, WINDOW_STAFF
from insurance_hall.tests.factories import apply_shipped_profile, make_service_window, make_user
from insurance_hall.tests.utils import IntegrationTestCase, Response, RestClient

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Target:
	"""One record under attack: who attacks, which fields, which child tables."""

	doctype: str
	name: str
	user: str
	fields: dict[str, object]
	tables: dict[str, str] = field(default_factory=dict)  # table fieldname -> child DocType
	expected: tuple[str, ...] = ()  # any of these in the message (besides the Chinese check)
	# delete, rename and cancel: refused for a record the hall keeps; a county calendar is the admin's to
	# remove (only its confirmation is an action)
	whole_record: bool = True


# ---------------------------------------------------------------- the write paths


def _doc(t: Target) -> dict:
	frappe.db.rollback()
	return json.loads(frappe.as_json(frappe.get_doc(t.doctype, t.name).as_dict()))


def field_paths(t: Target, fieldname: str, value) -> list[tuple[str, Callable[[RestClient], Response]]]:
	def put(c):
		return c.update(t.doctype, t.name, {fieldname: value})

	def set_value(c):
		return c.call(
			"frappe.client.set_value",
			{"doctype": t.doctype, "name": t.name, "fieldname": fieldname, "value": value},
		)

	def client_save(c):
		return c.call("frappe.client.save", {"doc": {**_doc(t), fieldname: value}})

	def savedocs(c):
		return c.call(
			"frappe.desk.form.save.savedocs",
			{
				"doc": json.dumps({**_doc(t), fieldname: value}),
				"action": "Update" if _doc(t)["docstatus"] == 1 else "Save",
			},
		)

	return [
		(f"PUT {fieldname}", put),
		(f"set_value {fieldname}", set_value),
		(f"client.save {fieldname}", client_save),
		(f"savedocs {fieldname}", savedocs),
	]


def table_paths(t: Target, table: str, child: str) -> list[tuple[str, Callable[[RestClient], Response]]]:
	def insert_row(c):
		return c.call(
			"frappe.client.insert",
			{"doc": {"doctype": child, "parent": t.name, "parenttype": t.doctype, "parentfield": table}},
		)

	def change_row(c):
		rows = _doc(t)[table]
		row = rows[0]["name"] if rows else "none"
		meta = frappe.get_meta(child)
		data = next(df.fieldname for df in meta.fields if df.fieldtype in ("Data", "Small Text", "Text"))
		return c.call(
			"frappe.client.set_value", {"doctype": child, "name": row, "fieldname": data, "value": "改写"}
		)

	def empty_table(c):
		return c.update(t.doctype, t.name, {table: []})

	return [
		(f"insert {child}", insert_row),
		(f"set_value {child}", change_row),
		(f"PUT {table}=[]", empty_table),
	]


def record_paths(t: Target) -> list[tuple[str, Callable[[RestClient], Response]]]:
	return [
		("DELETE", lambda c: c.delete(t.doctype, t.name)),
		("client.delete", lambda c: c.call("frappe.client.delete", {"doctype": t.doctype, "name": t.name})),
		(
			"rename_doc",
			lambda c: c.call(
				"frappe.client.rename_doc",
				{"doctype": t.doctype, "old_name": t.name, "new_name": f"{t.name}-X"},
			),
		),
		("client.cancel", lambda c: c.call("frappe.client.cancel", {"doctype": t.doctype, "name": t.name})),
	]


def attempts(t: Target) -> list[tuple[str, Callable[[RestClient], Response]]]:
	found = []
	for fieldname, value in t.fields.items():
		found += field_paths(t, fieldname, value)
	for table, child in t.tables.items():
		found += table_paths(t, table, child)
	return found + (record_paths(t) if t.whole_record else [])


# ---------------------------------------------------------------- the attack


class MisuseCase(IntegrationTestCase):
	tried = 0

	def snapshot(self, t: Target) -> str:
		frappe.db.rollback()
		if not frappe.db.exists(t.doctype, t.name):
			return "gone"
		return frappe.as_json(frappe.get_doc(t.doctype, t.name).as_dict())

	def attack(self, t: Target) -> int:
		client = RestClient(t.user)
		before = self.snapshot(t)
		count = 0
		for label, attempt in attempts(t):
			with self.subTest(doctype=t.doctype, path=label):
				response = attempt(client)
				self.assertGreaterEqual(response.status, 400, f"{label}: {response.text[:400]}")
				self.assertTrue(
					CJK.search(response.message), f"{label}: {response.status} {response.text[:600]}"
				)
				self.assertNotIn("Traceback", response.text, label)
				if t.expected and label.split()[0] in ("PUT", "set_value", "client.save", "savedocs"):
					self.assertTrue(
						any(text in response.message for text in t.expected),
						f"{label}: {response.message[:300]}",
					)
				self.assertEqual(self.snapshot(t), before, f"{label} changed the record")
			count += 1
		MisuseCase.tried += count
		return count


class TestMisuse(MisuseCase):
	"""Every hall form, attacked."""

	def test_a_case_the_clerk_holds(self):
		from insurance_hall.insurance_hall.doctype.hall_case.test_hall_case import CaseWorld

		w = CaseWorld()
		name = w.accepted_promised_case()
		for user in (w.clerk, w.other_clerk):
			n = self.attack(
				Target(
					"Hall Case",
					name,
					user,
					{"due_date": add_days(today(), 30), "status": "已办结", "department": w.other_department},
					{"steps": "Hall Case Step", "materials": "Hall Case Material"},
					("只能通过", "办结期限", "权限", "不能", "无权"),
				)
			)
			self.assertGreaterEqual(n, 22)

	def test_a_refusal_sheet_waiting_for_its_approver(self):
		from insurance_hall.tests.refusal_world import RefusalWorld

		w = RefusalWorld(tag="mu")
		try:
			name = w.file()
			for user in (w.clerk, w.head):
				self.attack(
					Target(
						"Refusal Sheet",
						name,
						user,
						{"workflow_state": "已解决", "refusal_reason": "改写的理由"},
						{"steps": "Refusal Sheet Step", "levels": "Refusal Sheet Level"},
						("审批", "不能修改", "权限", "只能通过", "无权"),
					)
				)
		finally:
			w.cleanup()

	def test_a_complaint_its_referral_and_the_signed_summary(self):
		from insurance_hall.tests.complaint_world import ComplaintWorld

		w = ComplaintWorld(tag="mu")
		try:
			name = w.complaint()
			response = w.refer(name)
			self.assertEqual(response.status, 200, response.text[:300])
			referral = w.referral_of(name)
			for user in (w.handler, w.staff):
				self.attack(
					Target(
						"Hall Complaint",
						name,
						user,
						{"found_true": 1, "outcome": "按时解决", "handler_signed_at": str(now_datetime())},
						expected=("只能通过", "权限", "不能", "无权"),
					)
				)
			for user in (w.head, w.staff):
				self.attack(
					Target(
						"Complaint Referral",
						referral,
						user,
						{"measures": "已解决", "receiver": w.staff, "solved": "按时解决"},
						expected=("承办单只能通过", "权限", "不能", "无权"),
					)
				)
		finally:
			w.cleanup()

	def test_a_signed_delay_record_a_booking_bar_and_a_confirmed_calendar(self):
		apply_shipped_profile("yinan")
		clerk = make_user("mu.delay@example.com", WINDOW_STAFF)
		records_officer = make_user("mu.records@example.com", RECORDS)
		admin = make_user("mu.admin@example.com", HALL_ADMIN)
		window = make_service_window("误1", a_staff=clerk)
		frappe.db.commit()
		c = RestClient(clerk)
		response = c.insert(
			"Delay Service Record",
			{
				"service_date": today(),
				"window": window,
				"served_until": "18:15:00",
				"matter_text": "职工医保关系转移接续",
				"citizen_name": "李延时",
				"citizen_phone": "13900002222",
				"handling_result": "已办结",
				"satisfaction": "满意",
				"citizen_confirmation": "屏幕签名",
				"citizen_signature": "data:image/png;base64,iVBORw0KGgo=",
			},
		)
		self.assertEqual(response.status, 200, response.text[:400])
		record = response.json["data"]["name"]
		confirmed = c.call("insurance_hall.api.delay_service.confirm_handler", {"name": record})
		self.assertEqual(confirmed.status, 200, confirmed.text[:400])
		try:
			for user in (clerk, records_officer):
				self.attack(
					Target(
						"Delay Service Record",
						record,
						user,
						{"satisfaction": "不满意", "citizen_name": "王冒名", "handler_confirmed": 0},
						expected=("只能通过", "权限", "不能", "无权"),
					)
				)
			bar = frappe.get_doc(
				{
					"doctype": "Booking Bar",
					"id_number": "110101199003074578",
					"no_shows": 3,
					"barred_on": today(),
					"status": "限制中",
				}
			)
			bar.flags.hall_action = True
			bar.insert(ignore_permissions=True)
			frappe.db.commit()
			self.attack(
				Target(
					"Booking Bar",
					bar.name,
					admin,
					{"status": "已解除", "no_shows": 0},
					expected=("解除限制", "权限", "无权"),
				)
			)
		finally:
			frappe.db.rollback()
			frappe.db.delete("ToDo", {"reference_name": record})
			frappe.db.delete("Delay Service Record", {"name": record})
			frappe.db.delete("Booking Bar", {"id_number": "110101199003074578"})
			apply_shipped_profile("default")
			frappe.db.commit()

	def test_a_rating_a_cancelled_booking_and_a_confirmed_calendar(self):
		"""Rows written as the services leave them (bulk, no hooks), then attacked as their users."""
		apply_shipped_profile("yinan")
		clerk = make_user("mu.rated@example.com", WINDOW_STAFF)
		admin = make_user("mu.caladmin@example.com", HALL_ADMIN)
		window = make_service_window("误2", a_staff=clerk)
		now = now_datetime()
		meta = ["creation", "modified", "owner", "modified_by", "docstatus"]
		frappe.db.bulk_insert(
			"Hall Rating",
			["name", *meta, "staff", "window", "level", "is_bad", "state", "service_date", "channel"],
			[
				(
					"MU-RATING-1",
					now,
					now,
					"Administrator",
					"Administrator",
					0,
					clerk,
					window,
					"不满意",
					1,
					"待核实",
					today(),
					"链接或二维码",
				)
			],
		)
		frappe.db.bulk_insert(
			"Hall Booking",
			[
				"name",
				*meta,
				"status",
				"channel",
				"applicant_name",
				"contact_phone",
				"booking_date",
				"slot_time",
				"window",
			],
			[
				(
					"MU-BOOKING-1",
					now,
					now,
					"Administrator",
					"Administrator",
					0,
					"已取消",
					"电话",
					"王预约",
					"13700000001",
					today(),
					"10:00:00",
					window,
				)
			],
		)
		calendar = frappe.get_doc({"doctype": "Work Calendar", "year": 2095}).insert(ignore_permissions=True)
		frappe.db.set_value(
			"Work Calendar", calendar.name, {"national_confirmed": 1, "confirmed_by": "Administrator"}
		)
		frappe.db.commit()
		try:
			self.attack(
				Target(
					"Hall Rating",
					"MU-RATING-1",
					clerk,
					{"level": "满意", "state": "不予采纳"},
					expected=("不能修改", "无权", "权限"),
				)
			)
			self.attack(
				Target(
					"Hall Booking",
					"MU-BOOKING-1",
					clerk,
					{"status": "已预约", "slot_time": "11:00:00"},
					expected=("不能再修改", "无权", "权限"),
				)
			)
			self.attack(
				Target(
					"Work Calendar",
					calendar.name,
					admin,
					{"national_confirmed": 0, "confirmed_by": admin},
					expected=("确认国务院放假安排", "无权", "权限"),
					whole_record=False,
				)
			)
		finally:
			frappe.db.rollback()
			frappe.db.delete("Hall Rating", {"name": "MU-RATING-1"})
			frappe.db.delete("Hall Booking", {"name": "MU-BOOKING-1"})
			frappe.db.delete("Work Calendar", {"name": calendar.name})
			apply_shipped_profile("default")
			frappe.db.commit()

	def test_zz_the_suite_tries_at_least_a_hundred_ways(self):
		"""Runs last (by name): the attempts above, counted."""
		if MisuseCase.tried:
			print(
				f"misuse: {MisuseCase.tried} attempts, each refused with a Chinese message, nothing changed"
			)
			self.assertGreaterEqual(MisuseCase.tried, 100)
