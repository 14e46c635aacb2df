"""The hall's own registers through REST, as each person and as the wrong one: 应急处理 (001 §十: "发生群体性（突发
性）事件后，立即电话或书面报告，应急维稳工作组第一时间赶往事件现场统一指挥") and the 问题排查整改台账 (002: "实行銷号管理，
做到问题不解决不放手，解决不彻底不销号"), with the complaint's 总结分析 and a bad rating's 整改 each landing as one line.
Every refusal is Chinese and changes nothing."""

from __future__ import annotations

import importlib
from datetime import timedelta

import frappe
from frappe.utils import add_days, getdate, now_datetime, today

from insurance_hall.rules.roles import DEPUTY, MAIN_LEADER, RECORDS, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.services import clock, rectification
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_department,
	make_rating_token,
	make_served_case,
	make_service_window,
	make_user,
)
from insurance_hall.tests.test_misuse import MisuseCase, Target
from insurance_hall.tests.utils import GuestClient, RestClient

INCIDENT, LINE = "Hall Incident", "Hall Rectification"
API = "insurance_hall.api.registers."
DEPARTMENT = "应急整改测试科"
INCIDENT_LEDGER = importlib.import_module(
	"insurance_hall.insurance_hall.report.突发事件月度台账.突发事件月度台账"
)
LINE_LEDGER = importlib.import_module(
	"insurance_hall.insurance_hall.report.问题整改月度台账.问题整改月度台账"
)


class RegisterCase(MisuseCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("wanzhou")  # incident: 科室负责人 and 分管领导, by 电话 or 书面
		cls.clerk = make_user("rg.clerk@example.com", WINDOW_STAFF, first_name="应急窗口")
		cls.head = make_user("rg.head@example.com", SECTION_HEAD, first_name="应急科长")
		cls.deputy = make_user("rg.deputy@example.com", DEPUTY, first_name="应急分管")
		cls.office = make_user("rg.office@example.com", RECORDS, first_name="应急综合")
		cls.leader = make_user("rg.leader@example.com", MAIN_LEADER)
		make_hall_department(DEPARTMENT)
		frappe.db.set_value("Hall Department", DEPARTMENT, {"head": cls.head, "deputy_in_charge": cls.deputy})
		cls.window = make_service_window("应1", department=DEPARTMENT, a_staff=cls.clerk, in_service=1)
		frappe.db.commit()
		cls.clients: dict[str, RestClient] = {}

	@classmethod
	def tearDownClass(cls):
		cleanup()
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def client(self, user: str) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user)
		return self.clients[user]

	def call(self, user: str, method: str, **data):
		frappe.db.rollback()
		return self.client(user).call(API + method, data)

	def refused(self, response, expected: str) -> None:
		self.assertGreaterEqual(response.status, 400, response.text[:300])
		self.assertIn(expected, response.message)
		self.assertNotIn("Traceback", response.text)

	def ok(self, response):
		self.assertEqual(response.status, 200, response.text[:600])
		return response.json

	def doc(self, doctype: str, name: str):
		frappe.db.rollback()
		return frappe.get_doc(doctype, name)

	def todo(self, doctype: str, name: str, user: str, status: str = "Open") -> bool:
		frappe.db.rollback()
		return bool(
			frappe.db.exists(
				"ToDo",
				{"reference_type": doctype, "reference_name": name, "allocated_to": user, "status": status},
			)
		)


def cleanup() -> None:
	frappe.db.rollback()
	for doctype, child_tables in (
		(INCIDENT, ("Hall Incident Report", "Hall Incident Step")),
		(LINE, ("Hall Rectification Step",)),
	):
		names = frappe.get_all(doctype, pluck="name")
		for name in names:
			frappe.db.delete("ToDo", {"reference_type": doctype, "reference_name": name})
			frappe.db.delete("Comment", {"reference_doctype": doctype, "reference_name": name})
			frappe.db.delete("DocShare", {"share_doctype": doctype, "share_name": name})
		for child in child_tables:
			frappe.db.delete(child, {"parenttype": doctype})
		frappe.db.delete(doctype)
	frappe.db.commit()


