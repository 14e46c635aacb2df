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
from insurance_hall.tests.factories import apply_shipped_profile, make_service_window, make_user, raw_rows
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
		raw_rows(
			"Hall Booking",
			[
				{
					"name": "MU-BOOKING-1",
					"status": "已取消",
					"channel": "电话",
					"applicant_name": "王预约",
					"contact_phone": "13700000001",
					"booking_date": today(),
					"slot_time": "10:00:00",
					"window": window,
				}
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

	def test_every_guest_method_and_resource_as_a_stranger(self):
		"""The public pages' methods and Frappe's REST paths, called by a visitor who is not logged in, with
		missing, malformed, oversized and foreign arguments, from a phone set to Chinese and one set to
		English: a 4xx in Chinese every time, never a traceback, and nothing anywhere changed."""
		from insurance_hall.tests.factories import make_rating_token, make_served_case, make_service_matter
		from insurance_hall.tests.utils import GuestClient

		apply_shipped_profile("default")
		clerk = make_user("mu.guest@example.com", WINDOW_STAFF)
		window = make_service_window("误3", a_staff=clerk)
		matter = "误用测试·异地就医备案"
		frappe.delete_doc("Service Matter", matter, force=True, ignore_permissions=True, ignore_missing=True)
		make_service_matter(matter, window=window, materials=[{"material": "身份证"}])
		case = make_served_case(clerk, window, applicant_name="王评价")
		other_case = make_served_case(clerk, window, applicant_name="李评价")
		token = make_rating_token("Hall Case", case)
		raw_rows(
			"Hall Booking",
			[
				{
					"name": "MU-BOOKING-2",
					"status": "已预约",
					"channel": "网上",
					"applicant_name": "王预约",
					"contact_phone": "13700000001",
					"booking_date": add_days(today(), 1),
					"slot_time": "10:00:00",
					"window": window,
					"service_matter": matter,
				}
			],
		)
		frappe.db.commit()
		tables = (
			"Hall Booking",
			"Hall Complaint",
			"Hall Rating",
			"Booking Bar",
			"Complaint Referral",
			"ToDo",
		)

		def state() -> str:
			frappe.db.rollback()
			return frappe.as_json(
				{
					"counts": {t: frappe.db.count(t) for t in tables},
					"booking": frappe.get_doc("Hall Booking", "MU-BOOKING-2").as_dict(),
					"rated": frappe.db.exists("Hall Rating", {"reference_name": ("in", (case, other_case))}),
				}
			)

		try:
			before = state()
			count = 0
			for language in ("zh-CN,zh;q=0.9", "en-US,en;q=0.9"):
				guest = GuestClient(language)
				for label, call, expected in guest_attempts(token, case, other_case, matter, window):
					frappe.cache.delete_keys("rl:")
					with self.subTest(language=language, attempt=label):
						response = call(guest)
						self.assertTrue(400 <= response.status < 500, f"{label}: {response.text[:400]}")
						self.assertTrue(CJK.search(response.message), f"{label}: {response.text[:400]}")
						self.assertNotIn("Traceback", response.text, label)
						self.assertNotIn("exc", response.json, label)
						if expected:
							self.assertIn(expected, response.message, label)
						self.assertEqual(state(), before, f"{label} changed something")
					count += 1
			MisuseCase.tried += count
			self.assertGreaterEqual(count, 80)
		finally:
			frappe.db.rollback()
			frappe.cache.delete_keys("rl:")
			frappe.db.delete("Hall Booking", {"name": "MU-BOOKING-2"})
			frappe.db.delete("Hall Rating", {"reference_name": ("in", (case, other_case))})
			frappe.delete_doc("Service Matter", matter, force=True, ignore_permissions=True)
			apply_shipped_profile("default")
			frappe.db.commit()

	def test_zz_the_suite_tries_at_least_a_hundred_ways(self):
		"""Runs last (by name): the attempts above, counted."""
		if MisuseCase.tried:
			print(
				f"misuse: {MisuseCase.tried} attempts, each refused with a Chinese message, nothing changed"
			)
			self.assertGreaterEqual(MisuseCase.tried, 100)


# ---------------------------------------------------------------- the guest's paths

G = "insurance_hall.api."


def post(method: str, args: dict) -> Callable[[RestClient], Response]:
	return lambda c: c.call(method, args)


def get(method: str, args: dict) -> Callable[[RestClient], Response]:
	return lambda c: c.call_get(method, args)


def guest_attempts(token: str, case: str, other_case: str, matter: str, window: str):
	"""(label, call, expected text or "") for a visitor: each public method with each kind of bad argument,
	someone else's booking and rating link, and Frappe's REST paths onto the hall's records."""
	booking = {
		"matter": matter,
		"day": add_days(today(), 1),
		"slot": "10:00",
		"applicant_name": "王预约",
		"phone": "13700000002",
	}
	zero_width = "\u200b\u200b\u200b"
	book_cases = [
		("book: nothing", {}, "预约事项"),
		("book: unknown matter", {**booking, "matter": "<script>alert(1)</script>"}, "不接受预约"),
		("book: matter as a list", {**booking, "matter": [matter]}, "预约事项"),
		("book: day -1", {**booking, "day": "-1"}, "日期"),
		("book: day 2026-13-45", {**booking, "day": "2026-13-45"}, "日期"),
		("book: slot -10:00", {**booking, "slot": "-10:00"}, "预约时段"),
		("book: slot 25:00", {**booking, "slot": "25:00"}, "预约时段"),
		("book: name of zero-width spaces", {**booking, "applicant_name": zero_width}, "姓名"),
		("book: a 10 KB name", {**booking, "applicant_name": "长" * 10000}, "姓名"),
		("book: a name as a dict", {**booking, "applicant_name": {"a": 1}}, "姓名"),
		("book: phone 123", {**booking, "phone": "123"}, "电话"),
		("book: phone of letters", {**booking, "phone": "abcdefghijk"}, "电话"),
		("book: a bad id number", {**booking, "id_number": "11010119900307457X"}, "身份证"),
		("book: a 10 KB note", {**booking, "note": "注" * 10000}, "备注"),
	]
	found = [(label, post(G + "booking.book", args), expected) for label, args, expected in book_cases]
	cancel_cases = [
		("cancel_own: nothing", {}, "预约编号"),
		(
			"cancel_own: someone else's booking",
			{"reference": "MU-BOOKING-2", "phone": "13700000009"},
			"找不到",
		),
		("cancel_own: no phone", {"reference": "MU-BOOKING-2"}, "联系电话"),
		("cancel_own: a 1 KB reference", {"reference": "X" * 1000, "phone": "13700000001"}, "预约编号"),
		("cancel_own: reference as a list", {"reference": ["MU-BOOKING-2"], "phone": "13700000001"}, ""),
	]
	found += [
		(label, post(G + "booking.cancel_own", args), expected) for label, args, expected in cancel_cases
	]
	slot_cases = [
		("free_slots: nothing", {}, "预约事项"),
		("free_slots: unknown matter", {"matter": "无此事项", "day": today()}, "不接受预约"),
		("free_slots: a bad day", {"matter": matter, "day": "明天"}, "日期"),
		("free_slots: a 1 KB day", {"matter": matter, "day": "9" * 1000}, "预约日期"),
	]
	found += [(label, get(G + "booking.free_slots", args), expected) for label, args, expected in slot_cases]
	body = token.partition(".")[0]
	rate_cases = [
		("rate: nothing", {}, ""),
		("rate: a token in Chinese", {"token": "评价令牌", "level": "满意"}, ""),
		("rate: a forged token", {"token": body + ".0000", "level": "满意"}, ""),
		("rate: a level not on the scale", {"token": token, "level": "很棒"}, ""),
		("rate: bad without a reason", {"token": token, "level": "不满意"}, "差评原因"),
		("rate: reasons not JSON", {"token": token, "level": "不满意", "bad_reasons": "[不是"}, ""),
		(
			"rate: a reason not listed",
			{"token": token, "level": "不满意", "bad_reasons": ["太慢了"]},
			"不在原因清单中",
		),
		("rate: another case", {"token": token, "level": "满意", "reference_name": other_case}, ""),
		("rate: phone 123", {"token": token, "level": "满意", "rater_phone": "123"}, "电话"),
		("rate: a 10 KB suggestion", {"token": token, "level": "满意", "suggestion": "建" * 10000}, ""),
	]
	found += [(label, post(G + "rating.submit", args), expected) for label, args, expected in rate_cases]
	found += [
		("view: nothing", lambda c: c.call_get(G + "rating.view", {}), ""),
		("view: a token in Chinese", lambda c: c.call_get(G + "rating.view", {"token": "评价令牌"}), ""),
		("view: a forged token", lambda c: c.call_get(G + "rating.view", {"token": body + ".0000"}), ""),
	]
	track_cases = [
		("track: nothing", {}, "电话号码的后四位"),
		("track: someone else's booking", {"reference": "YY-2026-99999", "proof": "0009"}, "未查到"),
		("track: the booking with a wrong proof", {"reference": "MU-BOOKING-2", "proof": "0009"}, "未查到"),
		("track: a reference as a list", {"reference": ["BJ-2026-00001"], "proof": "0001"}, "未查到"),
		("track: a proof of letters", {"reference": "BJ-2026-00001", "proof": "abcd"}, "电话号码的后四位"),
		("track: a 1 KB reference", {"reference": "B" * 1000, "proof": "0001"}, "未查到"),
	]
	found += [(label, post(G + "track.lookup", args), expected) for label, args, expected in track_cases]
	own_cases = [
		(
			"move: someone else's booking",
			"track.move_booking",
			{"reference": "MU-BOOKING-2", "proof": "0009"},
			"",
		),
		(
			"move: a wrong proof",
			"track.move_booking",
			{"reference": "YY-2026-99999", "proof": "0001", "day": today(), "slot": "10:00"},
			"未查到",
		),
		(
			"move: a slot of -10:00",
			"track.move_booking",
			{"reference": "YY-2026-99999", "proof": "0001", "day": today(), "slot": "-10:00"},
			"预约时段",
		),
		(
			"cancel: a wrong proof",
			"track.cancel_booking",
			{"reference": "YY-2026-99999", "proof": "0001"},
			"未查到",
		),
		(
			"cancel: a proof as a list",
			"track.cancel_booking",
			{"reference": "YY-2026-99999", "proof": ["0001"]},
			"后四位",
		),
	]
	found += [(label, post(G + method, args), expected) for label, method, args, expected in own_cases]
	complaint = {"content": "窗口让我来回跑了三趟", "complainant_contact": "13700000003"}
	complaint_cases = [
		("complain: nothing", {}, ""),
		("complain: blank content", {**complaint, "content": "   "}, "反映的问题"),
		("complain: 2001 characters", {**complaint, "content": "长" * 2001}, "2000"),
		("complain: an unknown window", {**complaint, "window": "<script>"}, "窗口"),
		("complain: an unknown staff member", {**complaint, "staff": f"{window}:z"}, "工作人员"),
		("complain: contact 123", {**complaint, "complainant_contact": "123"}, "电话"),
		("complain: content as a dict", {**complaint, "content": {"x": 1}}, "格式不正确"),
	]
	found += [
		(label, post(G + "complaint.submit_public", args), expected)
		for label, args, expected in complaint_cases
	]
	found += [
		("REST: read the booking", lambda c: c.get("Hall Booking", "MU-BOOKING-2"), ""),
		("REST: list complaints", lambda c: c.get_list("Hall Complaint"), ""),
		(
			"REST: change the booking",
			lambda c: c.update("Hall Booking", "MU-BOOKING-2", {"status": "已取消"}),
			"",
		),
		("REST: delete the booking", lambda c: c.delete("Hall Booking", "MU-BOOKING-2"), ""),
		("REST: insert a booking", lambda c: c.insert("Hall Booking", {"applicant_name": "王"}), ""),
		("REST: insert a rating", lambda c: c.insert("Hall Rating", {"level": "满意"}), ""),
		("REST: insert a complaint", lambda c: c.insert("Hall Complaint", {"content": "x"}), ""),
		(
			"set_value on the booking",
			lambda c: c.call(
				"frappe.client.set_value",
				{"doctype": "Hall Booking", "name": "MU-BOOKING-2", "fieldname": "status", "value": "已取消"},
			),
			"",
		),
		(
			"get_value of a complainant",
			lambda c: c.call(
				"frappe.client.get_value",
				{"doctype": "Hall Complaint", "fieldname": "complainant_contact", "filters": {}},
			),
			"",
		),
		(
			"staff cancel as a guest",
			lambda c: c.call(G + "booking.cancel", {"name": "MU-BOOKING-2", "reason": "x"}),
			"",
		),
		(
			"the rating invite as a guest",
			lambda c: c.call(G + "rating.invite", {"doctype": "Hall Case", "name": case}),
			"",
		),
	]
	return found
