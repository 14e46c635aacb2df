"""好差评 through the public page and the REST API, as each person: a citizen rates a served case once by
its link; staff record a rating taken at the window; a bad rating is checked, fixed and visited back on
the shared clock; misuse is refused in Chinese and changes nothing.

002 沂南: "如评价为差评时，单位和群众应至少勾选一项差评原因选填项。"
004 开原: "对“不满意”或“非常不满意”评价要在24小时内进行核实,经核实为误评或恶意差评的评价结果不予采纳;
经核查确定为差评的,应当在15日内进行整改"
"""

from __future__ import annotations

from datetime import timedelta

import frappe
from frappe.utils import get_datetime

from insurance_hall.services import rating
from insurance_hall.setup.permissions import DEPUTY, RECORDS, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_department,
	make_rating_token,
	make_served_case,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

DT = "Hall Rating"
SUBMIT = "insurance_hall.api.rating.submit"


class TestHallRating(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("kaiyuan")  # 很满意 满意 基本满意 | 不满意; 24 hours, 15 days
		cls.clerk = make_user("hr.clerk@example.com", WINDOW_STAFF)
		cls.colleague = make_user("hr.colleague@example.com", WINDOW_STAFF)
		cls.head = make_user("hr.head@example.com", SECTION_HEAD)
		cls.deputy = make_user("hr.deputy@example.com", DEPUTY)
		cls.records = make_user("hr.records@example.com", RECORDS)
		cls.department = make_hall_department("评价测试科", head=cls.head, deputy_in_charge=cls.deputy)
		cls.window = make_service_window("评1", department=cls.department, a_staff=cls.clerk)
		frappe.db.commit()
		cls.clients = {}

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		names = frappe.get_all(DT, filters={"window": cls.window}, pluck="name")
		for name in names:
			frappe.db.delete("ToDo", {"reference_name": name})
		frappe.db.delete(DT, {"window": cls.window})
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def client(self, user: str) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient.guest() if user == "Guest" else RestClient(user)
		return self.clients[user]

	def served(self) -> str:
		return make_served_case(self.clerk, self.window, applicant_name="王评价")

	def submit(self, token: str, **values):
		return self.client("Guest").call(SUBMIT, {"token": token, **values})

	def refused(self, response, expected: str, before: int) -> None:
		self.assertGreaterEqual(response.status, 400, response.text[:300])
		self.assertIn(expected, response.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT), before)

	def rating_of(self, case: str):
		frappe.db.rollback()
		name = frappe.db.get_value(DT, {"reference_doctype": "Hall Case", "reference_name": case})
		return frappe.get_doc(DT, name) if name else None

	# ------------------------------------------------------------ the public link

	def test_invitation_has_a_link_and_a_qr_code(self):
		case = self.served()
		invitation = rating.invite("Hall Case", case)
		self.assertIn("/rate?t=", invitation["url"])
		self.assertIn("<svg", invitation["qr_svg"])
		self.assertEqual(invitation["hours"], 72)

	def test_a_citizen_rates_once_by_the_link(self):
		case = self.served()
		token = make_rating_token("Hall Case", case)
		page = self.client("Guest")._request("get", f"/rate?t={token}")
		self.assertEqual(page.status, 200)
		for label in ("很满意", "满意", "基本满意", "不满意", "评1", "测试事项"):
			self.assertIn(label, page.text)
		self.assertNotIn("王评价", page.text)  # never the citizen's data
		self.assertLess(page.text.index("很满意"), page.text.index("基本满意"))
		response = self.submit(token, level="很满意", guidance_clear="是", suggestion="<b>很好</b>")
		self.assertEqual(response.status, 200, response.message)
		doc = self.rating_of(case)
		self.assertEqual(
			(doc.channel, doc.staff, doc.window, doc.state), ("链接或二维码", self.clerk, "评1", "已评价")
		)
		self.assertEqual(doc.suggestion, "<b>很好</b>")  # text stored as text
		before = frappe.db.count(DT)
		self.refused(self.submit(token, level="满意"), "已经用过", before)
		self.assertEqual(self.rating_of(case).level, "很满意")

	def test_an_altered_expired_or_foreign_link_is_refused(self):
		case, other = self.served(), self.served()
		before = frappe.db.count(DT)
		token = make_rating_token("Hall Case", case)
		body, _, mac = token.partition(".")
		forged = make_rating_token("Hall Case", other).partition(".")[0] + "." + mac
		self.refused(self.submit(forged, level="很满意"), "无效或已被改动", before)
		self.refused(self.submit(body + "." + "0" * len(mac), level="很满意"), "无效或已被改动", before)
		expired = make_rating_token("Hall Case", case, hours=-1)
		self.refused(self.submit(expired, level="很满意"), "已过期", before)
		self.refused(
			self.submit(token, level="很满意", reference_doctype="Hall Case", reference_name=other),
			"不符",
			before,
		)

	def test_a_bad_level_needs_a_reason_and_the_level_is_the_countys(self):
		case = self.served()
		token = make_rating_token("Hall Case", case)
		before = frappe.db.count(DT)
		self.refused(self.submit(token, level="不满意"), "至少勾选一项差评原因", before)
		self.refused(
			self.submit(token, level="非常不满意", bad_reasons=["办事程序不便利"]),
			"不是本县的评价等级",
			before,
		)
		self.refused(self.submit(token, level="不满意", bad_reasons=["太慢了"]), "不在原因清单中", before)
		self.assertIsNone(self.rating_of(case))

	# ------------------------------------------------------------ staff at the window

	def test_staff_record_a_rating_but_not_of_their_own_work(self):
		case = self.served()
		before = frappe.db.count(DT)
		data = {
			"reference_doctype": "Hall Case",
			"reference_name": case,
			"level": "满意",
			"channel": "窗口评价器",
		}
		self.refused(self.client(self.clerk).insert(DT, data), "不能评价自己", before)
		self.refused(
			self.client(self.colleague).insert(DT, {**data, "channel": "链接或二维码"}), "评价页面", before
		)
		response = self.client(self.colleague).insert(DT, data)
		self.assertEqual(response.status, 200, response.message)
		self.assertEqual(self.rating_of(case).recorded_by, self.colleague)

	# ------------------------------------------------------------ a bad rating's course

	def bad_rating(self, **values) -> str:
		case = self.served()
		token = make_rating_token("Hall Case", case)
		response = self.submit(token, level="不满意", bad_reasons=["办事程序不便利"], **values)
		self.assertEqual(response.status, 200, response.message)
		return self.rating_of(case).name

	def test_the_rated_staff_member_cannot_read_edit_or_delete_a_bad_rating(self):
		name = self.bad_rating(suggestion="窗口人员态度冷淡", rater_name="赵差评")
		for user in (self.clerk, "Guest"):
			client = self.client(user)
			self.assertGreaterEqual(client.get(DT, name).status, 403)
			listed = client.get_list(DT)
			self.assertNotIn(name, listed.text)
			self.assertNotIn("态度冷淡", listed.text)
		self.assertGreaterEqual(self.client(self.clerk).update(DT, name, {"level": "满意"}).status, 403)
		self.assertGreaterEqual(self.client(self.clerk).delete(DT, name).status, 403)
		page = self.client("Guest")._request(
			"get", f"/rate?t={make_rating_token('Hall Case', self.rating_of_name(name))}"
		)
		self.assertNotIn("态度冷淡", page.text)
		self.assertIn("已经评价过", page.text)
		frappe.db.rollback()
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.level, doc.suggestion), ("不满意", "窗口人员态度冷淡"))
		# not even the administrator edits what the citizen said
		doc.level = "满意"
		self.assertRaises(frappe.PermissionError, doc.save)
		self.assertRaises(frappe.PermissionError, frappe.delete_doc, DT, name)
		frappe.db.rollback()

	def rating_of_name(self, name: str) -> str:
		return frappe.db.get_value(DT, name, "reference_name")

	def test_a_true_bad_rating_is_checked_fixed_and_visited_back(self):
		name = self.bad_rating(rater_name="赵差评")
		frappe.db.rollback()
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.state, doc.checker, doc.is_bad), ("待核实", self.head, 1))
		self.assertEqual(get_datetime(doc.due_at) - get_datetime(doc.rated_on), timedelta(hours=24))
		self.assertTrue(
			frappe.db.exists("ToDo", {"reference_name": name, "allocated_to": self.head, "status": "Open"})
		)
		api = "insurance_hall.api.rating."
		before = frappe.db.count(DT)
		response = self.client(self.clerk).call(
			api + "conclude_check", {"name": name, "conclusion": "误评", "note": "x"}
		)
		self.refused(response, "可以核实", before)
		head = self.client(self.head)
		self.refused(
			head.call(api + "conclude_check", {"name": name, "conclusion": "误评", "note": ""}),
			"须写明理由",
			before,
		)
		response = head.call(
			api + "conclude_check", {"name": name, "conclusion": "差评属实", "note": "窗口排队无人引导"}
		)
		self.assertEqual(response.status, 200, response.message)
		frappe.db.rollback()
		doc = frappe.get_doc(DT, name)
		self.assertEqual(doc.state, "待整改")
		self.assertEqual(get_datetime(doc.due_at) - get_datetime(doc.checked_on), timedelta(days=15))
		self.refused(head.call(api + "report_fix", {"name": name, "report": " "}), "整改情况报告", before)
		self.assertEqual(head.call(api + "report_fix", {"name": name, "report": "增设引导岗"}).status, 200)
		frappe.db.rollback()
		self.assertEqual(frappe.get_doc(DT, name).state, "待回访")
		response = self.client(self.records).call(
			api + "record_visit", {"name": name, "note": "已电话回访，群众认可"}
		)
		self.assertEqual(response.status, 200, response.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(DT, name, "state"), "已办结")
		self.assertFalse(
			frappe.db.exists("ToDo", {"reference_name": name, "allocated_to": self.head, "status": "Open"})
		)

	def test_a_malicious_rating_is_not_counted(self):
		name = self.bad_rating()
		response = self.client(self.head).call(
			"insurance_hall.api.rating.conclude_check",
			{"name": name, "conclusion": "恶意差评", "note": "与办件无关"},
		)
		self.assertEqual(response.status, 200, response.message)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(DT, name, "state"), "不予采纳")

	def test_an_overdue_check_is_reminded_and_escalated_once(self):
		name = self.bad_rating()
		frappe.db.rollback()
		due_at = get_datetime(frappe.db.get_value(DT, name, "due_at"))
		counts = rating.run_clocks(now=due_at + timedelta(hours=1))
		frappe.db.commit()
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.reminder_sent, doc.auto_escalated, doc.is_overdue), (1, 1, 1))
		self.assertGreaterEqual(counts["escalated"], 1)
		self.assertTrue(
			frappe.db.exists("ToDo", {"reference_name": name, "allocated_to": self.deputy, "status": "Open"})
		)
		again = rating.run_clocks(now=due_at + timedelta(hours=2))
		self.assertEqual((again["reminded"], again["escalated"]), (0, 0))
		# the day before the due day: nothing yet
		self.assertEqual(rating.due_step(doc, due_at - timedelta(days=1)).remind, False)

	# ------------------------------------------------------------ the monthly tally

	def test_the_monthly_tally_counts_by_level_and_names_the_best_window(self):
		import importlib

		from frappe.utils import getdate, today

		report = importlib.import_module("insurance_hall.insurance_hall.report.好差评月度统计.好差评月度统计")
		for level in ("很满意", "满意"):
			self.assertEqual(
				self.submit(make_rating_token("Hall Case", self.served()), level=level).status, 200
			)
		self.bad_rating(rater_name="钱回访")
		frappe.db.rollback()
		day = getdate(today())
		expected = frappe.db.sql(
			"""select level, count(*) from `tabHall Rating` where window=%s and state!='不予采纳'
			and service_date>=%s group by level""",
			(self.window, day.replace(day=1)),
		)
		columns, data, message, chart = report.execute(
			{"year": day.year, "month": day.month, "window": self.window}
		)
		row = next(item for item in data if item["window"] == self.window and item["staff"] == self.clerk)
		levels = {
			column["label"]: row[column["fieldname"]]
			for column in columns
			if column["fieldname"].startswith("level_")
		}
		self.assertEqual({k: v for k, v in levels.items() if v}, {level: n for level, n in expected})
		self.assertEqual(row["rated"], sum(n for _l, n in expected))
		self.assertGreaterEqual(row["named_bad"], 1)
		self.assertIn("满意票数最高的窗口：评1", message)
		self.assertEqual(chart["type"], "bar")