class TestIncident(RegisterCase):
	def register(self, user: str | None = None, **values) -> str:
		data = {
			"kind": "人员聚集",
			"occurred_at": str(now_datetime() - timedelta(minutes=30)),
			"department": DEPARTMENT,
			"place": "服务大厅",
			"window": self.window,
			"description": "十余名群众聚集在窗口前反映待遇问题",
			**values,
		}
		return self.ok(self.client(user or self.office).insert(INCIDENT, data))["data"]["name"]

	def test_an_incident_is_reported_met_on_the_scene_and_ended(self):
		before = frappe.db.count(INCIDENT)
		# a window clerk tells their head; the register is not theirs
		response = self.client(self.clerk).insert(
			INCIDENT, {"kind": "人员聚集", "occurred_at": str(now_datetime()), "description": "聚集"}
		)
		self.assertEqual(response.status, 403, response.text[:300])
		self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in response.message), response.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(INCIDENT), before)
		# bad input: an event in the future
		self.refused(
			self.client(self.office).insert(
				INCIDENT,
				{
					"kind": "系统故障",
					"occurred_at": str(now_datetime() + timedelta(hours=2)),
					"description": "x",
				},
			),
			"事件发生时间不能晚于现在",
		)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(INCIDENT), before)

		name = self.register()
		doc = self.doc(INCIDENT, name)
		self.assertEqual((doc.status, [s.action for s in doc.steps]), ("处置中", ["登记"]))
		# closing an incident never reported is refused, and nothing is saved (not even the outcome given)
		self.refused(
			self.call(self.office, "close_incident", name=name, outcome="已疏导"),
			"突发事件须立即电话或书面报告：请先登记报告时间，再结束事件",
		)
		doc = self.doc(INCIDENT, name)
		self.assertEqual((doc.status, doc.outcome, doc.closed_at), ("处置中", None, None))
		# a clerk neither reports nor ends it
		self.refused(
			self.call(self.clerk, "report_incident", name=name, post="Department Head", way="电话"),
			"只有科室负责人、分管领导、主要领导或综合科可以报告突发事件",
		)
		# 立即电话报告: the department head, through the router, gets it in the inbox
		self.ok(self.call(self.office, "report_incident", name=name, post="Department Head", way="电话"))
		self.assertTrue(self.todo(INCIDENT, name, self.head))
		self.refused(
			self.call(self.office, "report_incident", name=name, post="Department Head", way="微信"),
			"报告方式应为电话或书面",
		)
		self.ok(self.call(self.office, "report_incident", name=name, post="Deputy In Charge", way="书面"))
		self.assertTrue(self.todo(INCIDENT, name, self.deputy))
		self.ok(
			self.call(
				self.office, "report_incident", name=name, post="上级部门", way="书面", to_whom="区医保局"
			)
		)
		doc = self.doc(INCIDENT, name)
		self.assertEqual(
			[(r.post, r.reported_to, r.way) for r in doc.reports],
			[
				("科室负责人", self.head, "电话"),
				("局分管领导", self.deputy, "书面"),
				("上级部门", None, "书面"),
			],
		)
		self.assertIn("应急科长", doc.reports[0].to_whom)
		self.assertTrue(all(r.reported_at and r.reported_by == self.office for r in doc.reports))
		self.assertEqual([s.action for s in doc.steps], ["登记", "报告", "报告", "报告"])
		# the 应急维稳工作组 on the scene, once
		self.ok(self.call(self.head, "arrive_incident", name=name, note="科长到场统一指挥"))
		self.refused(self.call(self.head, "arrive_incident", name=name), "不能重复登记")
		self.refused(
			self.call(self.clerk, "close_incident", name=name, outcome="已疏导"),
			"只有科室负责人、分管领导、主要领导或综合科可以结束突发事件",
		)
		self.assertEqual(self.doc(INCIDENT, name).status, "处置中")
		self.ok(
			self.call(
				self.head,
				"close_incident",
				name=name,
				measures="设置临时引导岗，解释政策",
				outcome="群众已疏导，秩序恢复",
				follow_up="次日电话回访",
			)
		)
		doc = self.doc(INCIDENT, name)
		self.assertEqual(
			(doc.status, doc.closed_by, doc.outcome), ("已结束", self.head, "群众已疏导，秩序恢复")
		)
		self.assertEqual(doc.arrived_by, self.head)
		self.assertEqual(doc.steps[-1].action, "结束")
		# the people told are done with it
		self.assertFalse(self.todo(INCIDENT, name, self.head))
		self.assertFalse(self.todo(INCIDENT, name, self.deputy))
		# an ended incident stays as it ended
		self.refused(
			self.client(self.office).update(INCIDENT, name, {"outcome": "改写"}),
			"该突发事件已结束，不能再修改",
		)
		self.refused(
			self.call(self.office, "report_incident", name=name, post="Department Head", way="电话"), "已结束"
		)
		self.assertEqual(self.doc(INCIDENT, name).outcome, "群众已疏导，秩序恢复")
		# the month's ledger lists it with its reports and the minutes to the first report and the arrival
		now = getdate(today())
		columns, rows = INCIDENT_LEDGER.execute({"year": now.year, "month": f"{now.month}月"})
		(row,) = [r for r in rows if r["name"] == name]
		self.assertIn("电话报告科室负责人", row["reports"])
		self.assertGreaterEqual(row["report_minutes"], 29)
		self.assertEqual(row["status"], "已结束")
		self.assertIn("report_minutes", [c["fieldname"] for c in columns])
		# its 突发事件登记表 prints
		html = frappe.get_print(INCIDENT, name, print_format="突发事件登记表")
		self.assertIn("突发事件登记表", html)
		self.assertIn("群众已疏导，秩序恢复", html)

	def test_managed_fields_and_rows_change_only_by_actions(self):
		name = self.register(kind="系统故障", description="医保信息平台无法登录")
		self.ok(self.call(self.office, "report_incident", name=name, post="Department Head", way="电话"))
		tried = 0
		for user in (self.office, self.head):
			tried += self.attack(
				Target(
					INCIDENT,
					name,
					user,
					{
						"status": "已结束",
						"arrived_at": str(now_datetime()),
						"closed_at": str(now_datetime()),
						"closed_by": self.office,
					},
					{"reports": "Hall Incident Report", "steps": "Hall Incident Step"},
					("只能通过“报告”“到场”“结束”操作登记", "不能", "权限", "无权"),
				)
			)
		self.assertGreaterEqual(tried, 50)
		# a new incident cannot come in already ended or with a report row of its own
		response = self.client(self.office).insert(
			INCIDENT,
			{
				"kind": "其他",
				"occurred_at": str(now_datetime()),
				"description": "x",
				"status": "已结束",
				"reports": [
					{
						"post": "科室负责人",
						"to_whom": "张三",
						"way": "电话",
						"reported_at": str(now_datetime()),
					}
				],
			},
		)
		self.refused(response, "只能通过“报告”“到场”“结束”操作登记")


