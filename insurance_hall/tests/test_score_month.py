"""月度考评 as a record: the 考评登记 and the month's chain, tried through REST as each user and as the wrong
one (002: "考评成绩由局办公室拟发通报统一公示，负责考核的人员不得自行公示成绩数据").

One worker's month (a past month nobody else uses): the head enters 内部监督 14 and 自我评价 13, one
书面表扬 (+2) and a 第三方评价 不满意 (−5). With no complaint and no rating: 服务对象监督 15, 内部监督 14,
社会监督 15, 自我评价 13, 服务对象评价 15, 第三方评价 10, 加分 2: 84.
"""

from __future__ import annotations

import importlib
import json

import frappe

from insurance_hall.rules.roles import DEPUTY, MAIN_LEADER, RECORDS, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_department,
	make_service_window,
	make_substitute_assignment,
	make_user,
)
from insurance_hall.tests.test_misuse import MisuseCase, Target
from insurance_hall.tests.utils import GuestClient, RestClient

REPORT = importlib.import_module(
	"insurance_hall.insurance_hall.report.窗口工作人员月度考评.窗口工作人员月度考评"
)
YEAR, MONTH = 2003, 5
ENTRY, MONTH_DT = "Hall Score Entry", "Hall Score Month"
API = "insurance_hall.api.score."


