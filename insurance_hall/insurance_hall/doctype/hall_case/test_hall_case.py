"""The case (办件) through the REST API as each user: the clerk's day, 容缺, referral, extension, the
daily job, and every misuse the issue names, each refused in Chinese with nothing changed."""

from __future__ import annotations

import frappe
from frappe.utils import add_days, getdate, today

from insurance_hall.rules import case as r
from insurance_hall.services import case as service
from insurance_hall.services.calendar import add_working_days, working_days_before
from insurance_hall.setup.permissions import MAIN_LEADER, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.bad_input import CJK, assert_refused
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_case,
	make_hall_department,
	make_service_matter,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

API = "insurance_hall.api.case"
IMMEDIATE = "办件测试·参保登记"
PROMISED = "办件测试·异地就医备案"
VALID_ID = "11010519491231002X"


class CaseWorld:
	def __init__(self):
		apply_shipped_profile("yinan")  # 容缺 used, extension by the main leader, 3 working days ahead
		self.clerk = make_user("case.clerk@example.com", WINDOW_STAFF)
		self.other_clerk = make_user("case.other@example.com", WINDOW_STAFF)
		self.receiver = make_user("case.receiver@example.com", WINDOW_STAFF)
		self.head = make_user("case.head@example.com", SECTION_HEAD)
		self.leader = make_user("case.leader@example.com", MAIN_LEADER)
		self.department = make_hall_department("办件测试科", head=self.head)
		self.other_department = make_hall_department(
			"办件接办科",
			room="203",
			phone="0539-0000000",
			duties=[{"duty": "异地就医备案", "first_responder": self.receiver}],
		)
		self.window = make_service_window("CT1", department=self.department, a_staff=self.clerk)
		make_service_window("CT2", department=self.department, a_staff=self.other_clerk)
		make_service_matter(
			IMMEDIATE, matter_type="Immediate", department=self.department, materials=[{"material": "身份证"}]
		)
		make_service_matter(
			PROMISED,
			matter_type="Promised",
			promised_days=5,
			department=self.department,
			materials=[{"material": "身份证"}, {"material": "异地就医备案表", "may_be_missing": 1}],
		)
		frappe.db.set_single_value("Hall Settings", "main_leader", self.leader)
		frappe.db.commit()
		self.clients: dict[str, RestClient] = {}

	def client(self, user: str) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user)
		return self.clients[user]

	def data(self, matter: str = IMMEDIATE, received=("身份证",), **values) -> dict:
		return {
			"applicant_name": "李四",
			"contact_phone": "13900000000",
			"id_number": VALID_ID,
			"channel": "来访",
			"service_matter": matter,
			"window": self.window,
			"materials": [{"material": m, "received": 1} for m in received],
			**values,
		}

	def register(self, user: str | None = None, **values) -> str:
		response = self.client(user or self.clerk).insert("Hall Case", self.data(**values))
		assert response.status == 200, response.text[:800]
		frappe.db.rollback()  # see what the request committed
		return response.json["data"]["name"]

	def call(self, user: str, method: str, **data):
		frappe.db.rollback()  # see what the other requests committed
		return self.client(user).call(f"{API}.{method}", data)

	def accepted_promised_case(self) -> str:
		name = self.register(matter=PROMISED, received=("身份证", "异地就医备案表"))
		response = self.call(self.clerk, "accept", name=name)
		assert response.status == 200, response.text[:800]
		return name


def run_daily(on) -> None:
	"""The daily job in this process, committed as the scheduler's would be (the REST requests of the
	next steps run on their own connections)."""
	frappe.db.rollback()
	service.run_daily(on=on)
	frappe.db.commit()


