"""进度查询 through the guest method, as a citizen's phone calls it: a case, a booking and a complaint each
opened by their reference and the last four digits of the phone (or the ID number); a wrong proof reads
exactly like an unknown reference; probing is rate-limited; nothing private leaves.
"""

from __future__ import annotations

import json

import frappe

from insurance_hall.rules import track as t
from insurance_hall.rules.roles import WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_case,
	make_hall_complaint,
	make_service_matter,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import GuestClient, IntegrationTestCase

LOOKUP = "insurance_hall.api.track.lookup"


class TestTrack(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("yinan")
		cls.clerk = make_user("track.clerk@example.com", WINDOW_STAFF, first_name="查询甲")
		cls.window = make_service_window("查1", a_staff=cls.clerk)
		matter = make_service_matter(
			"查询测试·异地就医备案",
			window=cls.window,
			materials=[{"material": "身份证"}, {"material": "参保地备案表", "may_be_missing": 1}],
		)
		cls.case = make_hall_case(
			cls.clerk,
			window=cls.window,
			service_matter=matter,
			applicant_name="王查询",
			contact_phone="137 0000 4321",
		)
		cls.complaint = make_hall_complaint(
			complainant_contact="13900008765", content="窗口态度生硬，内部线索不应外泄", window=cls.window
		)
		cls.anonymous = make_hall_complaint(complainant_contact=None, complainant_name=None, anonymous=1)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.cache.delete_keys("rl:")
		for doctype, name in (
			("Hall Case", cls.case),
			("Hall Complaint", cls.complaint),
			("Hall Complaint", cls.anonymous),
		):
			frappe.db.delete("ToDo", {"reference_name": name})
			frappe.db.delete(doctype, {"name": name})
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		frappe.cache.delete_keys("rl:")
		self.guest = GuestClient("en-US,en;q=0.9")

	def ask(self, reference, proof):
		return self.guest.call(LOOKUP, {"reference": reference, "proof": proof})

	@staticmethod
	def said(response) -> str:
		"""Everything the answer says, decoded (the JSON escapes Chinese)."""
		return json.dumps(response.json, ensure_ascii=False)

	def test_a_case_opens_with_the_last_four_digits_and_says_what_is_missing(self):
		response = self.ask(self.case.lower(), "4321")
		self.assertEqual(response.status, 200, response.text[:300])
		answer = response.json["message"]
		self.assertEqual(answer["reference"], self.case)
		text = "\n".join(answer["lines"])
		self.assertIn("办理状态：", text)
		self.assertIn("查1号窗口", answer["window"])
		said = self.said(response)
		self.assertNotIn("王查询", said)  # nothing the caller did not bring
		self.assertNotIn("查询甲", said)
		self.assertNotIn("@example.com", said)
		self.assertNotIn("13700004321", said.replace(" ", ""))

	def test_a_complaint_shows_its_state_never_its_content(self):
		response = self.ask(self.complaint, "8765")
		self.assertEqual(response.status, 200, response.text[:300])
		said = self.said(response)
		self.assertIn("处理状态：正在办理", said)
		self.assertNotIn("内部线索", said)
		self.assertNotIn("13900008765", said)

	def test_a_wrong_proof_reads_like_an_unknown_reference(self):
		answers = set()
		for reference, proof in (
			(self.case, "0000"),
			("BJ-2099-99999", "4321"),
			(self.anonymous, "0000"),
			("TS-2026-00001' or 1=1", "4321"),
		):
			response = self.ask(reference, proof)
			self.assertEqual(response.status, 417, response.text[:300])
			answers.add(response.message)
		self.assertEqual(answers, {t.NOT_FOUND})
		for proof in ("12", "abcd", "", ["4321"]):
			response = self.ask(self.case, proof)
			self.assertGreaterEqual(response.status, 400)
			self.assertIn(t.PROOF_HELP, response.message)
			self.assertNotIn("Traceback", response.text)

	def test_a_citizen_asks_for_no_more_messages(self):
		refused = self.guest.call(
			"insurance_hall.api.track.opt_out", {"reference": self.case, "proof": "0000"}
		)
		self.assertEqual(refused.message, t.NOT_FOUND)
		frappe.db.rollback()
		self.assertFalse(frappe.db.get_value("Hall Case", self.case, "no_messages"))
		done = self.guest.call("insurance_hall.api.track.opt_out", {"reference": self.case, "proof": "4321"})
		self.assertEqual(done.status, 200, done.text[:300])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Hall Case", self.case, "no_messages"), 1)
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{"reference_name": self.case, "content": "申请人在进度查询页面要求不再接收短信通知"},
			)
		)

	def test_probing_a_reference_is_rate_limited_in_chinese(self):
		statuses = [self.ask(self.case, f"{i:04d}").status for i in range(7)]
		self.assertEqual(statuses[:5], [417] * 5)
		self.assertEqual(statuses[5:], [429, 429])
		refused = self.ask(self.case, "4321")  # even the right proof, until the window passes
		self.assertEqual(refused.status, 429)
		self.assertIn("查询过于频繁", refused.message)


