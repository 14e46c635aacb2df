"""The refusal sheet climbing a county's chain, tried through the REST API as each person.

003 南阳: "构建“首问责任人——业务科（室）、局属单位负责人——局分管领导——局主要领导”四级责任链条"
"""

from __future__ import annotations

from threading import Thread

import frappe
from frappe.utils import add_days, getdate, today

from insurance_hall.services.refusal import run_deadlines
from insurance_hall.tests.factories import apply_shipped_profile, make_substitute_assignment
from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.utils import IntegrationTestCase, run_background_jobs, wait_until

DT = "Refusal Sheet"


class RefusalTestCase(IntegrationTestCase):
	profile = "nanyang"
	tag = "rs"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = RefusalWorld(cls.profile, department=f"说不测试科{cls.tag}", tag=cls.tag)

	@classmethod
	def tearDownClass(cls):
		cls.w.cleanup()
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def assertOk(self, response):
		self.assertEqual(response.status, 200, response.message or response.text[:300])

	def assertRefused(self, response, text: str = ""):
		"""Refused, with a message in Chinese (naming `text` when given)."""
		self.assertGreaterEqual(response.status, 400, response.text[:300])
		self.assertIn(text, response.message)
		self.assertRegex(response.message, r"[\u4e00-\u9fff]", response.text[:300])

	def assertUnchanged(self, name: str, before):
		after = self.w.sheet(name)
		self.assertEqual(str(after.modified), str(before.modified))
		self.assertEqual(after.workflow_state, before.workflow_state)
		self.assertEqual(len(after.steps), len(before.steps))


class TestNanyangChain(RefusalTestCase):
	def test_the_sheet_climbs_to_the_main_leader_who_confirms(self):
		w = self.w
		name = w.file()
		sheet = w.sheet(name)
		self.assertEqual(sheet.workflow_state, "审批中")
		self.assertEqual(sheet.first_responder, w.clerk)
		self.assertEqual(
			[lv.approver for lv in sheet.levels], ["Department Head", "Deputy In Charge", "Main Leader"]
		)
		self.assertEqual((sheet.current_level, sheet.current_approver), (1, w.head))
		# 2026-03-09 (Mon) + 3 working days, counted from the next day
		self.assertEqual(str(sheet.due_date), "2026-03-12")

		self.assertOk(w.act(w.head, name, "提级", "把握不准，提请分管领导审批"))
		self.assertEqual(w.sheet(name).current_approver, w.deputy)
		self.assertOk(w.act(w.deputy, name, "提级", "仍不能办，提请主要领导审定"))
		self.assertEqual(w.sheet(name).current_approver, w.leader)
		self.assertOk(w.act(w.leader, name, "确认说不", "确实不符合政策，同意说“不”"))

		sheet = w.sheet(name)
		self.assertEqual((sheet.workflow_state, sheet.docstatus, sheet.outcome), ("已说不", 1, "Refused"))
		self.assertEqual(sheet.decided_level_type, "Main Leader")
		self.assertEqual(sheet.decided_by, w.leader)
		self.assertFalse(sheet.current_approver)
		trail = [(s.level, s.approver, s.action) for s in sheet.steps]
		self.assertEqual(
			trail,
			[(0, w.clerk, "提交审批"), (1, w.head, "提级"), (2, w.deputy, "提级"), (3, w.leader, "确认说不")],
		)
		self.assertEqual(sheet.steps[-1].opinion, "确实不符合政策，同意说“不”")
		self.assertTrue(all(s.acted_at for s in sheet.steps))

		# the clerk tells the applicant by phone, with a note of the call
		refused = w.act(w.clerk, name, "记录答复", reply_method="电话")
		self.assertRefused(refused, "电话答复须记录通话情况")
		answered = w.act(
			w.clerk,
			name,
			"记录答复",
			reply_method="电话",
			reply_note="3月11日致电张三，告知理由与替代办法",
			applicant_feedback="表示理解",
		)
		self.assertEqual(answered.status, 200, answered.text[:300])
		sheet = w.sheet(name)
		self.assertEqual(
			(sheet.workflow_state, sheet.reply_method, sheet.applicant_feedback),
			("已答复", "电话", "表示理解"),
		)
		self.assertTrue(sheet.replied_on)

	def test_a_section_head_may_solve_it(self):
		w = self.w
		name = w.file()
		self.assertOk(w.act(w.head, name, "能办", "可按异地就医备案办理，已告知材料"))
		sheet = w.sheet(name)
		self.assertEqual(
			(sheet.workflow_state, sheet.outcome, sheet.decided_level_type),
			("已办理", "Solved", "Department Head"),
		)

	def test_the_approver_is_told_and_nobody_else(self):
		w = self.w
		from frappe.utils.background_jobs import get_queue

		# a test bench only: earlier tests' queued emails are dropped so the worker below runs ours
		get_queue("short").empty()
		before = frappe.db.count("Email Queue")
		name = w.file()
		frappe.db.rollback()
		todo = frappe.get_all(
			"ToDo", filters={"reference_name": name, "status": "Open"}, fields=["allocated_to", "description"]
		)
		self.assertEqual([t.allocated_to for t in todo], [w.head])
		self.assertIn("张三", todo[0].description)
		self.assertIn("2026-03-12", todo[0].description)
		self.assertIn(f"/app/refusal-sheet/{name}", todo[0].description)
		logs = frappe.get_all("Notification Log", filters={"document_name": name}, pluck="for_user")
		self.assertEqual(logs, [w.head])
		run_background_jobs()  # the email is queued by a background job once the action is committed
		mails = wait_until(
			lambda: frappe.get_all(
				"Email Queue",
				filters={"reference_name": name},
				fields=["name", "message"],
				order_by="creation",
			)
		)
		self.assertGreater(frappe.db.count("Email Queue"), before)
		recipients = {
			r
			for m in mails
			for r in frappe.get_all("Email Queue Recipient", filters={"parent": m.name}, pluck="recipient")
		}
		self.assertEqual(recipients, {w.head})
		self.assertIn(name, mails[0].message)
		# acting closes the ToDo and opens the next one
		w.act(w.head, name, "提级", "请分管领导审定")
		frappe.db.rollback()
		statuses = dict(
			frappe.get_all(
				"ToDo", filters={"reference_name": name}, fields=["allocated_to", "status"], as_list=True
			)
		)
		self.assertEqual(statuses, {w.head: "Closed", w.deputy: "Open"})