class TestScoreMonth(MisuseCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("yinan")
		cls.worker = make_user("sm.worker@example.com", WINDOW_STAFF, first_name="月评甲")
		cls.colleague = make_user("sm.colleague@example.com", WINDOW_STAFF, first_name="月评乙")
		cls.head = make_user("sm.head@example.com", SECTION_HEAD, first_name="月评科长")
		cls.other_head = make_user("sm.otherhead@example.com", SECTION_HEAD)
		cls.office = make_user("sm.office@example.com", RECORDS, first_name="局办公室")
		cls.leader = make_user("sm.leader@example.com", MAIN_LEADER)
		cls.deputy = make_user("sm.deputy@example.com", DEPUTY, first_name="代岗副局长")
		cls.leader_before = frappe.db.get_single_value("Hall Settings", "main_leader")
		frappe.db.set_single_value("Hall Settings", "main_leader", cls.leader)
		make_hall_department("月评本科", head=cls.head)
		make_hall_department("月评他科", head=cls.other_head)
		cls.window = make_service_window("月1", a_staff=cls.worker, b_staff=cls.colleague, in_service=1)
		frappe.db.set_value(
			"Service Window",
			cls.window,
			{"a_staff": cls.worker, "b_staff": cls.colleague, "department": "月评本科", "in_service": 1},
		)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.db.delete(ENTRY, {"year": YEAR})
		frappe.db.delete("Hall Score Title", {"parent": f"{YEAR}-{MONTH:02d}"})
		frappe.db.delete("Hall Score Month Step", {"parent": f"{YEAR}-{MONTH:02d}"})
		frappe.db.delete(MONTH_DT, {"year": YEAR})
		frappe.db.delete("ToDo", {"reference_type": MONTH_DT})
		frappe.db.delete("Substitute Assignment", {"absent_user": cls.leader})
		frappe.db.set_single_value("Hall Settings", "main_leader", cls.leader_before)
		frappe.db.set_value("Service Window", cls.window, "department", None)
		for department in ("月评本科", "月评他科"):
			frappe.delete_doc("Hall Department", department, force=True, ignore_permissions=True)
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		frappe.db.delete("Substitute Assignment", {"absent_user": self.leader})
		frappe.db.delete(ENTRY, {"year": YEAR})
		frappe.db.delete("Hall Score Title", {"parent": f"{YEAR}-{MONTH:02d}"})
		frappe.db.delete("Hall Score Month Step", {"parent": f"{YEAR}-{MONTH:02d}"})
		frappe.db.delete(MONTH_DT, {"year": YEAR})
		frappe.db.commit()

	# ------------------------------------------------------------ helpers

	def enter(self, user: str, **values):
		data = {"year": YEAR, "month": MONTH, "staff": self.worker, "basis": "11月内部检查记录", **values}
		return RestClient(user).insert(ENTRY, data)

	def entries(self) -> list[dict]:
		frappe.db.rollback()  # what the requests committed, on their own connections
		return frappe.get_all(
			ENTRY, filters={"year": YEAR}, fields=["item", "event", "times", "points", "entered_by"]
		)

	def row(self, user: str | None = None) -> dict:
		from insurance_hall.rules.period import month_span
		from insurance_hall.services import score as service

		frappe.db.rollback()
		start, end = month_span(YEAR, MONTH)
		rows, _status = service.month_rows(service.county_table(), start, end, user or self.head)
		return next(row for row in rows if row["staff"] == self.worker)

	def month_state(self) -> dict:
		frappe.db.rollback()
		return frappe.db.get_value(
			MONTH_DT, f"{YEAR}-{MONTH:02d}", ["status", "level", "sheets", "published_by"], as_dict=True
		)

	def entered_month(self) -> None:
		for values in (
			{"item": "internal", "points": 14},
			{"item": "self", "points": 13},
			{"item": "praise", "event": "书面表扬", "times": 1},
			{"item": "third", "event": "不满意", "times": 1},
		):
			response = self.enter(self.head, **values)
			self.assertEqual(response.status, 200, response.text[:400])

	def open_month(self, titles: list | None = None) -> str:
		response = RestClient(self.head).insert(
			MONTH_DT, {"year": YEAR, "month": MONTH, "titles": titles or []}
		)
		self.assertEqual(response.status, 200, response.text[:400])
		return response.json["data"]["name"]

	def act(self, user: str, action: str, **args):
		name = f"{YEAR}-{MONTH:02d}"
		return RestClient(user).call(API + action, {"name": name, **args})

	# ------------------------------------------------------------ the register

	def test_the_heads_entries_make_the_sheet_hand_counted_and_traceable(self):
		self.entered_month()
		row = self.row()
		self.assertEqual(
			{k: row[k] for k in ("client", "internal", "social", "self", "rated", "third", "bonus", "total")},
			{
				"client": 15,
				"internal": 14,
				"social": 15,
				"self": 13,
				"rated": 15,
				"third": 10,
				"bonus": 2,
				"total": 84,
			},
		)
		self.assertEqual(row["waiting"], "")
		self.assertIn("内部监督 录入 14", row["details"])
		self.assertIn("服务对象表扬·书面表扬 1 次 +2", row["details"])
		self.assertIn("第三方评价·不满意 1 次 −5", row["details"])
		self.assertEqual({e.entered_by for e in self.entries()}, {self.head})

	def test_bad_entries_are_refused_in_chinese_and_nothing_is_saved(self):
		cases = [
			(self.head, {"item": "internal", "points": 16}, 417, "“内部监督”的得分应在 0 到 15 分之间"),
			(self.head, {"item": "client", "event": "网上", "times": 1}, 417, "不能手工录入"),
			(
				self.head,
				{"item": "praise", "event": "口头表扬", "times": 1},
				417,
				"“服务对象表扬”的事项应为 书面表扬 之一",
			),
			(self.worker, {"item": "internal", "points": 15}, 403, None),
			(
				self.other_head,
				{"item": "internal", "points": 15},
				403,
				"只能为本人分管科室窗口的工作人员录入考评",
			),
			(self.head, {"item": "internal", "points": 15, "staff": self.head}, 403, "不能为自己录入考评"),
			(
				self.office,
				{"item": "internal", "points": 15, "staff": self.leader},
				403,
				"被考评人不是窗口工作人员",
			),
			(self.head, {"item": "internal", "points": 15, "year": 2999}, 417, "还没有到，不能提前考评"),
		]
		for user, values, status, message in cases:
			with self.subTest(user=user, values=values):
				response = self.enter(user, **values)
				self.assertEqual(response.status, status, response.text[:400])
				if message:
					self.assertIn(message, response.message)
				self.assertNotIn("Traceback", response.message)
		self.assertEqual(self.entries(), [])
		# one entered item per worker and month: the second is refused, the first kept
		self.assertEqual(self.enter(self.head, item="internal", points=12).status, 200)
		response = self.enter(self.head, item="internal", points=15)
		self.assertEqual(response.status, 417)
		self.assertIn("已录入", response.message)
		self.assertEqual([e.points for e in self.entries()], [12])

	def test_a_worker_reads_the_entries_about_themselves_only(self):
		self.entered_month()
		name = frappe.get_all(ENTRY, filters={"year": YEAR}, pluck="name", limit=1)[0]
		self.assertEqual(RestClient(self.worker).get(ENTRY, name).status, 200)
		self.assertEqual(RestClient(self.colleague).get(ENTRY, name).status, 403)
		self.assertEqual(RestClient(self.other_head).get(ENTRY, name).status, 403)
		listed = RestClient(self.colleague).get_list(ENTRY).json.get("data", [])
		self.assertEqual(listed, [])

	# ------------------------------------------------------------ the chain

	def test_the_month_climbs_the_chain_freezes_and_only_局办公室_publishes(self):
		self.entered_month()
		self.open_month([{"title": "优秀服务标兵", "staff": self.worker, "window": self.window}])
		# nobody but the chain's own level moves it
		response = self.act(self.office, "advance")
		self.assertEqual(response.status, 403)
		self.assertIn("“考评人员评定”须由科室负责人办理", response.message)
		self.assertEqual(self.act(self.head, "advance", opinion="已核对").status, 200)
		self.assertEqual(self.month_state().status, "审核中")
		# sent up: nothing is entered in it any more
		response = self.enter(self.head, item="praise", event="书面表扬", times=1)
		self.assertEqual(response.status, 417)
		self.assertIn("该月考评已提交审核或已确认", response.message)
		# a head cannot publish, nor can anyone publish an unconfirmed month
		response = self.act(self.head, "publish")
		self.assertEqual(response.status, 403)
		self.assertIn("只能由综合科（局办公室）统一公示", response.message)
		response = self.act(self.office, "publish")
		self.assertEqual(response.status, 403)
		self.assertIn("须经确认流程全部审定后才能公示", response.message)
		self.assertEqual(self.act(self.office, "advance").status, 200)
		self.assertEqual(self.act(self.leader, "advance", opinion="同意").status, 200)
		state = self.month_state()
		self.assertEqual(state.status, "已确认")
		frozen = json.loads(state.sheets)
		(row,) = [r for r in frozen["rows"] if r["staff"] == self.worker]
		self.assertEqual(row["total"], 84)
		# frozen: a change in the records after confirmation does not move the confirmed sheet
		frappe.db.set_value(ENTRY, {"year": YEAR, "item": "internal"}, "points", 1)
		frappe.db.commit()
		self.assertEqual(self.row()["total"], 84)
		# a direct write to the month's course is refused, through every path tried
		for attempt in (
			lambda: RestClient(self.office).update(MONTH_DT, f"{YEAR}-{MONTH:02d}", {"status": "已公示"}),
			lambda: RestClient(self.office).call(
				"frappe.client.set_value",
				{"doctype": MONTH_DT, "name": f"{YEAR}-{MONTH:02d}", "fieldname": "sheets", "value": "{}"},
			),
		):
			response = attempt()
			self.assertGreaterEqual(response.status, 400)
			self.assertIn("不能直接修改", response.message)
		self.assertEqual(self.month_state().status, "已确认")
		# the public page shows nothing before publication
		page = GuestClient().page(f"/figures?year={YEAR}&month={MONTH}")
		self.assertIn("本月考评结果尚未公示", page.text)
		self.assertEqual(self.act(self.office, "publish").status, 200)
		self.assertEqual(self.month_state().status, "已公示")
		page = GuestClient().page(f"/figures?year={YEAR}&month={MONTH}")
		self.assertIn("优秀服务标兵：月评甲", page.text)
		self.assertNotIn("84", page.text.split("月度考评")[-1])  # a title, never a figure
		# a correction reopens it, by 局办公室 only, with a reason on the trail
		response = self.act(self.head, "reopen", reason="漏计表扬")
		self.assertEqual(response.status, 403)
		response = self.act(self.office, "reopen", reason="")
		self.assertIn("重新打开时请写明更正的理由", response.message)
		self.assertEqual(self.act(self.office, "reopen", reason="漏计一次表扬").status, 200)
		state = self.month_state()
		self.assertEqual(
			(state.status, state.level, state.sheets, state.published_by), ("评定中", 0, None, None)
		)
		self.assertEqual(self.row()["internal"], 1)  # open again: computed from the records as they stand
		steps = frappe.get_all(
			"Hall Score Month Step", {"parent": f"{YEAR}-{MONTH:02d}"}, pluck="action", order_by="idx"
		)
		self.assertEqual(steps, ["提交", "同意", "同意", "公示", "重新打开"])
		page = GuestClient().page(f"/figures?year={YEAR}&month={MONTH}")
		self.assertIn("本月考评结果尚未公示", page.text)

	def test_a_reviewer_sends_the_month_back_with_a_reason(self):
		self.open_month()
		self.assertEqual(self.act(self.head, "advance").status, 200)
		response = self.act(self.office, "send_back", opinion=" ")
		self.assertIn("退回时请写明需要更正的内容", response.message)
		self.assertEqual(self.act(self.office, "send_back", opinion="内部检查分数待核").status, 200)
		self.assertEqual(self.month_state().status, "评定中")
		self.assertEqual(self.enter(self.head, item="internal", points=10).status, 200)

	def test_the_leaders_level_is_the_named_leaders_or_their_stand_ins(self):
		"""The leader's 审定 goes through the one router: to the main leader the settings name, or to the
		stand-in covering the day, who acts without a leader's role; the absent leader does not."""
		today = frappe.utils.today()
		make_substitute_assignment(self.leader, self.deputy, today, today, reason="月评代岗")
		frappe.db.commit()
		self.open_month()
		self.assertEqual(self.act(self.head, "advance").status, 200)
		self.assertEqual(self.act(self.office, "advance").status, 200)
		frappe.db.rollback()
		waiting = frappe.get_all(
			"ToDo",
			{"reference_type": MONTH_DT, "reference_name": f"{YEAR}-{MONTH:02d}", "status": "Open"},
			pluck="allocated_to",
		)
		self.assertEqual(waiting, [self.deputy])
		response = self.act(self.leader, "advance", opinion="同意")
		self.assertEqual(response.status, 403)
		self.assertIn("“领导审定”由代岗副局长办理", response.message)
		self.assertEqual(self.month_state().status, "审核中")
		self.assertEqual(self.act(self.deputy, "advance", opinion="代为审定").status, 200)
		self.assertEqual(self.month_state().status, "已确认")

	def test_a_bad_title_and_a_second_record_of_the_month_are_refused(self):
		response = RestClient(self.head).insert(
			MONTH_DT, {"year": YEAR, "month": MONTH, "titles": [{"title": "劳动模范", "staff": self.worker}]}
		)
		self.assertEqual(response.status, 417)
		self.assertIn("评选称号应为 党员示范岗", response.message)
		self.open_month()
		response = RestClient(self.office).insert(MONTH_DT, {"year": YEAR, "month": MONTH})
		self.assertGreaterEqual(response.status, 400)
		self.assertIn("月度考评已建立", response.message)
		response = RestClient(self.worker).insert(MONTH_DT, {"year": YEAR, "month": MONTH + 1})
		self.assertEqual(response.status, 403)

	def test_a_confirmed_month_and_its_entries_withstand_every_write_path(self):
		"""The frozen month and the entries of a month sent up, attacked as 局办公室, the head and the worker:
		every path refused in Chinese, nothing changed, child rows included."""
		self.entered_month()
		name = self.open_month([{"title": "优秀服务标兵", "staff": self.worker, "window": self.window}])
		for user in (self.head, self.office, self.leader):
			self.assertEqual(self.act(user, "advance").status, 200)
		entry = frappe.get_all(ENTRY, filters={"year": YEAR, "item": "internal"}, pluck="name")[0]
		tried = 0
		for user in (self.office, self.head):
			tried += self.attack(
				Target(
					MONTH_DT,
					name,
					user,
					{"status": "已公示", "sheets": "{}", "best_windows": "月1", "year": YEAR - 1},
					{"titles": "Hall Score Title", "steps": "Hall Score Month Step"},
					("不能直接修改", "只能通过", "权限", "无权"),
				)
			)
		for user in (self.head, self.worker):
			tried += self.attack(
				Target(
					ENTRY,
					entry,
					user,
					{"points": 15, "staff": self.colleague, "month": MONTH + 1},
					expected=("已提交审核或已确认", "权限", "无权", "不能"),
				)
			)
		self.assertGreaterEqual(tried, 60)

	# ------------------------------------------------------------ 意见建议

	def test_a_workers_adopted_suggestion_is_answered_by_a_leader_and_scores(self):
		"""002: "对群众诉求、工作人员意见建议，报领导研究后，及时给予反馈"; "对工作人员提交的意见建议被采纳的按照工作
		人员考评制度相应加分" (考评标准: "服务改进的意见建议被采纳的每次加3分")."""
		from insurance_hall.rules.period import month_span
		from insurance_hall.services import score as service

		leader_before = frappe.db.get_single_value("Hall Settings", "main_leader")
		frappe.db.set_single_value("Hall Settings", "main_leader", self.leader)
		frappe.db.commit()
		response = RestClient(self.worker).insert(
			"Hall Suggestion",
			{"proposer_type": "工作人员", "proposer": self.worker, "content": "大厅增设老年人绿色通道"},
		)
		frappe.db.set_single_value("Hall Settings", "main_leader", leader_before)
		frappe.db.commit()
		self.assertEqual(response.status, 200, response.text[:400])
		name = response.json["data"]["name"]
		# 报领导研究: it waits on the main leader's list
		self.assertTrue(
			frappe.db.exists(
				"ToDo",
				{"reference_type": "Hall Suggestion", "reference_name": name, "allocated_to": self.leader},
			)
		)
		# a colleague cannot file one in the worker's name (it would score for them)
		response = RestClient(self.colleague).insert(
			"Hall Suggestion", {"proposer_type": "工作人员", "proposer": self.worker, "content": "代为提出"}
		)
		self.assertEqual(response.status, 403, response.text[:300])
		self.assertIn("工作人员只能以本人名义提出意见建议", response.message)
		try:
			answer = "insurance_hall.api.score.answer_suggestion"
			# a head is no leader; nobody writes the answer by hand
			response = RestClient(self.head).call(answer, {"name": name, "answer": "采纳", "adopted": 1})
			self.assertEqual(response.status, 403)
			self.assertIn("只有分管领导或主要领导可以答复", response.message)
			response = RestClient(self.worker).update(
				"Hall Suggestion", name, {"adopted": 1, "answer": "自己采纳"}
			)
			self.assertGreaterEqual(response.status, 400)
			self.assertIn("只能由领导通过“答复”填写", response.message)
			response = RestClient(self.leader).call(
				answer, {"name": name, "answer": "采纳，下月起实行", "adopted": 1}
			)
			self.assertEqual(response.status, 200, response.text[:400])
			frappe.db.rollback()
			doc = frappe.get_doc("Hall Suggestion", name)
			self.assertEqual((doc.status, doc.adopted, doc.answered_by), ("已答复", 1, self.leader))
			entry = frappe.get_doc("Hall Score Entry", doc.score_entry)
			self.assertEqual(
				(entry.staff, entry.item, entry.event, entry.times), (self.worker, "suggestion", "采纳", 1)
			)
			today = frappe.utils.getdate(frappe.utils.today())
			start, end = month_span(today.year, today.month)
			rows, _status = service.month_rows(service.county_table(), start, end, self.leader)
			(row,) = [r for r in rows if r["staff"] == self.worker]
			self.assertIn("意见建议·采纳 1 次 +3", row["details"])
			# answered once
			response = RestClient(self.leader).call(
				answer, {"name": name, "answer": "再答一次", "adopted": 0}
			)
			self.assertIn("该意见建议已答复，不能再次答复", response.message)
		finally:
			frappe.db.rollback()
			entry = frappe.db.get_value("Hall Suggestion", name, "score_entry")
			frappe.db.delete("Hall Suggestion", {"name": name})
			if entry:
				frappe.db.delete("Hall Score Entry", {"name": entry})
			frappe.db.delete("ToDo", {"reference_type": "Hall Suggestion", "reference_name": name})
			frappe.db.commit()