class TestRectification(RegisterCase):
	def register(self, user: str | None = None, **values):
		data = {
			"source": "检查",
			"department": DEPARTMENT,
			"responsible": self.clerk,
			"problem": "窗口工作人员未按规定佩戴工作牌",
			"measure": "重申着装规范，每日晨检",
			**values,
		}
		return self.client(user or self.office).insert(LINE, data)

	def test_a_line_is_fixed_by_its_owner_and_closed_by_someone_else(self):
		before = frappe.db.count(LINE)
		self.assertEqual(self.register(self.clerk).status, 403)
		self.refused(self.register(due_date=add_days(today(), -1)), "完成时限不能早于今天")
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(LINE), before)
		name = self.ok(self.register())["data"]["name"]
		doc = self.doc(LINE, name)
		# no deadline given: the county's working days on the shared clock (002's 台账 sets it line by line)
		self.assertEqual(getdate(doc.due_date), clock.due_in_working_days(getdate(today()), 10))
		self.assertEqual((doc.status, [s.action for s in doc.steps]), ("整改中", ["登记"]))
		self.assertTrue(self.todo(LINE, name, self.clerk))
		# the owner reads their line (shared by the inbox), though a clerk has no right on the register
		self.assertEqual(self.client(self.clerk).get(LINE, name).status, 200)
		# the deadline and the course are not edited by hand
		self.refused(
			self.client(self.office).update(LINE, name, {"due_date": add_days(today(), 60)}),
			"完成时限登记后不能直接修改",
		)
		self.refused(
			self.client(self.office).update(LINE, name, {"status": "已销号", "verified_by": self.office}),
			"只能通过“完成整改”“验证销号”操作改变",
		)
		self.refused(
			self.call(self.head, "complete_rectification", name=name, result="已整改"),
			"只有整改责任人本人可以提交完成整改",
		)
		self.refused(self.call(self.clerk, "verify_rectification", name=name), "尚未完成整改")
		self.ok(self.call(self.clerk, "complete_rectification", name=name, result="已佩戴，晨检记录附后"))
		doc = self.doc(LINE, name)
		self.assertEqual((doc.status, doc.verifier), ("待验证", self.head))
		self.assertFalse(self.todo(LINE, name, self.clerk))
		self.assertTrue(self.todo(LINE, name, self.head))
		# the owner never closes their own line; another head is not its verifier
		self.refused(
			self.call(self.clerk, "verify_rectification", name=name, passed=1),
			"整改责任人不能验证销号本人的整改",
		)
		self.refused(
			self.call(self.deputy, "verify_rectification", name=name, passed=1),
			"只有被指定的验证人或综合科可以验证销号",
		)
		self.assertEqual(self.doc(LINE, name).status, "待验证")
		# a fix that does not hold goes back to the owner, with why
		self.refused(self.call(self.head, "verify_rectification", name=name, passed=0), "请写明原因")
		self.ok(self.call(self.head, "verify_rectification", name=name, passed=0, note="抽查仍有一人未佩戴"))
		doc = self.doc(LINE, name)
		self.assertEqual(doc.status, "整改中")
		self.assertTrue(self.todo(LINE, name, self.clerk))
		self.ok(self.call(self.clerk, "complete_rectification", name=name, result="已全部佩戴"))
		self.ok(self.call(self.head, "verify_rectification", name=name, passed=1, note="复查合格"))
		doc = self.doc(LINE, name)
		self.assertEqual((doc.status, doc.verified_by), ("已销号", self.head))
		self.assertEqual(
			[s.action for s in doc.steps], ["登记", "完成整改", "验证不通过", "完成整改", "验证销号"]
		)
		self.assertFalse(self.todo(LINE, name, self.head))
		self.refused(
			self.client(self.office).update(LINE, name, {"problem": "改写"}), "该问题已销号，不能直接修改"
		)
		# the month's ledger, in the columns of 002's 台账
		now = getdate(today())
		columns, rows = LINE_LEDGER.execute({"year": now.year, "month": now.month})
		(row,) = [r for r in rows if r["name"] == name]
		self.assertEqual((row["status"], row["responsible_name"], row["overdue"]), ("已销号", "应急窗口", ""))
		self.assertEqual(
			[c["label"] for c in columns][5:11],
			["查摆问题", "整改措施", "完成时限", "责任人", "整改渠道", "问题类型"],
		)

	def test_a_heads_own_line_is_verified_past_them(self):
		"""回避: the owner is the department head; the router passes the verification up to the deputy in charge,
		and 综合科 may verify it too."""
		name = self.ok(self.register(responsible=self.head, due_date=today()))["data"]["name"]
		self.assertEqual(getdate(self.doc(LINE, name).due_date), getdate(today()))
		self.ok(self.call(self.head, "complete_rectification", name=name, result="已整改"))
		doc = self.doc(LINE, name)
		self.assertEqual(doc.verifier, self.deputy)
		self.assertIn("回避", [s.action for s in doc.steps])
		self.refused(self.call(self.head, "verify_rectification", name=name, passed=1), "不能验证销号本人")
		self.ok(self.call(self.office, "verify_rectification", name=name, passed=1))
		self.assertEqual(self.doc(LINE, name).status, "已销号")

	def test_managed_fields_and_rows_change_only_by_actions(self):
		name = self.ok(self.register())["data"]["name"]
		tried = self.attack(
			Target(
				LINE,
				name,
				self.office,
				{
					"status": "已销号",
					"due_date": add_days(today(), 90),
					"responsible": self.deputy,
					"verified_by": self.office,
					"result": "已整改",
				},
				{"steps": "Hall Rectification Step"},
				("只能通过", "完成时限登记后不能直接修改", "不能直接修改", "权限", "无权"),
			)
		)
		self.assertGreaterEqual(tried, 27)

	def test_a_bad_ratings_fix_lands_once_and_waits_on_a_verifier(self):
		case = make_served_case(self.clerk, self.window, applicant_name="王整改")
		token = make_rating_token("Hall Case", case)
		response = GuestClient().call(
			"insurance_hall.api.rating.submit",
			{"token": token, "level": "不满意", "bad_reasons": ["办事程序不便利"]},
		)
		self.assertEqual(response.status, 200, response.message)
		frappe.db.rollback()
		rating = frappe.db.get_value("Hall Rating", {"reference_name": case}, "name")
		checker = frappe.db.get_value("Hall Rating", rating, "checker")
		api = "insurance_hall.api.rating."
		self.ok(
			self.client(checker).call(
				api + "conclude_check", {"name": rating, "conclusion": "差评属实", "note": "窗口排队无人引导"}
			)
		)
		self.ok(self.client(checker).call(api + "report_fix", {"name": rating, "report": "增设引导岗"}))
		frappe.db.rollback()
		line = frappe.db.get_value(LINE, {"source_doctype": "Hall Rating", "source_name": rating}, "name")
		self.assertTrue(line)
		doc = frappe.get_doc(LINE, line)
		self.assertEqual(
			(doc.source, doc.responsible, doc.status, doc.result), ("评价", checker, "待验证", "增设引导岗")
		)
		self.assertNotIn(doc.verifier, (checker, self.clerk))
		self.assertTrue(doc.verifier)
		# once: the hook run again finds the same line
		self.assertEqual(rectification.from_rating(frappe.get_doc("Hall Rating", rating)), line)
		self.assertEqual(frappe.db.count(LINE, {"source_name": rating}), 1)