class TestMisuse(RefusalTestCase):
	tag = "rm"

	def test_only_the_current_approver_acts(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		for user in (w.deputy, w.leader, w.other_head, w.standin):
			self.assertRefused(w.act(user, name, "能办", "我来办"), "您不是本级审批人")
		self.assertUnchanged(name, before)

	def test_the_filer_never_approves(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		self.assertRefused(w.act(w.clerk, name, "能办", "自己批"), "不能审批本人填报")
		self.assertUnchanged(name, before)

	def test_skipping_a_level_is_refused(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		# the main leader cannot decide while the section head holds it
		self.assertRefused(w.act(w.leader, name, "确认说不", "直接说不"), "您不是本级审批人")
		# nor can anyone write the level
		self.assertGreaterEqual(
			w.client(w.clerk).update(DT, name, {"current_level": 3, "current_approver": w.leader}).status, 400
		)
		self.assertUnchanged(name, before)
		self.assertEqual(w.sheet(name).current_level, 1)

	def test_confirming_below_an_allowed_level_is_refused(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		self.assertRefused(w.act(w.head, name, "确认说不", "不能办"), "无权确认说“不”")
		self.assertUnchanged(name, before)

	def test_an_empty_opinion_is_refused(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		for opinion in (None, "", "   "):
			self.assertRefused(w.act(w.head, name, "提级", opinion), "请填写审批意见")
		self.assertUnchanged(name, before)

	def test_workflow_state_and_docstatus_cannot_be_written(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		clerk = w.client(w.clerk)
		self.assertRefused(clerk.update(DT, name, {"workflow_state": "已办理"}))
		self.assertRefused(clerk.update(DT, name, {"docstatus": 1}))
		self.assertRefused(w.client(w.head).update(DT, name, {"workflow_state": "已办理"}))
		# the platform's workflow call, without the sheet's checks, is refused too
		self.assertRefused(
			w.client(w.head).call(
				"frappe.model.workflow.apply_workflow",
				{"doc": frappe.as_json(before.as_dict()), "action": "能办"},
			),
		)
		self.assertUnchanged(name, before)

	def test_two_approvers_at_once_exactly_one_wins(self):
		w = self.w
		name = w.file()
		seen = str(w.sheet(name).modified)
		results = {}

		def go(key, action, opinion):
			results[key] = w.client(w.head).call(
				"insurance_hall.api.refusal_sheet.act",
				{"name": name, "action": action, "opinion": opinion, "modified": seen},
			)

		threads = [
			Thread(target=go, args=("a", "能办", "能办")),
			Thread(target=go, args=("b", "提级", "提级")),
		]
		for t in threads:
			t.start()
		for t in threads:
			t.join()
		statuses = sorted(r.status for r in results.values())
		self.assertEqual(statuses[0], 200)
		self.assertGreaterEqual(statuses[1], 400)
		loser = next(r for r in results.values() if r.status >= 400)
		self.assertIn("已被他人处理或修改", loser.message)
		self.assertEqual(len([s for s in w.sheet(name).steps if s.approver == w.head]), 1)

	def test_a_decided_sheet_cannot_be_edited_or_deleted(self):
		w = self.w
		name = w.file()
		w.act(w.head, name, "能办", "可以办")
		before = w.sheet(name)
		clerk = w.client(w.clerk)
		self.assertRefused(clerk.update(DT, name, {"refusal_reason": "改写理由"}))
		self.assertRefused(clerk.update(DT, name, {"remarks": "补一句"}))
		self.assertRefused(clerk.delete(DT, name))
		self.assertRefused(w.client(w.head).delete(DT, name))
		self.assertUnchanged(name, before)

	def test_a_sheet_under_approval_cannot_be_edited_or_deleted(self):
		w = self.w
		name = w.file()
		before = w.sheet(name)
		self.assertRefused(w.client(w.clerk).update(DT, name, {"refusal_reason": "改写"}), "不能修改")
		self.assertRefused(w.client(w.clerk).delete(DT, name), "不能删除")
		self.assertUnchanged(name, before)

	def test_return_to_clerk_and_resubmit(self):
		w = self.w
		name = w.file()
		self.assertOk(w.act(w.head, name, "退回补充", "请补充医院诊断证明"))
		sheet = w.sheet(name)
		self.assertEqual((sheet.workflow_state, sheet.current_approver), ("退回补充", None))
		edited = w.client(w.clerk).update(DT, name, {"refusal_reason": "该药品不在目录内，已补充诊断证明"})
		self.assertEqual(edited.status, 200, edited.text[:300])
		self.assertRefused(w.act(w.clerk, name, "重新提交"), "请写明补充的情况")
		self.assertOk(w.act(w.clerk, name, "重新提交", "已补充诊断证明"))
		sheet = w.sheet(name)
		self.assertEqual(
			(sheet.workflow_state, sheet.current_approver, sheet.current_level), ("审批中", w.head, 1)
		)


class TestStandInAndChains(RefusalTestCase):
	tag = "rc"

	def test_the_stand_in_acts_and_the_trail_keeps_both_names(self):
		w = self.w
		assignment = make_substitute_assignment(w.head, w.standin, today(), add_days(today(), 2))
		frappe.db.commit()
		try:
			name = w.file()
			sheet = w.sheet(name)
			self.assertEqual((sheet.current_approver, sheet.acting_for), (w.standin, w.head))
			# the absent head is not the one who acts now
			self.assertRefused(w.act(w.head, name, "能办", "我来"), "您不是本级审批人")
			self.assertOk(w.act(w.standin, name, "提级", "代科长审核：提请分管领导"))
			step = w.sheet(name).steps[-1]
			self.assertEqual((step.approver, step.on_behalf_of, step.action), (w.standin, w.head, "提级"))
		finally:
			frappe.delete_doc("Substitute Assignment", assignment.name, ignore_permissions=True, force=True)
			frappe.db.commit()

	def test_a_sheet_finishes_on_the_chain_it_started_on(self):
		w = self.w
		name = w.file()
		frappe.db.rollback()  # a fresh transaction sees the filed sheet
		apply_shipped_profile("wanzhou")  # one level: 科室长
		frappe.db.commit()
		try:
			self.assertOk(w.act(w.head, name, "提级", "请分管领导审定"))
			sheet = w.sheet(name)
			self.assertEqual(
				(sheet.current_level, sheet.current_approver, len(sheet.levels)), (2, w.deputy, 3)
			)
			# a new sheet takes the new chain: one level, whose head may confirm
			new = w.file()
			self.assertEqual(len(w.sheet(new).levels), 1)
			self.assertOk(w.act(w.head, new, "确认说不", "不符合规定"))
		finally:
			apply_shipped_profile(self.profile)
			frappe.db.commit()

	def test_the_filer_who_heads_the_department_is_skipped(self):
		w = self.w
		frappe.db.set_value("Hall Department", w.department, "head", w.clerk)
		frappe.db.commit()
		try:
			name = w.file()
			sheet = w.sheet(name)
			self.assertEqual((sheet.current_level, sheet.current_approver), (2, w.deputy))
			self.assertEqual([s.action for s in sheet.steps], ["提交审批", "自动提级"])
		finally:
			frappe.db.set_value("Hall Department", w.department, "head", w.head)
			frappe.db.commit()


class TestYinanAndKaiyuanChains(RefusalTestCase):
	profile = "kaiyuan"
	tag = "rk"

	def test_kaiyuan_deputy_decides_by_meeting_and_the_notice_is_written(self):
		w = self.w
		name = w.file()
		sheet = w.sheet(name)
		self.assertEqual((len(sheet.levels), sheet.current_approver), (1, w.deputy))
		self.assertOk(w.act(w.deputy, name, "确认说不", "经研究不予受理", by_meeting=1))
		sheet = w.sheet(name)
		self.assertEqual((sheet.collective_meeting, sheet.outcome), (1, "Refused"))
		self.assertRefused(
			w.act(w.clerk, name, "记录答复", reply_method="电话", reply_note="已电话告知"), "须书面送达"
		)
		# 开原's chain requires the copy filed with the business-environment office before the answer
		self.assertRefused(
			w.act(w.clerk, name, "记录答复", reply_method="书面", reply_note="告知书已送达"),
			"抄送同级营商环境建设管理部门备案",
		)
		self.assertEqual(w.sheet(name).workflow_state, "已说不")
		ok = w.act(
			w.clerk,
			name,
			"记录答复",
			reply_method="书面",
			reply_note="告知书已送达",
			filed_with_business_office=1,
		)
		self.assertEqual(ok.status, 200, ok.text[:300])
		self.assertEqual(w.sheet(name).filed_with_business_office, 1)

	def test_yinan_records_office_matter_goes_to_its_head_only(self):
		w = self.w
		apply_shipped_profile("yinan")
		frappe.db.set_value("Hall Department", w.department, "refusal_chain", "综合科经办")
		frappe.db.commit()
		try:
			name = w.file()
			sheet = w.sheet(name)
			self.assertEqual(
				(sheet.refusal_chain, len(sheet.levels), sheet.current_approver), ("综合科经办", 1, w.head)
			)
			self.assertOk(w.act(w.head, name, "确认说不", "资料不全，不予受理"))
			# a bureau matter climbs 局分管领导 → 局主要领导
			frappe.db.set_value("Hall Department", w.department, "refusal_chain", None)
			frappe.db.commit()
			other = w.file()
			self.assertEqual(w.sheet(other).current_approver, w.deputy)
		finally:
			frappe.db.set_value("Hall Department", w.department, "refusal_chain", None)
			apply_shipped_profile(self.profile)
			frappe.db.commit()


def run_job(on) -> None:
	"""The daily job as the scheduler runs it: one transaction, committed at the end."""
	run_deadlines(on)
	frappe.db.commit()


class TestDeadlines(RefusalTestCase):
	tag = "rd"

	def test_remind_on_the_last_day_escalate_once_when_late(self):
		w = self.w
		name = w.file()  # request 2026-03-09, due 2026-03-12
		due = getdate("2026-03-12")
		run_job(add_days(due, -1))
		self.assertEqual(len(w.sheet(name).steps), 1)

		run_job(due)
		sheet = w.sheet(name)
		self.assertEqual([s.action for s in sheet.steps], ["提交审批", "到期提醒"])
		self.assertEqual(sheet.current_approver, w.head)
		self.assertIn(
			w.head,
			frappe.get_all(
				"Notification Log", filters={"document_name": name, "type": "Alert"}, pluck="for_user"
			),
		)
		stamp = str(sheet.modified)
		run_job(due)
		self.assertEqual(str(w.sheet(name).modified), stamp)

		late = add_days(due, 1)
		run_job(late)
		sheet = w.sheet(name)
		self.assertEqual([s.action for s in sheet.steps][-1], "超期提级")
		self.assertEqual((sheet.current_level, sheet.current_approver, sheet.is_overdue), (2, w.deputy, 1))
		stamp = str(sheet.modified)
		run_job(late)
		run_job(add_days(late, 1))
		sheet = w.sheet(name)
		self.assertEqual(str(sheet.modified), stamp)
		self.assertEqual(sheet.current_approver, w.deputy)
		self.assertEqual([s.action for s in sheet.steps].count("超期提级"), 1)