class TestHallCase(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = CaseWorld()

	def snapshot(self, name: str) -> dict:
		frappe.db.rollback()
		doc = frappe.get_doc("Hall Case", name)
		return {
			"modified": str(doc.modified),
			"status": doc.status,
			"due_date": str(doc.due_date),
			"handler": doc.handler,
			"steps": len(doc.steps),
		}

	def assert_refused_call(self, name: str, response, expected: str, status: int = 400):
		self.assertGreaterEqual(response.status, 400, response.text[:500])
		self.assertIn(expected, response.message)
		self.assertTrue(CJK.search(response.message))

	# ------------------------------------------------------------ the clerk's day

	def test_an_immediate_case_is_registered_accepted_and_done_the_same_day(self):
		w = self.w
		name = w.register()
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual(doc.first_responder, w.clerk)
		self.assertEqual(doc.handler, w.clerk)
		self.assertEqual(doc.department, w.department)
		self.assertEqual([(m.material, m.received) for m in doc.materials], [("身份证", 1)])
		accepted = w.call(w.clerk, "accept", name=name)
		self.assertEqual(accepted.status, 200, accepted.text[:500])
		self.assertEqual(accepted.json["message"]["status"], r.ACCEPTED)
		self.assertEqual(accepted.json["message"]["due_date"], today())
		done = w.call(w.clerk, "finish", name=name)
		self.assertEqual(done.status, 200, done.text[:500])
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual((doc.status, doc.on_time, str(doc.closed_on)), (r.DONE, 1, today()))
		self.assertEqual([s.action for s in doc.steps], ["受理", "办结"])

	def test_an_immediate_case_is_registered_and_accepted_in_one_step(self):
		w = self.w
		response = w.call(w.clerk, "register", doc=w.data(status=r.DONE), accept=1)
		self.assertEqual(response.status, 200, response.text[:500])
		result = response.json["message"]
		self.assertEqual(
			(result["status"], result["due_date"], result["handler"]), (r.ACCEPTED, today(), w.clerk)
		)
		before = frappe.db.count("Hall Case")
		refused = w.call(w.clerk, "register", doc=w.data(id_number="110105194912310021"), accept=1)
		self.assert_refused_call(None, refused, "校验码不符")
		lacking = w.call(w.clerk, "register", doc=w.data(matter=PROMISED), accept=1)
		self.assert_refused_call(None, lacking, "缺少：异地就医备案表")
		self.assertEqual(frappe.db.count("Hall Case"), before)

	def test_a_promised_case_is_due_in_working_days_from_the_day_after_acceptance(self):
		name = self.w.accepted_promised_case()
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual(getdate(doc.due_date), add_working_days(today(), 5))

	def test_acceptance_with_missing_materials_names_them(self):
		w = self.w
		name = w.register(matter=PROMISED, received=("身份证",))
		before = self.snapshot(name)
		response = w.call(w.clerk, "accept", name=name)
		self.assert_refused_call(name, response, "缺少：异地就医备案表")
		self.assertEqual(self.snapshot(name), before)

	# ------------------------------------------------------------ bad input through REST

	def test_an_id_number_with_a_wrong_check_digit_is_refused(self):
		w = self.w
		assert_refused(
			self, w.client(w.clerk), "Hall Case", w.data(id_number="110105194912310021"), "校验码不符"
		)

	def test_a_due_date_cannot_be_set_or_changed_by_hand(self):
		w = self.w
		later = str(add_days(today(), 30))
		assert_refused(self, w.client(w.clerk), "Hall Case", w.data(due_date=later), "不能手工填写")
		name = w.accepted_promised_case()
		before = self.snapshot(name)
		response = w.client(w.clerk).update("Hall Case", name, {"due_date": later})
		self.assert_refused_call(name, response, "不能手工修改")
		self.assertEqual(self.snapshot(name), before)

	def test_the_state_cannot_be_changed_by_saving(self):
		w = self.w
		name = w.register()
		before = self.snapshot(name)
		response = w.client(w.clerk).update("Hall Case", name, {"status": r.DONE})
		self.assert_refused_call(name, response, "只能通过本表的办理操作改变")
		self.assertEqual(self.snapshot(name), before)

	def test_rongque_for_a_material_the_matter_does_not_allow_is_refused_naming_it(self):
		w = self.w
		name = w.register(matter=PROMISED, received=())
		before = self.snapshot(name)
		promises = [
			{"material": "身份证", "promised_date": str(add_days(today(), 3))},
			{"material": "异地就医备案表", "promised_date": str(add_days(today(), 3))},
		]
		response = w.call(w.clerk, "accept_rongque", name=name, promises=promises)
		self.assert_refused_call(name, response, "材料“身份证”不在本事项容缺受理清单内")
		self.assertEqual(self.snapshot(name), before)

	def test_a_promised_date_before_acceptance_is_refused(self):
		w = self.w
		name = w.register(matter=PROMISED, received=("身份证",))
		before = self.snapshot(name)
		promises = [{"material": "异地就医备案表", "promised_date": str(add_days(today(), -1))}]
		response = w.call(w.clerk, "accept_rongque", name=name, promises=promises)
		self.assert_refused_call(name, response, "不能早于受理日期")
		self.assertEqual(self.snapshot(name), before)

	def test_a_clerk_of_another_window_cannot_edit_a_case_they_do_not_hold(self):
		w = self.w
		name = w.register()
		before = self.snapshot(name)
		response = w.client(w.other_clerk).update("Hall Case", name, {"contact_phone": "13700000000"})
		self.assertEqual(response.status, 403, response.text[:500])
		self.assertTrue(CJK.search(response.message), response.message)
		accepted = w.call(w.other_clerk, "accept", name=name)
		self.assert_refused_call(name, accepted, "只有经办人可以受理")
		self.assertEqual(self.snapshot(name), before)

	# ------------------------------------------------------------ 容缺受理 and the daily job

	def test_a_rongque_case_is_reminded_and_returned_when_its_promise_passes(self):
		w = self.w
		name = w.register(matter=PROMISED, received=("身份证",))
		promised = str(add_working_days(today(), 2))
		promises = [{"material": "异地就医备案表", "supply_method": "现场提交", "promised_date": promised}]
		response = w.call(w.clerk, "accept_rongque", name=name, promises=promises)
		self.assertEqual(response.status, 200, response.text[:500])
		self.assertEqual(response.json["message"]["status"], r.RONGQUE)
		run_daily(on=working_days_before(promised, 1))
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual(doc.rongque_reminded, 1)
		self.assertEqual(doc.status, r.RONGQUE)
		run_daily(on=add_days(promised, 1))
		run_daily(on=add_days(promised, 1))  # a second run changes nothing
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual(doc.status, r.RETURNED)
		self.assertIn("逾期未补正", doc.return_reason)
		self.assertEqual([s.action for s in doc.steps].count("退办"), 1)
		self.assertIn("告知申请人", [s.action for s in doc.steps])
		self.assertTrue(
			frappe.db.exists(
				"ToDo", {"reference_type": "Hall Case", "reference_name": name, "allocated_to": w.clerk}
			)
		)

	def test_a_supplied_material_restarts_the_count_and_ends_the_rongque(self):
		w = self.w
		name = w.register(matter=PROMISED, received=("身份证",))
		promises = [{"material": "异地就医备案表", "promised_date": str(add_working_days(today(), 2))}]
		self.assertEqual(w.call(w.clerk, "accept_rongque", name=name, promises=promises).status, 200)
		response = w.call(w.clerk, "supply", name=name, materials=["异地就医备案表"])
		self.assertEqual(response.status, 200, response.text[:500])
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual(doc.status, r.ACCEPTED)
		self.assertEqual(getdate(doc.due_date), add_working_days(today(), 5))

	def test_the_daily_job_reminds_before_the_due_date_and_marks_late_cases(self):
		w = self.w
		name = w.accepted_promised_case()
		due = getdate(frappe.db.get_value("Hall Case", name, "due_date"))
		run_daily(on=working_days_before(due, 2))
		self.assertEqual(frappe.db.get_value("Hall Case", name, "reminder_sent"), 0)
		run_daily(on=working_days_before(due, 1))
		run_daily(on=working_days_before(due, 1))  # a second run changes nothing
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual((doc.reminder_sent, doc.is_overdue), (1, 0))
		self.assertEqual([s.action for s in doc.steps], ["受理", "到期提醒"])
		self.assertEqual([s.idx for s in doc.steps], [1, 2])
		told = frappe.get_all(
			"Notification Log",
			filters={"for_user": w.clerk, "document_type": "Hall Case"},
			pluck="email_content",
		)
		self.assertTrue(any(name in text and "即将到期" in text for text in told), told)
		run_daily(on=add_days(due, 1))
		self.assertEqual(frappe.db.get_value("Hall Case", name, "is_overdue"), 1)

	# ------------------------------------------------------------ 首问负责: referral

	def test_a_referral_records_both_names_tells_the_receiver_and_the_first_responder_still_sees_it(self):
		w = self.w
		name = w.register(question="异地就医怎么备案？")
		response = w.call(w.clerk, "refer", name=name, kind="导办", department=w.other_department)
		self.assertEqual(response.status, 200, response.text[:500])
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual((doc.referred_by, doc.referred_to, doc.handler), (w.clerk, w.receiver, w.receiver))
		self.assertIn("203 室", doc.steps[-1].note)
		self.assertTrue(
			frappe.db.exists(
				"ToDo",
				{
					"reference_type": "Hall Case",
					"reference_name": name,
					"allocated_to": w.receiver,
					"status": "Open",
				},
			)
		)
		self.assertTrue(frappe.db.exists("Notification Log", {"document_name": name, "for_user": w.receiver}))
		self.assertEqual(w.client(w.clerk).get("Hall Case", name).status, 200)
		self.assertEqual(w.client(w.receiver).get("Hall Case", name).status, 200)
		before = self.snapshot(name)
		edit = w.client(w.clerk).update("Hall Case", name, {"contact_phone": "13700000000"})
		self.assert_refused_call(name, edit, "只有经办人可以修改")
		self.assertEqual(self.snapshot(name), before)
		ok = w.client(w.receiver).update("Hall Case", name, {"contact_phone": "13700000000"})
		self.assertEqual(ok.status, 200, ok.text[:500])

	def test_a_head_sees_the_cases_of_their_department_only(self):
		w = self.w
		own = w.register()
		referred = w.register()
		self.assertEqual(
			w.call(w.clerk, "refer", name=referred, kind="领办", department=w.other_department).status, 200
		)
		head = w.client(w.head)
		self.assertEqual(head.get("Hall Case", own).status, 200)
		self.assertEqual(head.get("Hall Case", referred).status, 403)

	# ------------------------------------------------------------ extension

	def test_only_the_named_approver_approves_an_extension(self):
		w = self.w
		name = w.accepted_promised_case()
		new_date = str(add_working_days(today(), 10))
		asked = w.call(
			w.clerk, "request_extension", name=name, reason="需外地医院补充证明", new_date=new_date
		)
		self.assertEqual(asked.status, 200, asked.text[:500])
		self.assertEqual(frappe.db.get_value("Hall Case", name, "extension_approver"), w.leader)
		before = self.snapshot(name)
		for intruder in (w.head, w.clerk):
			response = w.call(intruder, "decide_extension", name=name, approve=1)
			self.assert_refused_call(name, response, "不是本办件延期的审批人")
			self.assertEqual(self.snapshot(name), before)
		approved = w.call(w.leader, "decide_extension", name=name, approve=1, opinion="同意")
		self.assertEqual(approved.status, 200, approved.text[:500])
		doc = frappe.get_doc("Hall Case", name)
		self.assertEqual((str(doc.due_date), doc.extension_status), (new_date, r.EXT_APPROVED))
		self.assertEqual(getdate(doc.original_due_date), add_working_days(today(), 5))

	def test_an_extension_asked_too_late_is_refused(self):
		w = self.w
		name = w.accepted_promised_case()
		frappe.db.set_single_value("Hall Settings", "extension_notice_days", 6)
		frappe.db.commit()
		try:
			before = self.snapshot(name)
			response = w.call(
				w.clerk,
				"request_extension",
				name=name,
				reason="需外地医院补充证明",
				new_date=str(add_working_days(today(), 10)),
			)
			self.assert_refused_call(name, response, "至少 6 个工作日")
			self.assertEqual(self.snapshot(name), before)
		finally:
			frappe.db.set_single_value("Hall Settings", "extension_notice_days", 3)
			frappe.db.commit()

	# ------------------------------------------------------------ refusal sheet from a case

	def test_a_refusal_sheet_started_from_a_case_carries_it_over(self):
		w = self.w
		name = make_hall_case(w.clerk, service_matter=IMMEDIATE, window=w.window, applicant_name="王五")
		response = w.client(w.clerk).insert(
			"Refusal Sheet",
			{
				"hall_case": name,
				"request_time": "2026-11-24 09:30:00",
				"refusal_ground": "其他不能办理的事项",
				"refusal_reason": "不符合参保条件",
				"legal_basis": "《社会保险法》",
			},
		)
		self.assertEqual(response.status, 200, response.text[:800])
		sheet = response.json["data"]
		self.assertEqual(
			(sheet["applicant_name"], sheet["service_matter"], sheet["department"], sheet["first_responder"]),
			("王五", IMMEDIATE, w.department, w.clerk),
		)
		self.assertEqual(
			frappe.get_all("Refusal Sheet", filters={"hall_case": name}, pluck="name"), [sheet["name"]]
		)
