"""意见建议 from the citizens' page to the leader's answer and the SMS that tells the citizen, tried as a guest,
as the wrong worker and as the leader (002 (三)服务改进: "通过局长信箱、留言簿，服务电话等形式广泛征集服务对象意见
建议"; "对群众诉求、工作人员意见建议，报领导研究后，及时给予反馈")."""

from __future__ import annotations

from unittest.mock import patch

import frappe

from insurance_hall.rules.roles import MAIN_LEADER, RECORDS, WINDOW_STAFF
from insurance_hall.tests.factories import make_user
from insurance_hall.tests.sms_sink import SmsGateway
from insurance_hall.tests.utils import (
	GuestClient,
	IntegrationTestCase,
	RestClient,
	run_background_jobs,
	wait_until,
)

DOCTYPE = "Hall Suggestion"
SUBMIT = "insurance_hall.api.suggestion.submit_public"
ANSWER = "insurance_hall.api.score.answer_suggestion"
MARK = "意见建议测试"


def timeline(name: str) -> list[str]:
	frappe.db.rollback()
	return frappe.get_all(
		"Comment",
		filters={"reference_doctype": DOCTYPE, "reference_name": name, "comment_type": "Info"},
		pluck="content",
	)


class TestSuggestion(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.clerk = make_user("sg.clerk@example.com", WINDOW_STAFF, first_name="建议甲")
		cls.colleague = make_user("sg.colleague@example.com", WINDOW_STAFF, first_name="建议乙")
		cls.office = make_user("sg.office@example.com", RECORDS)
		cls.leader = make_user("sg.leader@example.com", MAIN_LEADER, first_name="建议局长")
		cls.leader_before = frappe.db.get_single_value("Hall Settings", "main_leader")
		frappe.db.set_single_value("Hall Settings", "main_leader", cls.leader)
		cls.sink = SmsGateway().__enter__()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.db.set_single_value("Hall Settings", "main_leader", cls.leader_before)
		names = frappe.get_all(DOCTYPE, filters={"content": ("like", f"%{MARK}%")}, pluck="name")
		if names:
			frappe.db.delete("ToDo", {"reference_type": DOCTYPE, "reference_name": ("in", names)})
			frappe.db.delete("Comment", {"reference_doctype": DOCTYPE, "reference_name": ("in", names)})
			frappe.db.delete(DOCTYPE, {"name": ("in", names)})
		frappe.db.commit()
		cls.sink.__exit__()
		super().tearDownClass()

	def setUp(self):
		from frappe.utils.background_jobs import get_queue

		frappe.cache.delete_keys("rl:")
		# the other modules' e-mail jobs wait in the same queue: the worker run here is for this test's SMS only
		get_queue("short").empty()

	def submit(self, **values):
		return GuestClient().call(SUBMIT, values)

	def count(self) -> int:
		frappe.db.rollback()
		return frappe.db.count(DOCTYPE, {"content": ("like", f"%{MARK}%")})

	def test_a_citizen_suggests_on_a_phone_and_is_told_the_answer_by_sms(self):
		page = GuestClient().page("/suggest")
		self.assertEqual(page.status, 200)
		self.assertIn("意见建议", page.text)
		self.assertNotIn("Traceback", page.text)
		response = self.submit(content=f"{MARK}：大厅增加老花镜", name="王先生", phone="13800000001")
		self.assertEqual(response.status, 200, response.text[:400])
		reference = response.json["message"]["reference"]
		self.assertEqual(set(response.json["message"]), {"reference", "phone", "told"})
		frappe.db.rollback()
		doc = frappe.get_doc(DOCTYPE, reference)
		self.assertEqual((doc.proposer_type, doc.channel, doc.status), ("服务对象", "网上留言", "待答复"))
		# 报领导研究: it waits on the main leader's list
		self.assertTrue(
			frappe.db.exists(
				"ToDo", {"reference_type": DOCTYPE, "reference_name": reference, "allocated_to": self.leader}
			)
		)
		# a clerk neither reads the citizen's suggestion (their name and phone) nor lists it, nor changes it
		self.assertEqual(RestClient(self.clerk).get(DOCTYPE, reference).status, 403)
		listed = RestClient(self.clerk).get_list(DOCTYPE).json.get("data", [])
		self.assertNotIn(reference, [row["name"] for row in listed])
		response = RestClient(self.clerk).update(DOCTYPE, reference, {"content": "改写"})
		self.assertEqual(response.status, 403)
		# 综合科 reads the register
		self.assertEqual(RestClient(self.office).get(DOCTYPE, reference).status, 200)
		response = RestClient(self.leader).call(
			ANSWER, {"name": reference, "answer": "采纳，已配备", "adopted": 1}
		)
		self.assertEqual(response.status, 200, response.text[:400])
		run_background_jobs("short")
		sent = wait_until(lambda: [m for m in self.sink.messages if reference in m["text"]])
		self.assertEqual(len(sent), 1, self.sink.messages)
		self.assertEqual(sent[0]["to"], "13800000001")
		self.assertIn("已被采纳，感谢您的支持", sent[0]["text"])
		self.assertTrue(wait_until(lambda: [t for t in timeline(reference) if t.startswith("已短信通知")]))

	def test_a_citizen_who_wants_no_message_or_left_no_phone_gets_none(self):
		quiet = self.submit(content=f"{MARK}：延长午间服务", phone="13800000002", no_messages=1).json[
			"message"
		]
		anonymous = self.submit(content=f"{MARK}：增加座椅").json["message"]
		self.assertFalse(quiet["told"])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(DOCTYPE, anonymous["reference"], "proposer_name"), "匿名")
		for reference in (quiet["reference"], anonymous["reference"]):
			response = RestClient(self.leader).call(
				ANSWER, {"name": reference, "answer": "研究后暂不采纳", "adopted": 0}
			)
			self.assertEqual(response.status, 200, response.text[:400])
		run_background_jobs("short")
		self.assertFalse([m for m in self.sink.messages if quiet["reference"] in m["text"]])
		self.assertIn("未发送短信通知：申请人要求不接收短信通知", timeline(quiet["reference"]))
		self.assertIn("未发送短信通知：未留手机号码，无法短信通知", timeline(anonymous["reference"]))

	def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(self):
		before = self.count()
		for values, message in (
			({"content": " "}, "请填写意见建议内容"),
			({"content": f"{MARK}x", "phone": "123"}, "不是有效的电话号码"),
			({"content": f"{MARK}x", "name": "\u200b\u200b"}, "无法显示的字符"),
			({"content": f"{MARK}" + "长" * 1000}, "不能超过1000个字"),
			({"content": {"a": 1}}, "格式不正确"),
		):
			with self.subTest(values=str(values)[:40]):
				response = self.submit(**values)
				self.assertEqual(response.status, 417, response.text[:300])
				self.assertIn(message, response.message)
				self.assertNotIn("Traceback", response.text)
		self.assertEqual(self.count(), before)

	def test_markup_in_a_citizens_suggestion_never_runs_in_the_desk(self):
		response = self.submit(content=f"{MARK}<img src=x onerror=alert(1)><script>alert(2)</script>")
		self.assertEqual(response.status, 200, response.text[:300])
		frappe.db.rollback()
		reference = response.json["message"]["reference"]
		stored = frappe.db.get_value(DOCTYPE, reference, "content")
		self.assertNotIn("<script", stored)
		self.assertNotIn("onerror", stored)
		todo = frappe.db.get_value(
			"ToDo", {"reference_type": DOCTYPE, "reference_name": reference}, "description"
		)
		self.assertNotIn("<script", todo or "")

	def test_the_public_page_is_rate_limited_per_phone(self):
		with patch("insurance_hall.api.suggestion.public_limit", return_value=2):
			answers = [self.submit(content=f"{MARK}：频繁{i}", phone="13800000009").status for i in range(3)]
			# the same phone however it is spelt
			response = self.submit(content=f"{MARK}：频繁", phone="138 0000 0009")
		self.assertEqual(answers, [200, 200, 429])
		self.assertEqual(response.status, 429)
		self.assertIn("提交过于频繁", response.message)
		frappe.cache.delete_keys("rl:")

	def test_a_worker_changes_only_what_they_filed(self):
		response = RestClient(self.clerk).insert(
			DOCTYPE,
			{"proposer_type": "工作人员", "proposer": self.clerk, "content": f"{MARK}：叫号屏加大字号"},
		)
		self.assertEqual(response.status, 200, response.text[:400])
		name = response.json["data"]["name"]
		self.assertEqual(
			RestClient(self.clerk).update(DOCTYPE, name, {"content": f"{MARK}：叫号屏加大"}).status, 200
		)
		for attempt in (
			lambda: RestClient(self.colleague).update(DOCTYPE, name, {"content": "同事改写"}),
			lambda: RestClient(self.colleague).call(
				"frappe.client.set_value",
				{"doctype": DOCTYPE, "name": name, "fieldname": "content", "value": "同事改写"},
			),
			lambda: RestClient(self.colleague).delete(DOCTYPE, name),
		):
			response = attempt()
			self.assertEqual(response.status, 403, response.text[:300])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(DOCTYPE, name, "content"), f"{MARK}：叫号屏加大")
		self.assertEqual(RestClient(self.colleague).get(DOCTYPE, name).status, 403)