class TestLedgerExport(RegisterCase):
	def export(self, report: str) -> list[list]:
		import json
		from io import BytesIO

		from frappe.desk.query_report import export_query
		from openpyxl import load_workbook

		now = getdate(today())
		frappe.local.form_dict = frappe._dict(
			{
				"report_name": report,
				"file_format_type": "Excel",
				"filters": json.dumps({"year": now.year, "month": f"{now.month}月"}),
				"visible_idx": "[]",
				"include_indentation": 0,
			}
		)
		export_query()
		self.assertEqual(frappe.response["type"], "binary")
		sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
		return [list(row) for row in sheet.iter_rows(values_only=True)]

	def test_both_ledgers_export_to_excel_with_chinese_columns(self):
		line = self.ok(
			self.client(self.office).insert(
				LINE, {"source": "自查", "responsible": self.clerk, "problem": "导出测试问题"}
			)
		)
		incident = self.ok(
			self.client(self.office).insert(
				INCIDENT,
				{"kind": "系统故障", "occurred_at": str(now_datetime()), "description": "导出测试事件"},
			)
		)
		rows = self.export("问题整改月度台账")
		self.assertEqual(rows[0][:3], ["序号", "整改问题", "发现日期"])
		self.assertIn(line["data"]["name"], [row[1] for row in rows[1:]])
		rows = self.export("突发事件月度台账")
		self.assertEqual(rows[0][:3], ["突发事件", "事件类别", "发生时间"])
		self.assertIn(incident["data"]["name"], [row[0] for row in rows[1:]])


