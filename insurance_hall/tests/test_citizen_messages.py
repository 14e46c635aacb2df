"""The applicant is told, through Frappe's SMS Settings and a real background worker, to a loopback gateway
sink: a finished case, a booking tomorrow; a citizen who asked for no messages gets none; every message (or
why none was sent) is on the record's timeline.

001 沂南: "服务事项办结后，通知申请人现场领取或邮寄送达办理结果".
"""

from __future__ import annotations

import frappe
from frappe.utils import add_days, today

from insurance_hall.services import booking
from insurance_hall.tests.factories import raw_rows
from insurance_hall.tests.sms_sink import SmsGateway
from insurance_hall.tests.utils import IntegrationTestCase, run_background_jobs, wait_until


def timeline(doctype: str, name: str) -> list[str]:
	frappe.db.rollback()
	return frappe.get_all(
		"Comment",
		filters={"reference_doctype": doctype, "reference_name": name, "comment_type": "Info"},
		pluck="content",
	)


class TestCitizenMessages(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from insurance_hall.insurance_hall.doctype.hall_case.test_hall_case import CaseWorld

		cls.w = CaseWorld()
		cls.sink = SmsGateway().__enter__()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.db.delete("Hall Booking", {"name": ("like", "SMS-BOOKING-%")})
		frappe.db.commit()
		cls.sink.__exit__()
		super().tearDownClass()

	def finished_case(self, **values) -> str:
		name = self.w.accepted_promised_case()
		if values:
			frappe.db.set_value("Hall Case", name, values)
			frappe.db.commit()
		frappe.db.rollback()
		modified = str(frappe.db.get_value("Hall Case", name, "modified"))
		response = self.w.call(self.w.clerk, "finish", name=name, modified=modified)
		self.assertEqual(response.status, 200, response.text[:400])
		return name

	def test_a_finished_case_tells_the_applicant_by_sms(self):
		name = self.finished_case()
		run_background_jobs("short")
		sent = wait_until(lambda: [m for m in self.sink.messages if name in m["text"]])
		self.assertEqual(len(sent), 1, self.sink.messages)
		self.assertEqual(sent[0]["to"], "13900000000")
		self.assertIn("已办结，请到CT1号窗口", sent[0]["text"])
		self.assertTrue(sent[0]["text"].startswith("【"))
		lines = wait_until(lambda: [t for t in timeline("Hall Case", name) if t.startswith("已短信通知")])
		self.assertEqual(len(lines), 1)
		self.assertIn("139****0000", lines[0])  # the number masked on the timeline

	def test_a_citizen_who_asked_for_no_messages_gets_none(self):
		name = self.finished_case(no_messages=1)
		run_background_jobs("short")
		self.assertFalse([m for m in self.sink.messages if name in m["text"]])
		self.assertIn("未发送短信通知：申请人要求不接收短信通知", timeline("Hall Case", name))

	def test_the_day_before_a_booking_the_citizen_is_reminded_once(self):
		tomorrow = add_days(today(), 1)
		frappe.db.delete("Hall Booking", {"name": ("like", "SMS-BOOKING-%")})
		booked = {"channel": "电话", "booking_date": tomorrow, "window": self.w.window, "status": "已预约"}
		raw_rows(
			"Hall Booking",
			[
				{
					**booked,
					"name": "SMS-BOOKING-1",
					"applicant_name": "王预约",
					"contact_phone": "13700005555",
				}
				| {"slot_time": "10:00:00"},
				{
					**booked,
					"name": "SMS-BOOKING-2",
					"applicant_name": "李预约",
					"contact_phone": "0539-3225318",
				}
				| {"slot_time": "10:30:00"},
				{
					**booked,
					"name": "SMS-BOOKING-3",
					"applicant_name": "赵预约",
					"contact_phone": "13700006666",
				}
				| {"slot_time": "11:00:00", "status": "已取消"},
			],
		)
		frappe.db.commit()
		told = booking.remind_tomorrow()
		frappe.db.commit()
		self.assertEqual(told, 1)  # the landline cannot be texted; the cancelled one is not reminded
		self.assertEqual(booking.remind_tomorrow(), 0)  # once
		frappe.db.commit()
		run_background_jobs("short")
		sent = wait_until(lambda: [m for m in self.sink.messages if "SMS-BOOKING-1" in m["text"]])
		self.assertEqual(sent[0]["to"], "13700005555")
		self.assertIn(f"您已预约{tomorrow} 10:00到CT1号窗口", sent[0]["text"])
		self.assertIn("未发送短信通知：未留手机号码，无法短信通知", timeline("Hall Booking", "SMS-BOOKING-2"))
		self.assertFalse([m for m in self.sink.messages if "SMS-BOOKING-3" in m["text"]])
