"""The hall's queue (排队叫号) through the REST API and the public pages' guest methods: numbers per day and
prefix, two windows calling at once, who may call at a window (A/B posts and stand-ins), transfer, a
ticket from yesterday, the hall's screen and its token, the managed ticket, a kiosk flooding numbers, and a
call opening the citizen's case. Each misuse refused in Chinese with nothing changed.

002 沂南: "配备具有显示办理顺序功能的叫号系统".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from threading import Barrier, Thread
from unittest.mock import patch

import frappe

from insurance_hall.api.public import TOO_MANY
from insurance_hall.rules import queue as q
from insurance_hall.setup.permissions import HALL_ADMIN, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_department,
	make_service_matter,
	make_service_window,
	make_substitute_assignment,
	make_user,
	raw_rows,
)
from insurance_hall.tests.utils import GuestClient, IntegrationTestCase, RestClient

DT = "Hall Queue Ticket"
API = "insurance_hall.api.queue."
NOW = datetime(2026, 12, 29, 10, 0)
SHARED = "排队测试·参保登记"  # served by windows 91 and 92 (their department's, no window of its own)
OWN = "排队测试·异地备案"  # served at window 93 alone
TOKEN = "hall-screen-2026"


class TestQueue(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("default")
		cls.clerk1 = make_user("q.clerk1@example.com", WINDOW_STAFF, first_name="叫号甲")
		cls.clerk2 = make_user("q.clerk2@example.com", WINDOW_STAFF, first_name="叫号乙")
		cls.clerk3 = make_user("q.clerk3@example.com", WINDOW_STAFF, first_name="叫号丙")
		cls.outsider = make_user("q.outsider@example.com", WINDOW_STAFF, first_name="无窗口")
		cls.admin = make_user("q.admin@example.com", HALL_ADMIN)
		make_hall_department("排队测试科")
		make_hall_department("排队测试二科")
		cls.w1 = make_service_window("91", department="排队测试科", a_staff=cls.clerk1)
		cls.w2 = make_service_window("92", department="排队测试科", a_staff=cls.clerk2)
		cls.w3 = make_service_window("93", department="排队测试二科", a_staff=cls.clerk3)
		make_service_matter(SHARED, department="排队测试科", queue_prefix="QA")
		make_service_matter(OWN, department="排队测试二科", window=cls.w3, queue_prefix="QB")
		settings = frappe.get_single("Hall Settings")
		settings.queue_display_token = TOKEN
		settings.save(ignore_permissions=True)
		frappe.db.commit()
		cls.clock = [NOW]
		cls.patches = [patch("insurance_hall.services.queue.now", side_effect=lambda: cls.clock[0])]
		for p in cls.patches:
			p.start()
		cls.clients = {}

	@classmethod
	def tearDownClass(cls):
		for p in cls.patches:
			p.stop()
		cls.clean()
		super().tearDownClass()

	@classmethod
	def clean(cls):
		frappe.db.rollback()  # see what the request threads committed
		names = frappe.get_all(DT, filters={"service_matter": ("in", (SHARED, OWN))}, pluck="name")
		if names:
			frappe.db.delete("Comment", {"reference_doctype": DT, "reference_name": ("in", names)})
			frappe.db.delete(DT, {"name": ("in", names)})
		cases = frappe.get_all("Hall Case", filters={"service_matter": ("in", (SHARED, OWN))}, pluck="name")
		if cases:
			frappe.db.delete("Hall Case Step", {"parent": ("in", cases)})
			frappe.db.delete("Hall Case Material", {"parent": ("in", cases)})
			frappe.db.delete("Hall Case", {"name": ("in", cases)})
		frappe.db.delete("Hall Booking", {"service_matter": ("in", (SHARED, OWN))})
		frappe.db.delete("Series", {"name": ("like", "PH2026%Q%")})
		frappe.db.delete("Substitute Assignment", {"absent_user": cls.clerk1})
		frappe.cache.delete_keys("rl:")
		frappe.db.commit()

	def setUp(self):
		self.clock[0] = NOW
		self.clean()

	def client(self, user: str | None) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user) if user else GuestClient()
		return self.clients[user]

	def take(self, matter: str = SHARED, **values) -> str:
		from insurance_hall.services import queue

		name = queue.issue(matter, **values).name
		frappe.db.commit()
		return name

	def ticket(self, name: str) -> frappe._dict:
		frappe.db.rollback()
		return frappe.db.get_value(
			DT, name, ["status", "window", "called_by", "transfers", "hall_case"], as_dict=True
		)

	# ---------------------------------------------------------------- numbers

	def test_numbers_restart_each_day_and_per_prefix(self):
		first = self.client(None).call(API + "take_number", {"matter": SHARED, "device": "kiosk-1"})
		self.assertEqual(first.status, 200, first.text)
		self.assertEqual(first.json["message"]["ticket"], "QA001")
		self.assertEqual(first.json["message"]["ahead"], 0)
		second = self.client(None).call(API + "take_number", {"matter": SHARED, "device": "kiosk-1"})
		self.assertEqual(second.json["message"]["ticket"], "QA002")
		self.assertEqual(second.json["message"]["ahead"], 1)
		other = self.client(None).call(API + "take_number", {"matter": OWN, "device": "kiosk-1"})
		self.assertEqual(other.json["message"]["ticket"], "QB001")  # another prefix, its own count
		self.clock[0] = NOW + timedelta(days=1)
		tomorrow = self.client(None).call(API + "take_number", {"matter": SHARED, "device": "kiosk-1"})
		self.assertEqual(tomorrow.json["message"]["ticket"], "QA001")  # a new day, from 1 again
		self.assertNotEqual(tomorrow.json["message"]["name"], first.json["message"]["name"])

	def test_a_bad_matter_or_group_is_refused_in_chinese(self):
		bad = self.client(None).call(API + "take_number", {"matter": "不存在的事项", "device": "k"})
		self.assertNotEqual(bad.status, 200)
		self.assertIn("找不到事项“不存在的事项”", bad.message)
		jump = self.client(None).call(API + "take_number", {"matter": SHARED, "group": "熟人", "device": "k"})
		self.assertIn("“熟人”不是本大厅的绿色通道对象", jump.message)
		frappe.db.rollback()
		self.assertFalse(frappe.db.exists(DT, {"service_matter": SHARED}))

	def test_the_green_channel_is_called_before_earlier_arrivals(self):
		early = self.take()
		old = self.take(priority_group="老年人")
		answer = self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		self.assertEqual(answer.json["message"]["name"], old)
		self.assertEqual(self.ticket(early).status, q.WAITING)

	# ---------------------------------------------------------------- calling

	def test_two_windows_calling_at_once_never_get_the_same_ticket(self):
		tickets = [self.take() for _ in range(6)]
		got: dict[str, list[str]] = {self.clerk1: [], self.clerk2: []}
		clients = {user: self.client(user) for user in got}  # logged in before the race
		for _round in range(3):
			barrier = Barrier(2)

			def call(user, window, barrier=barrier):
				barrier.wait()
				answer = clients[user].call(API + "call_next", {"window": window})
				self.assertEqual(answer.status, 200, answer.text)
				got[user].append(answer.json["message"]["name"])

			threads = [
				Thread(target=call, args=(self.clerk1, self.w1)),
				Thread(target=call, args=(self.clerk2, self.w2)),
			]
			for thread in threads:
				thread.start()
			for thread in threads:
				thread.join()
			for user, window in ((self.clerk1, self.w1), (self.clerk2, self.w2)):
				done = self.client(user).call(
					API + "act", {"name": got[user][-1], "window": window, "action": q.FINISH}
				)
				self.assertEqual(done.status, 200, done.text)
		called = got[self.clerk1] + got[self.clerk2]
		self.assertEqual(sorted(called), sorted(tickets))  # each ticket once, none twice
		frappe.db.rollback()
		for name in got[self.clerk1]:
			self.assertEqual(frappe.db.get_value(DT, name, "window"), self.w1)
		for name in got[self.clerk2]:
			self.assertEqual(frappe.db.get_value(DT, name, "window"), self.w2)

	def test_calling_at_a_window_the_worker_does_not_hold_is_refused(self):
		name = self.take()
		answer = self.client(self.outsider).call(API + "call_next", {"window": self.w1})
		self.assertEqual(answer.status, 403, answer.text)
		self.assertIn("您不是 91 号窗口今日的在岗人员（在岗：叫号甲），不能在该窗口叫号", answer.message)
		picked = self.client(self.clerk2).call(API + "pick", {"name": name, "window": self.w1})
		self.assertEqual(picked.status, 403)
		self.assertEqual(self.ticket(name).status, q.WAITING)
		self.assertIsNone(self.ticket(name).window)

	def test_a_stand_in_calls_for_the_absent_post_and_the_absent_one_does_not(self):
		make_substitute_assignment(self.clerk1, self.outsider, "2026-12-28", "2026-12-31")
		frappe.db.commit()
		name = self.take()
		refused = self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		self.assertEqual(refused.status, 403)
		self.assertIn("在岗：无窗口", refused.message)
		answer = self.client(self.outsider).call(API + "call_next", {"window": self.w1})
		self.assertEqual(answer.status, 200, answer.text)
		self.assertEqual(answer.json["message"]["name"], name)
		self.assertEqual(self.ticket(name).called_by, self.outsider)

	def test_a_window_serves_one_citizen_at_a_time_and_another_window_keeps_off(self):
		first, second = self.take(), self.take()
		self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		again = self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		self.assertIn("91 号窗口的 QA001 号尚未办结", again.message)
		self.assertEqual(self.ticket(second).status, q.WAITING)
		foreign = self.client(self.clerk2).call(
			API + "act", {"name": first, "window": self.w2, "action": q.FINISH}
		)
		self.assertIn("QA001 号由 91 号窗口办理，本窗口（92 号）不能操作", foreign.message)
		self.assertEqual(self.ticket(first).status, q.CALLED)

	def test_hold_recall_no_show_and_finish(self):
		name = self.take()
		c = self.client(self.clerk1)
		c.call(API + "call_next", {"window": self.w1})
		for action, status in ((q.HOLD, q.HELD), (q.RECALL, q.CALLED), (q.MISS, q.NO_SHOW)):
			answer = c.call(API + "act", {"name": name, "window": self.w1, "action": action})
			self.assertEqual(answer.status, 200, answer.text)
			self.assertEqual(self.ticket(name).status, status)
		late = c.call(API + "act", {"name": name, "window": self.w1, "action": q.FINISH})
		self.assertIn("QA001 号当前为“过号”，不能办结", late.message)
		c.call(API + "act", {"name": name, "window": self.w1, "action": q.RECALL})
		c.call(API + "act", {"name": name, "window": self.w1, "action": q.START})
		done = c.call(API + "act", {"name": name, "window": self.w1, "action": q.FINISH})
		self.assertEqual(done.status, 200, done.text)
		frappe.db.rollback()
		row = frappe.db.get_value(DT, name, ["status", "recalls", "finished_at", "served_at"], as_dict=True)
		self.assertEqual((row.status, row.recalls), (q.DONE, 2))
		self.assertTrue(row.finished_at and row.served_at)

	def test_a_transfer_to_a_window_not_serving_the_matter_is_refused(self):
		waiting = self.take()
		name = self.take()
		c = self.client(self.clerk1)
		c.call(API + "pick", {"name": name, "window": self.w1})
		refused = c.call(
			API + "act", {"name": name, "window": self.w1, "action": q.TRANSFER, "target": self.w3}
		)
		self.assertNotEqual(refused.status, 200)
		self.assertIn(f"93 号窗口不办理“{SHARED}”，不能转往该窗口", refused.message)
		row = self.ticket(name)
		self.assertEqual((row.status, row.window, row.transfers), (q.CALLED, self.w1, 0))
		moved = c.call(
			API + "act", {"name": name, "window": self.w1, "action": q.TRANSFER, "target": self.w2}
		)
		self.assertEqual(moved.status, 200, moved.text)
		self.assertEqual((self.ticket(name).status, self.ticket(name).transfers), (q.TRANSFERRED, 1))
		# back to the head of the target window's line, before the one who waited longer
		answer = self.client(self.clerk2).call(API + "call_next", {"window": self.w2})
		self.assertEqual(answer.json["message"]["name"], name)
		self.assertEqual(self.ticket(waiting).status, q.WAITING)

	def test_a_ticket_from_yesterday_is_refused(self):
		self.clock[0] = NOW - timedelta(days=1)
		old = self.take()
		self.clock[0] = NOW
		picked = self.client(self.clerk1).call(API + "pick", {"name": old, "window": self.w1})
		self.assertNotEqual(picked.status, 200)
		self.assertIn("QA001 号是 2026-12-28 取的号，排号当日有效，已过期：请重新取号", picked.message)
		nobody = self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		self.assertIsNone(nobody.json.get("message"))  # yesterday's line is not today's
		self.assertEqual(self.ticket(old).status, q.WAITING)

	# ---------------------------------------------------------------- booking and case

	def test_a_booking_checks_in_to_the_front_within_its_slot_and_the_call_opens_its_case(self):
		raw_rows(
			"Hall Booking",
			[
				{
					"name": "YY-2026-90001",
					"channel": "电话",
					"applicant_name": "王预约",
					"contact_phone": "13700009999",
					"phone_key": "13700009999",
					"booking_date": NOW.date(),
					"slot_time": "09:30:00",
					"slot_end": "10:30:00",
					"window": self.w1,
					"service_matter": SHARED,
					"status": "已预约",
				}
			],
		)
		frappe.db.commit()
		earlier = self.take(priority_group="老年人")
		wrong = self.client(None).call(API + "check_in", {"reference": "YY-2026-90001", "proof": "0000"})
		self.assertIn("未查到该编号的记录", wrong.message)
		answer = self.client(None).call(API + "check_in", {"reference": "YY-2026-90001", "proof": "9999"})
		self.assertEqual(answer.status, 200, answer.text)
		booked = answer.json["message"]["name"]
		self.assertEqual(answer.json["message"]["ahead"], 0)
		self.assertEqual(self.ticket(earlier).status, q.WAITING)
		called = self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		self.assertEqual(called.json["message"]["name"], booked)
		case = called.json["message"]["hall_case"]
		self.assertTrue(case)
		frappe.db.rollback()
		row = frappe.db.get_value(
			"Hall Case", case, ["first_responder", "applicant_name", "window", "status"], as_dict=True
		)
		self.assertEqual(
			(row.first_responder, row.applicant_name, row.window), (self.clerk1, "王预约", self.w1)
		)
		self.client(self.clerk1).call(API + "act", {"name": booked, "window": self.w1, "action": q.FINISH})
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Hall Booking", "YY-2026-90001", "status"), "已办理")

	def test_every_call_is_told_to_the_screen(self):
		self.take()
		with patch("frappe.publish_realtime") as told:
			self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		calls = [c for c in told.call_args_list if c.args and c.args[0] == "hall_queue"]
		self.assertTrue(calls)
		message = calls[-1].args[1]
		self.assertEqual(message["text"], "请 QA001 号到 91 号窗口办理")
		self.assertEqual(calls[-1].kwargs["room"], "website")

	# ---------------------------------------------------------------- the screen and misuse

	def test_the_screen_without_its_token_is_refused(self):
		self.take()
		self.client(self.clerk1).call(API + "call_next", {"window": self.w1})
		for args in ({}, {"token": "guess"}):
			answer = self.client(None).call_get(API + "board", args)
			self.assertEqual(answer.status, 403, answer.text)
			self.assertIn("叫号屏口令不正确", answer.message)
			self.assertNotIn("QA001", answer.text)
		shown = self.client(None).call_get(API + "board", {"token": TOKEN})
		self.assertEqual(shown.status, 200, shown.text)
		self.assertIn(
			{"ticket": "QA001", "window": "91", "status": q.CALLED}, shown.json["message"]["serving"]
		)
		self.assertEqual(shown.json["message"]["last"][0]["text"], "请 QA001 号到 91 号窗口办理")
		page = self.client(None).page("/queue-display")
		self.assertIn("叫号屏口令不正确", page.text)

	def test_a_ticket_changes_only_by_the_window_s_actions(self):
		name = self.take()
		admin = RestClient("Administrator", "admin")
		for client in (admin, self.client(self.clerk1)):
			put = client.update(DT, name, {"status": q.DONE})
			self.assertNotEqual(put.status, 200, put.text)
			if client is admin:  # past the permissions: the managed guard itself
				self.assertIn("排队号只能通过取号和窗口的叫号操作", put.message)
			set_value = client.call(
				"frappe.client.set_value",
				{"doctype": DT, "name": name, "fieldname": "window", "value": self.w3},
			)
			self.assertNotEqual(set_value.status, 200)
			made = client.insert(
				DT, {"ticket_no": "QA999", "service_matter": SHARED, "queue_date": "2026-12-29"}
			)
			self.assertNotEqual(made.status, 200)
		row = self.ticket(name)
		self.assertEqual((row.status, row.window), (q.WAITING, None))
		self.assertFalse(frappe.db.exists(DT, {"ticket_no": "QA999"}))

	def test_a_kiosk_flooding_numbers_is_held_back(self):
		with patch("insurance_hall.api.queue.public_limit", return_value=3):
			guest = self.client(None)
			for _ in range(3):
				ok = guest.call(API + "take_number", {"matter": SHARED, "device": "kiosk-flood"})
				self.assertEqual(ok.status, 200, ok.text)
			flood = guest.call(API + "take_number", {"matter": SHARED, "device": "kiosk-flood"})
			self.assertEqual(flood.status, 429)
			self.assertIn(TOO_MANY, flood.message)
			other = guest.call(API + "take_number", {"matter": SHARED, "device": "kiosk-2"})
			self.assertEqual(other.status, 200, other.text)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT, {"service_matter": SHARED}), 4)

	# ---------------------------------------------------------------- the month's ledger

	def test_the_monthly_ledger_counts_waits_served_no_shows_and_transfers(self):
		from frappe.desk.query_report import run

		first, second = self.take(), self.take()  # both at 10:00
		c1, c2 = self.client(self.clerk1), self.client(self.clerk2)
		self.clock[0] = NOW + timedelta(minutes=6)
		c1.call(API + "call_next", {"window": self.w1})  # first: 6 minutes
		c1.call(API + "act", {"name": first, "window": self.w1, "action": q.FINISH})
		self.clock[0] = NOW + timedelta(minutes=10)
		c1.call(API + "call_next", {"window": self.w1})  # second: 10 minutes, then sent to 92
		c1.call(API + "act", {"name": second, "window": self.w1, "action": q.TRANSFER, "target": self.w2})
		self.clock[0] = NOW + timedelta(minutes=12)
		third = self.take()
		c2.call(API + "call_next", {"window": self.w2})
		c2.call(API + "act", {"name": second, "window": self.w2, "action": q.FINISH})
		self.clock[0] = NOW + timedelta(minutes=20)
		c1.call(API + "call_next", {"window": self.w1})  # third: 8 minutes, missed
		c1.call(API + "act", {"name": third, "window": self.w1, "action": q.MISS})
		frappe.db.rollback()
		result = run("排队叫号月度统计", filters={"year": 2026, "month": "12月"}, user=self.admin)
		rows = {(r["window"], r["service_matter"]): r for r in result["result"]}
		keys = ("tickets", "served", "no_shows", "transfers", "avg_wait", "p90_wait")
		self.assertEqual(tuple(rows[(self.w1, SHARED)][k] for k in keys), (2, 1, 1, 0, 7.0, 8.0))
		self.assertEqual(tuple(rows[(self.w2, SHARED)][k] for k in keys), (1, 1, 0, 1, 10.0, 10.0))
		other_month = run("排队叫号月度统计", filters={"year": 2026, "month": "11月"}, user=self.admin)
		self.assertNotIn(
			(self.w1, SHARED), {(r["window"], r["service_matter"]) for r in other_month["result"]}
		)
