"""The appointment service through the REST API and the public page's guest methods: booking on every
channel, capacity under concurrency, the person on duty told, no-shows and the bar, misuse refused in
Chinese with nothing saved.

002 沂南: "医保服务经办窗口收到预约申请后，应即时给予答复。同意预约服务的，应当向申请人约定服务时间，一次性告知需要提交的材料；
不适合预约的，认真说明理由，做好解释工作。"
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.installer import update_site_config

from insurance_hall.rules import booking as b
from insurance_hall.setup.permissions import HALL_ADMIN, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_booking,
	make_service_matter,
	make_service_window,
	make_substitute_assignment,
	make_user,
)
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

DT = "Hall Booking"
BAR = "Booking Bar"
API = "insurance_hall.api.booking."
# a Tuesday; the next working days follow. The service's clock is fixed here for every request thread.
NOW = datetime(2026, 12, 1, 9, 0)
DAY = "2026-12-02"
SATURDAY = "2026-12-05"
MATTER = "预约测试·异地就医备案"
CJK = re.compile(r"[\u4e00-\u9fff]")


class TestHallBooking(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("default")  # 08:30-17:00 in 30-minute slots, three channels, limit 3
		cls.clerk = make_user("bk.clerk@example.com", WINDOW_STAFF, first_name="预约甲")
		cls.b_clerk = make_user("bk.bclerk@example.com", WINDOW_STAFF, first_name="预约乙")
		cls.standin = make_user("bk.standin@example.com", WINDOW_STAFF, first_name="代岗丙")
		cls.admin = make_user("bk.admin@example.com", HALL_ADMIN)
		cls.outsider = make_user("bk.outsider@example.com")
		cls.window = make_service_window("约1", a_staff=cls.clerk, b_staff=cls.b_clerk, booking_capacity=2)
		cls.empty_window = make_service_window("约2")
		frappe.db.set_value("Service Window", cls.empty_window, {"a_staff": None, "b_staff": None})
		frappe.delete_doc("Service Matter", MATTER, force=True, ignore_permissions=True, ignore_missing=True)
		make_service_matter(
			MATTER,
			window=cls.window,
			materials=[{"material": "身份证"}, {"material": "参保地备案表", "may_be_missing": 1}],
		)
		make_service_matter("预约测试·不约事项", window=cls.window, not_bookable=1)
		make_service_matter("预约测试·无人窗口", window=cls.empty_window)
		frappe.db.commit()
		cls.patches = [
			patch("insurance_hall.services.booking.now", return_value=NOW),
			patch("insurance_hall.api.booking.public_limit", return_value=10000),
		]
		for p in cls.patches:
			p.start()
		cls.clients = {}

	@classmethod
	def tearDownClass(cls):
		for p in cls.patches:
			p.stop()
		frappe.db.rollback()
		cls.clean()
		frappe.delete_doc("Service Matter", MATTER, force=True, ignore_permissions=True)
		for matter in ("预约测试·不约事项", "预约测试·无人窗口"):
			frappe.delete_doc("Service Matter", matter, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def clean(cls):
		frappe.db.rollback()  # see what the request threads committed
		names = frappe.get_all(DT, filters={"window": ("in", (cls.window, cls.empty_window))}, pluck="name")
		if names:
			frappe.db.delete("ToDo", {"reference_type": DT, "reference_name": ("in", names)})
			frappe.db.delete("Notification Log", {"document_type": DT, "document_name": ("in", names)})
			frappe.db.delete(DT, {"name": ("in", names)})
		frappe.db.delete(BAR, {"phone_key": ("like", "1370000%")})
		frappe.db.delete("Substitute Assignment", {"absent_user": cls.clerk})
		frappe.cache.delete_keys("rl:")
		frappe.db.commit()

	def setUp(self):
		self.clean()

	def client(self, user: str | None) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user)
		return self.clients[user]

	def public(self, **values):
		args = {
			"matter": MATTER,
			"day": DAY,
			"slot": "10:00",
			"applicant_name": "王预约",
			"phone": "137 0000 0001",
			"_lang": "zh",  # as the public page asks: a visitor's answers in Chinese
			**values,
		}
		return self.client(None).call(API + "book", args)

	def desk(self, **values):
		data = {
			"channel": b.PHONE,
			"service_matter": MATTER,
			"window": self.window,
			"booking_date": DAY,
			"slot_time": "10:00:00",
			"applicant_name": "李电话",
			"contact_phone": "13700000002",
			**values,
		}
		return self.client(self.clerk).insert(DT, data)

	def assert_refused(self, response, expected: str):
		self.assertGreaterEqual(response.status, 400, response.text[:300])
		self.assertIn(expected, response.message)
		self.assertTrue(CJK.search(response.message), response.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT, {"window": ("in", (self.window, self.empty_window))}), 0)

	# ------------------------------------------------------------ taking a booking

	def test_the_public_page_answers_at_once_with_reference_time_window_and_materials(self):
		response = self.public()
		self.assertEqual(response.status, 200, response.message)
		answer = response.json["message"]
		self.assertRegex(answer["reference"], r"^YY-2026-\d{5}$")
		self.assertEqual(
			(answer["date"], answer["time"], answer["window"]), (DAY, "10:00-10:30", self.window)
		)
		self.assertIn("1. 身份证", answer["notice"])
		self.assertIn("2. 参保地备案表（可容缺）", answer["notice"])
		self.assertNotIn("phone_key", answer)
		frappe.db.rollback()
		doc = frappe.get_doc(DT, answer["reference"])
		self.assertEqual((doc.channel, doc.status, doc.phone_key), (b.ONLINE, b.BOOKED, "13700000001"))
		self.assertEqual((doc.on_duty, doc.receiver), (self.clerk, self.clerk))
		# the person on duty has it in their inbox
		self.assertTrue(
			frappe.db.exists(
				"ToDo",
				{
					"reference_type": DT,
					"reference_name": doc.name,
					"allocated_to": self.clerk,
					"status": "Open",
				},
			)
		)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"document_name": doc.name, "for_user": self.clerk})
		)
		# the public page shows the free places
		slots = self.client(None).call_get(API + "free_slots", {"matter": MATTER, "day": DAY}).json["message"]
		self.assertIn({"time": "10:00", "free": 1}, slots)
		page = self.client(None)._request("get", "/booking")
		self.assertEqual(page.status, 200)
		self.assertIn("预约服务", page.text)

	def test_a_phone_booking_at_the_desk_names_the_receiver_and_a_stand_in_gets_it(self):
		make_substitute_assignment(self.clerk, self.standin, "2026-12-01", "2026-12-03")
		frappe.db.commit()
		response = self.desk()
		self.assertEqual(response.status, 200, response.message)
		data = response.json["data"]
		self.assertEqual(
			(data["receiver"], data["on_duty"], data["channel"]), (self.clerk, self.standin, b.PHONE)
		)
		self.assertIn("身份证", data["materials_notice"])
		frappe.db.rollback()
		self.assertTrue(
			frappe.db.exists("ToDo", {"reference_name": data["name"], "allocated_to": self.standin})
		)
		# the clerk cannot pretend a booking came from the public page
		self.clean()
		self.assert_refused(self.desk(channel=b.ONLINE), "网上预约须由申请人在预约页面提交")

	def test_misuse_is_refused_in_chinese_and_nothing_is_saved(self):
		self.assert_refused(self.public(day="2026-11-30"), "已经过去")
		self.assert_refused(self.public(slot="08:30", day="2026-12-01"), "已经过去")
		self.assert_refused(self.public(day=SATURDAY), "不是工作日")
		self.assert_refused(self.public(slot="18:00"), "不是提供预约的时段")
		self.assert_refused(self.public(slot="12:30"), "不是提供预约的时段")
		self.assert_refused(self.public(matter="预约测试·无人窗口"), "没有在岗人员")
		self.assert_refused(self.public(matter="预约测试·不约事项"), "不接受预约")
		self.assert_refused(self.public(phone="12345"), "不是有效的电话号码")
		self.assert_refused(self.public(phone="<b>1</b>"), "不是有效的电话号码")
		self.assert_refused(self.public(id_number="110105194912310021"), "身份证号校验位不正确")
		self.assert_refused(self.desk(booking_date="2026-11-30"), "已经过去")
		self.assert_refused(self.desk(slot_time="07:00:00"), "不是提供预约的时段")

	def test_script_or_html_is_stored_as_text(self):
		script = "<script>alert('x')</script>王<b>某</b>"
		response = self.public(applicant_name=script, note="<img src=x onerror=alert(1)>")
		self.assertEqual(response.status, 200, response.message)
		frappe.db.rollback()
		doc = frappe.get_doc(DT, response.json["message"]["reference"])
		self.assertEqual(doc.applicant_name, script)
		self.assertEqual(doc.note, "<img src=x onerror=alert(1)>")
		html = frappe.get_print(DT, doc.name, "预约服务申请表")
		self.assertNotIn("<script>alert", html)
		self.assertNotIn("<img src=x", html)
		self.assertIn("&lt;script&gt;alert", html)

	# ------------------------------------------------------------ capacity

	def test_a_slot_is_never_booked_beyond_its_capacity_even_at_once(self):
		results = []
		# each its own connection (a client per thread, made here: a new thread has no site)
		clients = [RestClient(None) for _ in range(6)]

		def book(i):
			client = clients[i]
			results.append(
				client.call(
					API + "book",
					{
						"matter": MATTER,
						"day": DAY,
						"slot": "14:00",
						"applicant_name": f"并发{i}",
						"_lang": "zh",
						"phone": f"137000001{i:02d}",
					},
				)
			)

		threads = [Thread(target=book, args=(i,)) for i in range(6)]
		for t in threads:
			t.start()
		for t in threads:
			t.join()
		ok = [r for r in results if r.status == 200]
		full = [r for r in results if r.status != 200]
		self.assertEqual(len(ok), 2, [r.message for r in results])
		self.assertTrue(all("已约满" in r.message for r in full), [r.message for r in full])
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT, {"window": self.window, "slot_time": "14:00:00"}), 2)
		# a cancelled booking gives its place back
		ref = ok[0].json["message"]["reference"]
		phone = frappe.db.get_value(DT, ref, "contact_phone")
		self.assertEqual(
			self.client(None).call(API + "cancel_own", {"reference": ref, "phone": phone}).status, 200
		)
		self.assertEqual(self.public(slot="14:00").status, 200)

	# ------------------------------------------------------------ someone else's booking

	def test_nobody_reads_or_cancels_someone_elses_booking(self):
		ref = self.public().json["message"]["reference"]
		guest = self.client(None)
		self.assertGreaterEqual(guest.get(DT, ref).status, 403)
		self.assertNotIn("王预约", guest.get(DT, ref).text)
		self.assertGreaterEqual(self.client(self.outsider).get(DT, ref).status, 403)
		refused = guest.call(API + "cancel_own", {"reference": ref, "phone": "13700000009", "_lang": "zh"})
		self.assertGreaterEqual(refused.status, 400)
		self.assertIn("找不到与该电话号码对应的预约", refused.message)
		refused = self.client(self.outsider).call(API + "cancel", {"name": ref, "reason": "我要取消"})
		self.assertGreaterEqual(refused.status, 403)
		self.assertGreaterEqual(
			self.client(self.outsider).update(DT, ref, {"status": b.CANCELLED}).status, 403
		)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(DT, ref, "status"), b.BOOKED)
		# the applicant cancels their own, the number written another way
		own = guest.call(API + "cancel_own", {"reference": ref, "phone": "+86 137-0000-0001"})
		self.assertEqual(own.status, 200, own.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(DT, ref, "status"), b.CANCELLED)

	def test_who_reads_writes_and_deletes_bookings_and_bars(self):
		from insurance_hall.services import booking
		from insurance_hall.setup.permissions import PERMISSIONS, RECORDS, SECTION_HEAD

		ref = self.public(phone="13700000007").json["message"]["reference"]
		frappe.db.rollback()
		bar = booking.bar_if_due("13700000007", None, "王预约", 0, NOW)
		frappe.db.commit()
		users = {
			WINDOW_STAFF: self.clerk,
			RECORDS: make_user("bk.records@example.com", RECORDS),
			SECTION_HEAD: make_user("bk.head@example.com", SECTION_HEAD),
			HALL_ADMIN: self.admin,
			"": self.outsider,
		}
		wrong = []
		for doctype, name, edit in ((DT, ref, {"note": "改"}), (BAR, bar, {"applicant_name": "改"})):
			for role, user in users.items():
				allowed = PERMISSIONS[doctype].get(role, "")
				client = self.client(user)
				read = client.get(doctype, name).status == 200
				write = client.update(doctype, name, edit)
				deleted = client.delete(doctype, name).status < 300
				if read != ("R" in allowed) or deleted:
					wrong.append(f"{doctype} {role or '无角色'} R={read} D={deleted}")
				# a bar is edited only by the lift action, even by the admin
				may_write = "W" in allowed and doctype == DT
				if (write.status == 200) != may_write:
					wrong.append(f"{doctype} {role or '无角色'} W: HTTP {write.status}")
		self.assertEqual(wrong, [])

	def test_a_flood_of_booking_calls_meets_the_rate_limit(self):
		frappe.cache.delete_keys("rl:")
		with patch("insurance_hall.api.booking.public_limit", return_value=3):
			answers = [self.public(phone="13700000003", slot="15:00").status for _ in range(5)]
			# a phone asking for English is still told in Chinese (the hall's public pages are Chinese)
			flood = self.public(phone="13700000003", slot="15:30", _lang="en")
		self.assertEqual(answers[:1], [200])
		self.assertEqual(answers[3:], [429, 429])
		self.assertEqual(flood.status, 429)
		self.assertIn("请求过于频繁", flood.message)
		frappe.cache.delete_keys("rl:")

	def test_a_hall_on_one_wifi_address_is_many_citizens_and_a_forged_address_is_one(self):
		"""One address is not one citizen: each phone has its own count, the address the hall's share;
		a client that reaches the site directly and sends its own X-Forwarded-For is counted at its own
		address; behind a proxy the site trusts, the forwarded address counts."""
		frappe.cache.delete_keys("rl:")
		wifi = RestClient.guest()
		wifi.peer = "198.51.100.20"
		with patch("insurance_hall.api.booking.public_limit", return_value=2):
			calls = []
			for i in range(6):  # six citizens on the hall's Wi-Fi, two tries each: none turned away
				for _ in range(2):
					calls.append(
						wifi.call(
							API + "book",
							{"matter": MATTER, "day": DAY, "slot": "ab:cd", "phone": f"1370000100{i}"},
						)
					)
			self.assertEqual([r.status for r in calls if r.status == 429], [])
			self.assertIn("时段", calls[0].message)  # refused for the bad slot, not for the flood
			# one of them a third time: their own limit, in Chinese
			third = wifi.call(
				API + "book", {"matter": MATTER, "day": DAY, "slot": "ab:cd", "phone": "13700001000"}
			)
			self.assertEqual(third.status, 429)
			self.assertIn("请求过于频繁", third.message)
			# a direct client forging X-Forwarded-For is still counted at its own address (10 per address)
			forger = RestClient.guest()
			forger.peer = "203.0.113.66"

			def looks(n: int) -> list[int]:
				answers = []
				for i in range(n):
					forger.extra_headers = {"X-Forwarded-For": f"192.0.2.{i}"}
					answers.append(forger.call_get(API + "free_slots", {"matter": MATTER, "day": DAY}).status)
				return answers

			self.assertEqual(looks(11)[-1], 429)
			# behind a proxy the site trusts, the forwarded address is the citizen
			frappe.cache.delete_keys("rl:")
			update_site_config("hall_trusted_proxies", ["203.0.113.0/24"])
			try:
				self.assertNotIn(429, looks(11))
			finally:
				update_site_config("hall_trusted_proxies", "None")
		frappe.cache.delete_keys("rl:")

	# ------------------------------------------------------------ served, no-shows, the bar

	def test_the_handler_records_the_result_and_the_applicant_signs(self):
		response = self.desk()
		self.assertEqual(response.status, 200, response.message)
		name = response.json["data"]["name"]
		clerk = self.client(self.clerk)
		bad = clerk.update(DT, name, {"handling_result": "已办结", "satisfaction": "还行"})
		self.assertGreaterEqual(bad.status, 400)
		self.assertIn("不是本县的评价等级", bad.message)
		moved = clerk.update(DT, name, {"slot_time": "11:00:00"})
		self.assertIn("不能直接修改", moved.message)
		ok = clerk.update(
			DT,
			name,
			{"handling_result": "已办结备案", "satisfaction": "不满意", "applicant_confirmation": "纸质签字"},
		)
		self.assertIn("扫描件", ok.message)
		ok = clerk.update(DT, name, {"handling_result": "已办结备案", "satisfaction": "不满意"})
		self.assertEqual(ok.status, 200, ok.message)
		served = clerk.call(API + "serve", {"name": name})
		self.assertEqual(served.status, 200, served.message)
		frappe.db.rollback()
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.status, doc.handler, doc.satisfaction_is_bad), (b.SERVED, self.clerk, 1))
		self.assertFalse(frappe.db.exists("ToDo", {"reference_name": name, "status": "Open"}))
		# the applicant's tick is the service's rating (one scale, counted with the others)
		rating = frappe.db.get_value(
			"Hall Rating",
			{"reference_doctype": DT, "reference_name": name},
			["level", "is_bad", "channel"],
			as_dict=True,
		)
		self.assertEqual((rating.level, rating.is_bad, rating.channel), ("不满意", 1, "预约服务申请表"))

	def test_three_no_shows_bar_the_applicant_on_every_channel_until_an_admin_lifts_it(self):
		from insurance_hall.services import booking

		for i, slot in enumerate(("09:30", "10:00", "10:30")):
			self.assertEqual(
				self.public(slot=slot, phone="13700000004", applicant_name=f"爽约{i}").status, 200
			)
		later = NOW.replace(day=2, hour=12)
		frappe.db.rollback()
		self.assertEqual(booking.mark_no_shows(later), 3)
		self.assertEqual(booking.mark_no_shows(later), 0)  # idempotent
		frappe.db.commit()
		self.assertEqual(frappe.db.count(DT, {"phone_key": "13700000004", "status": b.NO_SHOW}), 3)
		bar = frappe.db.get_value(BAR, {"phone_key": "13700000004", "status": b.BARRED}, ["name", "no_shows"])
		self.assertEqual(bar[1], 3)
		# the same person, the number written differently, on the page and at the desk
		refused = self.public(phone="+86 137 0000 0004", day="2026-12-03")
		self.assertGreaterEqual(refused.status, 400)
		self.assertIn("不再提供预约服务", refused.message)
		refused = self.desk(contact_phone="0086-137-0000-0004", booking_date="2026-12-03")
		self.assertIn("不再提供预约服务", refused.message)
		# only the admin lifts it, with a reason kept in the record
		self.assertGreaterEqual(
			self.client(self.clerk).call(API + "lift_bar", {"name": bar[0], "reason": "x"}).status, 403
		)
		no_reason = self.client(self.admin).call(API + "lift_bar", {"name": bar[0], "reason": " "})
		self.assertIn("写明理由", no_reason.message)
		lifted = self.client(self.admin).call(
			API + "lift_bar", {"name": bar[0], "reason": "住院期间无法到场，已核实"}
		)
		self.assertEqual(lifted.status, 200, lifted.message)
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value(BAR, bar[0], ["status", "lift_reason", "lifted_by"]),
			(b.LIFTED, "住院期间无法到场，已核实", self.admin),
		)
		self.assertEqual(self.public(phone="13700000004", day="2026-12-03").status, 200)

	def test_the_monthly_ledger_counts_per_window(self):
		from frappe.desk.query_report import run

		from insurance_hall.services import booking

		self.public()
		self.public(slot="10:30", phone="13700000005")
		frappe.db.rollback()
		served = make_hall_booking(
			service_matter=MATTER,
			window=self.window,
			booking_date=DAY,
			slot_time="11:00",
			applicant_name="张窗口",
			contact_phone="13700000006",
		)
		served.db_set("handling_result", "已办结")
		booking.serve(served.name)
		booking.mark_no_shows(NOW + timedelta(days=2))
		frappe.db.commit()
		result = run("预约服务月度台账", filters={"year": 2026, "month": 12}, user=self.admin)
		row = next(r for r in result["result"] if r.get("window") == self.window)
		self.assertEqual(
			(row["booked"], row["served"], row["no_shows"], row["online"], row["barred"]), (3, 1, 2, 2, 0)
		)