class TestComplaintSummary(MisuseCase):
	def test_a_signed_summary_lands_once_owned_by_the_departments_head(self):
		from insurance_hall.tests.complaint_world import ComplaintWorld

		w = ComplaintWorld(tag="rgc")
		try:
			name = w.complaint(closed_on_spot=1, window_measures="当场协调办结")
			frappe.db.rollback()
			response = w.client(w.handler).update(
				"Hall Complaint",
				name,
				{
					"visit_by": w.handler,
					"visit_time": "2026-03-10 10:00:00",
					"visit_solved": "是",
					"visit_satisfied": "满意",
					"supervision_measures": "约谈窗口负责人",
					"summary_analysis": "窗口服务用语不规范，需组织培训",
				},
			)
			self.assertEqual(response.status, 200, response.text[:300])
			for user, role in ((w.handler, "handler"), (w.reviewer, "reviewer")):
				self.assertEqual(w.call(user, "sign_summary", complaint_name=name, role=role).status, 200)
				frappe.db.rollback()
				self.assertFalse(frappe.db.exists(LINE, {"source_name": name}))
			self.assertEqual(w.call(w.leader, "sign_summary", complaint_name=name, role="leader").status, 200)
			frappe.db.rollback()
			line = frappe.db.get_value(
				LINE, {"source_doctype": "Hall Complaint", "source_name": name}, "name"
			)
			doc = frappe.get_doc(LINE, line)
			self.assertEqual(
				(doc.source, doc.responsible, doc.problem, doc.measure, doc.status),
				("投诉", w.head, "窗口服务用语不规范，需组织培训", "约谈窗口负责人", "整改中"),
			)
			self.assertNotEqual(doc.responsible, w.staff)
			self.assertTrue(
				frappe.db.exists(
					"ToDo", {"reference_type": LINE, "reference_name": line, "allocated_to": w.head}
				)
			)
			self.assertEqual(rectification.from_complaint(frappe.get_doc("Hall Complaint", name)), line)
			self.assertEqual(frappe.db.count(LINE, {"source_name": name}), 1)
		finally:
			cleanup()
			w.cleanup()
			apply_shipped_profile("default")
			frappe.db.commit()