class TestOwnBooking(IntegrationTestCase):
	"""改约 and 取消 from /track: the same rules as a new booking, and the old one cancelled in the same
	transaction; a wrong proof reads like an unknown reference."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from insurance_hall.services import booking

		apply_shipped_profile("default")  # online booking offered
		cls.clerk = make_user("track.bk@example.com", WINDOW_STAFF, first_name="改约甲")
		cls.window = make_service_window("改1", a_staff=cls.clerk, booking_capacity=1)
		cls.matter = make_service_matter("改约测试·异地就医备案", window=cls.window)
		frappe.db.commit()
		days = booking.offered_days(booking.schedule())
		cls.day = str(days[-1])  # the last day offered: its slots are all still ahead
		cls.slots = [s["time"] for s in booking.free_slots(cls.window, days[-1])]

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.cache.delete_keys("rl:")
		frappe.db.delete("Hall Booking", {"window": cls.window})
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		frappe.cache.delete_keys("rl:")
		self.guest = GuestClient()

	def book(self, slot: str) -> str:
		response = self.guest.call(
			"insurance_hall.api.booking.book",
			{
				"matter": self.matter,
				"day": self.day,
				"slot": slot,
				"applicant_name": "王改约",
				"phone": "13700007777",
			},
		)
		self.assertEqual(response.status, 200, response.text[:300])
		return response.json["message"]["reference"]

	def status(self, name: str) -> str:
		frappe.db.rollback()
		return frappe.db.get_value("Hall Booking", name, "status")

	def test_a_booking_moves_to_a_free_slot_and_never_into_a_full_one(self):
		first, taken = self.book(self.slots[0]), self.book(self.slots[1])
		move = "insurance_hall.api.track.move_booking"
		full = self.guest.call(
			move, {"reference": first, "proof": "7777", "day": self.day, "slot": self.slots[1]}
		)
		self.assertGreaterEqual(full.status, 400)
		self.assertIn("已约满", full.message)
		self.assertEqual(self.status(first), "已预约")  # refused whole: the old booking stands
		wrong = self.guest.call(
			move, {"reference": first, "proof": "0000", "day": self.day, "slot": self.slots[2]}
		)
		self.assertEqual(wrong.message, t.NOT_FOUND)
		moved = self.guest.call(
			move, {"reference": first, "proof": "7777", "day": self.day, "slot": self.slots[2]}
		)
		self.assertEqual(moved.status, 200, moved.text[:300])
		new = moved.json["message"]["reference"]
		self.assertEqual(self.status(first), "已取消")
		self.assertEqual(self.status(new), "已预约")
		self.assertIn(new, frappe.db.get_value("Hall Booking", first, "cancel_reason"))
		self.assertEqual(self.status(taken), "已预约")

	def test_the_citizen_cancels_from_the_thread(self):
		name = self.book(self.slots[3])
		cancel = "insurance_hall.api.track.cancel_booking"
		self.assertEqual(self.guest.call(cancel, {"reference": name, "proof": "1234"}).message, t.NOT_FOUND)
		self.assertEqual(self.status(name), "已预约")
		done = self.guest.call(cancel, {"reference": name, "proof": "7777"})
		self.assertEqual(done.status, 200, done.text[:300])
		self.assertEqual(self.status(name), "已取消")
		again = self.guest.call(cancel, {"reference": name, "proof": "7777"})
		self.assertIn("不能取消", again.message)
