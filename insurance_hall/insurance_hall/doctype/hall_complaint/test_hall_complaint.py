"""The "吐槽找茬" complaint register, its 承办单 and 总结分析表, tried through the REST API as each person.

002 §十: "各窗口收到《沂南县医保服务大厅“吐槽找茬”窗口反映问题承办单》后……对于当天能解决的当天解决，比较复杂的3个工作日内解决。
因政策性原因不能达到诉求人要求的，要依法依规和政策要求做出合理解释，力求得到诉求人的理解。"
"""

from __future__ import annotations

import json

import frappe

from insurance_hall.services.complaint import run_deadlines
from insurance_hall.tests.complaint_world import ComplaintWorld
from insurance_hall.tests.factories import apply_shipped_profile
from insurance_hall.tests.utils import IntegrationTestCase

DT = "Hall Complaint"
REF = "Complaint Referral"
NAME = "李四"
PHONE = "13900000000"


class ComplaintTestCase(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = ComplaintWorld()

	@classmethod
	def tearDownClass(cls):
		cls.w.cleanup()
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def assertOk(self, response):
		self.assertEqual(response.status, 200, response.message or response.text[:300])

	def assertRefused(self, response, text: str = ""):
		self.assertGreaterEqual(response.status, 400, response.text[:300])
		self.assertIn(text, response.message)
		self.assertRegex(response.message, r"[\u4e00-\u9fff]", response.text[:300])

	def assertNoLeak(self, response):
		for secret in (NAME, PHONE):
			self.assertNotIn(secret, response.text)


class TestRegisterAndRefer(ComplaintTestCase):
	def test_the_handler_registers_refers_and_the_head_closes_in_time(self):
		w = self.w
		created = w.client(w.handler).insert(
			DT,
			{
				"received_at": "2026-03-09 09:30:00",
				"channel": "电话",
				"complainant_name": NAME,
				"complainant_contact": PHONE,
				"department": w.department,
				"window": w.window,
				"staff": w.staff,
				"content": "窗口工作人员态度生硬，让我跑了三趟",
			},
		)
		self.assertOk(created)
		name = created.json["data"]["name"]
		self.assertRegex(name, r"^TS-2026-\d{5}$")  # read out on the phone
		self.assertEqual(created.json["data"]["complainant_name"], NAME)
		self.assertEqual(created.json["data"]["summary_leader"], w.leader)

		self.assertOk(w.refer(name))
		referral = w.doc(REF, w.referral_of(name))
		self.assertEqual((referral.receiver, referral.status), (w.head, "待接收"))
		# 2026-03-09 (Mon) + 3 working days counted from the next day
		self.assertEqual(str(referral.due_date), "2026-03-12")
		frappe.db.set_value(REF, referral.name, "due_date", frappe.utils.add_days(frappe.utils.today(), 1))
		frappe.db.commit()
		self.assertTrue(frappe.db.exists("ToDo", {"reference_name": referral.name, "allocated_to": w.head}))
		# a second 承办单 while one runs is refused
		self.assertRefused(w.refer(name), "未办结的承办单")

		self.assertOk(w.call(w.head, "receive_referral", name=referral.name))
		self.assertOk(
			w.call(
				w.head,
				"close_referral",
				name=referral.name,
				solved="是",
				measures="当日约谈窗口人员，为诉求人办结备案",
				satisfied="满意",
				leader_instruction="加强窗口礼仪培训",
			)
		)
		complaint = w.doc(DT, name)
		self.assertEqual(complaint.outcome, "按时解决")
		self.assertEqual(complaint.satisfied, "满意")
		self.assertEqual(w.doc(REF, referral.name).status, "已办结")
		self.assertEqual(
			frappe.db.get_value("ToDo", {"reference_name": referral.name, "allocated_to": w.head}, "status"),
			"Closed",
		)

	def test_closed_on_the_spot_needs_the_measure(self):
		w = self.w
		response = w.client(w.handler).insert(
			DT,
			{
				"received_at": "2026-03-09 10:00:00",
				"channel": "现场",
				"content": "不知道在哪取号",
				"closed_on_spot": 1,
			},
		)
		self.assertRefused(response, "找茬窗口处理措施")
		response = w.client(w.handler).insert(
			DT,
			{
				"received_at": "2026-03-09 10:00:00",
				"channel": "现场",
				"anonymous": 1,
				"complainant_name": "不该保存",
				"content": "不知道在哪取号",
				"closed_on_spot": 1,
				"window_measures": "当场引导取号",
			},
		)
		self.assertOk(response)
		doc = w.doc(DT, response.json["data"]["name"])
		self.assertEqual((doc.outcome, doc.complainant_name), ("当场解决", None))

	def test_the_outcome_cannot_be_written_directly(self):
		w = self.w
		name = w.complaint()
		before = w.doc(DT, name)
		response = w.client(w.handler).update(DT, name, {"outcome": "按时解决"})
		self.assertRefused(response, "只能通过本表的办理操作改变")
		self.assertEqual(str(w.doc(DT, name).modified), str(before.modified))
		# a 承办单 is not made or edited by hand either
		response = w.client(w.handler).insert(REF, {"complaint": name, "department": w.department})
		self.assertRefused(response)
		self.assertFalse(frappe.db.exists(REF, {"complaint": name}))

	def test_found_true_deducts_by_channel(self):
		# 002 考评标准: "局长信箱、电话投诉、网上投诉受理后,每查实一次扣3分";
		# "电话、行风热线、12345市民电话、微信公众号、网上投诉每查实一次扣5分"
		w = self.w
		for channel, points in (("局长信箱", 3), ("12345市民热线", 5)):
			name = w.complaint(channel=channel)
			self.assertOk(w.call(w.handler, "record_finding", complaint_name=name, found_true=1))
			doc = w.doc(DT, name)
			self.assertEqual(
				(doc.found_true, doc.deduction, doc.staff, doc.window), (1, points, w.staff, w.window)
			)
		# the staff member complained about cannot record or undo a finding
		self.assertRefused(w.call(w.staff, "record_finding", complaint_name=name, found_true=0))
		self.assertEqual(w.doc(DT, name).found_true, 1)


class TestMisuse(ComplaintTestCase):
	def test_the_staff_complained_about_sees_nothing(self):
		w = self.w
		name = w.complaint()
		self.assertOk(w.refer(name))
		referral = w.referral_of(name)
		w.doc(DT, name).add_comment("Comment", f"已电话联系{NAME}")
		frappe.db.commit()
		staff = w.client(w.staff)
		attempts = [
			staff.get(DT, name),
			staff.get_list(DT),
			staff.get(REF, referral),
			staff.get_list(REF),
			staff._request("get", f"/api/method/frappe.desk.form.load.getdoc?doctype={DT}&name={name}"),
			staff.call(
				"frappe.client.get_value",
				{"doctype": DT, "filters": {"name": name}, "fieldname": "complainant_name"},
			),
			staff.call("frappe.client.get_count", {"doctype": DT, "filters": {"complainant_name": NAME}}),
			staff.call(
				"frappe.desk.reportview.export_query",
				{
					"doctype": DT,
					"file_format_type": "CSV",
					"fields": json.dumps(["name", "complainant_name"]),
				},
			),
			staff.call("frappe.client.get_list", {"doctype": "Version", "filters": {"ref_doctype": DT}}),
			staff.call(
				"frappe.client.get_list",
				{"doctype": "Comment", "filters": {"reference_doctype": DT}, "fields": ["content"]},
			),
			staff.call("frappe.desk.search.search_link", {"doctype": DT, "txt": "TC"}),
		]
		for response in attempts:
			self.assertGreaterEqual(response.status, 400, response.text[:300])
			self.assertNoLeak(response)
			self.assertNotIn("态度生硬", response.text)
			self.assertRegex(response.message, r"[\u4e00-\u9fff]", response.text[:300])
		# guessing a name: a made-up one and the real one answer alike (refused, nothing named)
		guessed = staff.get(DT, "TS-2026-99999")
		real = staff.get(DT, name)
		self.assertGreaterEqual(guessed.status, 400)
		self.assertGreaterEqual(real.status, 400)
		self.assertNoLeak(real)

	def test_a_leader_complained_about_does_not_see_it_either(self):
		w = self.w
		about_leader = w.complaint(staff=w.leader, content="分管领导接访时推诿")
		other = w.complaint()
		client = w.client(w.leader)
		self.assertRefused(client.get(DT, about_leader))
		listed = client.get_list(DT)
		self.assertOk(listed)
		names = {row["name"] for row in listed.json["data"]}
		self.assertNotIn(about_leader, names)
		everything = client.call("frappe.client.get_list", {"doctype": DT, "limit_page_length": 0})
		self.assertNotIn(about_leader, everything.text)
		self.assertIn(other, everything.text)
		count = client.call("frappe.client.get_count", {"doctype": DT, "filters": {"name": about_leader}})
		self.assertEqual(count.json["message"], 0)
		# nor the 承办单 of it, though a deputy reads 承办单 by role
		frappe.db.set_value("Hall Department", w.department, "deputy_in_charge", None)
		frappe.db.commit()
		self.assertOk(w.refer(about_leader))
		referral = w.referral_of(about_leader)
		self.assertRefused(client.get(REF, referral))
		referrals = client.call("frappe.client.get_list", {"doctype": REF, "limit_page_length": 0})
		self.assertOk(referrals)
		self.assertNotIn(referral, referrals.text)

	def test_the_head_reads_the_referral_but_not_who_complained(self):
		w = self.w
		name = w.complaint()
		self.assertOk(w.refer(name))
		referral = w.referral_of(name)
		response = w.client(w.head).get(REF, referral)
		self.assertOk(response)
		self.assertIn("态度生硬", response.json["data"]["problem"])
		self.assertNoLeak(response)
		self.assertNotIn("complainant_contact", response.json["data"])
		# nor can the head count the register by a guessed name
		count = w.client(w.head).call(
			"frappe.client.get_count", {"doctype": DT, "filters": {"complainant_name": NAME}}
		)
		self.assertGreaterEqual(count.status, 400)
		# the head cannot open the register itself
		self.assertNoLeak(w.client(w.head).get(DT, name))
		# the leader in charge and the 综合科 read the identity
		for user in (w.leader, w.reviewer):
			self.assertEqual(w.client(user).get(DT, name).json["data"]["complainant_name"], NAME)

	def test_another_departments_receiver_cannot_act(self):
		w = self.w
		name = w.complaint()
		self.assertOk(w.refer(name))
		referral = w.referral_of(name)
		before = w.doc(REF, referral)
		for user in (w.other_head, w.staff):
			self.assertRefused(w.call(user, "receive_referral", name=referral))
			self.assertRefused(
				w.call(user, "close_referral", name=referral, solved="是", measures="已解决"),
			)
		after = w.doc(REF, referral)
		self.assertEqual((str(after.modified), after.status), (str(before.modified), "待接收"))
		# the other head's department scope hides the 承办单 itself
		self.assertGreaterEqual(w.client(w.other_head).get(REF, referral).status, 400)

	def test_not_solved_needs_the_policy_explanation(self):
		w = self.w
		name = w.complaint()
		self.assertOk(w.refer(name))
		referral = w.referral_of(name)
		before = w.doc(REF, referral)
		response = w.call(w.head, "close_referral", name=referral, solved="否", measures="已向诉求人说明")
		self.assertRefused(response, "政策性原因")
		self.assertEqual(str(w.doc(REF, referral).modified), str(before.modified))
		response = w.call(
			w.head,
			"close_referral",
			name=referral,
			solved="否",
			measures="已向诉求人说明",
			policy_explanation="异地就医备案须本人或代办人持证件办理，系省统一规定",
			satisfied="基本满意",
		)
		self.assertOk(response)
		self.assertEqual(w.doc(DT, name).outcome, "未解决")

	def test_the_summary_is_signed_in_order_by_the_named_people(self):
		w = self.w
		name = w.complaint(closed_on_spot=1, window_measures="当场协调办结")
		frappe.db.rollback()
		self.assertOk(
			w.client(w.handler).update(
				DT,
				name,
				{
					"visit_by": w.handler,
					"visit_time": "2026-03-10 10:00:00",
					"visit_solved": "是",
					"visit_satisfied": "满意",
					"supervision_measures": "约谈窗口负责人",
					"summary_analysis": "窗口服务用语不规范，已组织培训",
				},
			)
		)
		sign = "sign_summary"
		self.assertRefused(w.call(w.reviewer, sign, complaint_name=name, role="reviewer"), "顺序")
		self.assertRefused(w.call(w.leader, sign, complaint_name=name, role="leader"), "顺序")
		self.assertRefused(
			w.call(w.reviewer, sign, complaint_name=name, role="handler"), "不是本表指定的经办人"
		)
		self.assertFalse(w.doc(DT, name).handler_signed_at)
		self.assertOk(w.call(w.handler, sign, complaint_name=name, role="handler"))
		self.assertRefused(
			w.call(w.handler, sign, complaint_name=name, role="reviewer"), "不是本表指定的审核人"
		)
		# a signed summary is corrected only by reopening it with a reason: the signature goes
		self.assertRefused(w.client(w.handler).update(DT, name, {"summary_analysis": "改写"}), "已签字")
		self.assertRefused(w.call(w.handler, "reopen_summary", complaint_name=name, reason=""), "写明理由")
		self.assertRefused(
			w.call(w.staff, "reopen_summary", complaint_name=name, reason="回访记录有误"), "投诉处理员"
		)
		self.assertTrue(w.doc(DT, name).handler_signed_at)
		self.assertOk(w.call(w.handler, "reopen_summary", complaint_name=name, reason="回访记录有误"))
		self.assertFalse(w.doc(DT, name).handler_signed_at)
		self.assertOk(
			w.client(w.handler).update(DT, name, {"summary_analysis": "窗口服务用语不规范，已组织培训并回访"})
		)
		self.assertOk(w.call(w.handler, sign, complaint_name=name, role="handler"))
		self.assertOk(w.call(w.reviewer, sign, complaint_name=name, role="reviewer"))
		self.assertOk(w.call(w.leader, sign, complaint_name=name, role="leader"))
		doc = w.doc(DT, name)
		self.assertTrue(doc.handler_signed_at <= doc.reviewer_signed_at <= doc.leader_signed_at)
		self.assertRefused(w.client(w.handler).update(DT, name, {"summary_analysis": "改写"}), "已签字")


class TestDeadline(ComplaintTestCase):
	def test_reminder_overdue_and_one_escalation_to_the_window_leader(self):
		w = self.w
		name = w.complaint()
		self.assertOk(w.refer(name))
		referral = w.referral_of(name)
		frappe.db.rollback()
		self.assertEqual(str(frappe.db.get_value(REF, referral, "due_date")), "2026-03-12")
		run_deadlines(on=frappe.utils.getdate("2026-03-11"))
		self.assertFalse(frappe.db.get_value(REF, referral, "reminder_sent"))
		run_deadlines(on=frappe.utils.getdate("2026-03-12"))
		doc = frappe.get_doc(REF, referral)
		self.assertEqual((doc.reminder_sent, doc.is_overdue, doc.auto_escalated), (1, 0, 0))
		counts = run_deadlines(on=frappe.utils.getdate("2026-03-13"))
		doc = frappe.get_doc(REF, referral)
		self.assertEqual((doc.is_overdue, doc.auto_escalated, doc.escalated_to), (1, 1, w.leader))
		self.assertGreaterEqual(counts["escalated"], 1)
		self.assertTrue(frappe.db.exists("ToDo", {"reference_name": referral, "allocated_to": w.leader}))
		modified = doc.modified
		again = run_deadlines(on=frappe.utils.getdate("2026-03-16"))
		self.assertEqual(frappe.get_doc(REF, referral).modified, modified)
		self.assertEqual(frappe.db.count("ToDo", {"reference_name": referral, "allocated_to": w.leader}), 1)
		self.assertEqual(again["escalated"], 0)
		frappe.db.rollback()


class TestStandIn(ComplaintTestCase):
	def test_a_stand_in_takes_over_the_heads_waiting_referral(self):
		from insurance_hall.tests.factories import make_substitute_assignment

		w = self.w
		name = w.complaint()
		self.assertOk(w.refer(name))
		referral = w.referral_of(name)
		start = frappe.utils.today()
		assignment = make_substitute_assignment(w.head, w.reviewer, start, frappe.utils.add_days(start, 3))
		frappe.db.commit()
		try:
			doc = w.doc(REF, referral)
			self.assertEqual((doc.receiver, doc.acting_for), (w.reviewer, w.head))
			self.assertRefused(w.call(w.head, "receive_referral", name=referral), "不是该承办单的接收人")
			self.assertOk(
				w.call(w.reviewer, "close_referral", name=referral, solved="是", measures="代岗人当日办结")
			)
			self.assertEqual(w.doc(REF, referral).status, "已办结")
		finally:
			frappe.db.rollback()
			frappe.delete_doc("Substitute Assignment", assignment.name, ignore_permissions=True, force=True)
			frappe.db.commit()
