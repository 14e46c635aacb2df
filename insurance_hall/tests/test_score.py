"""月度考评 built from real records and hand-counted (002 沂南's table, shipped in its profile).

One worker's month: two complaints about them found true on 网上 (服务对象监督, −3 each), one on 行风热线
(社会监督, −5), one not found true (nothing); ratings of their service: two 基本满意 (−0.5 each), one 不满意
(−1), one 不满意 concluded 误评 (not counted), three 满意 (nothing). By hand: 服务对象监督 15 − 6 = 9,
内部监督 待录入 0, 社会监督 15 − 5 = 10, 自我评价 待录入 0, 服务对象评价 15 − 2 = 13, 第三方评价 15:
47 from the records.
"""

from __future__ import annotations

import importlib
import json

import frappe

from insurance_hall.rules import rating as r
from insurance_hall.rules.roles import SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_complaint,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

REPORT = importlib.import_module(
	"insurance_hall.insurance_hall.report.窗口工作人员月度考评.窗口工作人员月度考评"
)
YEAR, MONTH = 2091, 3
RUN = "frappe.desk.query_report.run"


class TestMonthlyScore(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("yinan")
		cls.worker = make_user("score.worker@example.com", WINDOW_STAFF, first_name="考评甲")
		cls.colleague = make_user("score.colleague@example.com", WINDOW_STAFF, first_name="考评乙")
		cls.head = make_user("score.head@example.com", SECTION_HEAD)
		cls.window = make_service_window("考1", a_staff=cls.worker, b_staff=cls.colleague, in_service=1)
		frappe.db.set_value("Service Window", cls.window, {"a_staff": cls.worker, "b_staff": cls.colleague})
		cls.complaints = []
		for channel, found in (("网上", 1), ("网上", 1), ("行风热线", 1), ("电话", 0)):
			name = make_hall_complaint(
				staff=cls.worker,
				window=cls.window,
				channel=channel,
				received_at=f"{YEAR}-0{MONTH}-10 10:00:00",
			)
			frappe.db.set_value("Hall Complaint", name, "found_true", found)
			cls.complaints.append(name)
		rows = [
			("基本满意", 0, r.RATED),
			("基本满意", 0, r.RATED),
			("不满意", 1, r.CLOSED),
			("不满意", 1, r.NOT_COUNTED),
		]
		rows += [("满意", 0, r.RATED)] * 3
		fields = [
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"docstatus",
			"staff",
			"window",
			"level",
		]
		fields += ["is_bad", "state", "service_date"]
		now = frappe.utils.now_datetime()
		frappe.db.bulk_insert(
			"Hall Rating",
			fields,
			[
				(
					f"SCORE-{i}",
					now,
					now,
					"Administrator",
					"Administrator",
					0,
					cls.worker,
					cls.window,
					level,
					bad,
					state,
					f"{YEAR}-0{MONTH}-12",
				)
				for i, (level, bad, state) in enumerate(rows)
			],
		)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.db.delete("Hall Rating", {"name": ("like", "SCORE-%")})
		for name in cls.complaints:
			frappe.db.delete("Hall Complaint", {"name": name})
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def run_as(self, user: str) -> list[dict]:
		response = RestClient(user).call(
			RUN,
			{
				"report_name": "窗口工作人员月度考评",
				"filters": json.dumps({"year": YEAR, "month": f"{MONTH}月"}),
			},
		)
		self.assertEqual(response.status, 200, response.text[:500])
		return response.json["message"]["result"]

	def test_the_workers_month_is_hand_counted(self):
		(row,) = [row for row in self.run_as(self.head) if row.get("staff") == self.worker]
		self.assertEqual(
			{k: row[k] for k in ("client", "internal", "social", "self", "rated", "third", "bonus", "total")},
			{
				"client": 9,
				"internal": 0,
				"social": 10,
				"self": 0,
				"rated": 13,
				"third": 15,
				"bonus": 0,
				"total": 47,
			},
		)
		self.assertEqual(row["waiting"], "内部监督、自我评价")
		self.assertIn("服务对象监督·网上 2 次 −6", row["details"])
		self.assertIn("服务对象评价·不满意 1 次 −1", row["details"])  # the 误评 one is not counted
		self.assertEqual(row["staff_full_name"], "考评甲")

	def test_before_publication_a_worker_sees_their_own_sheet_only(self):
		mine = self.run_as(self.colleague)
		self.assertEqual({row["staff"] for row in mine}, {self.colleague})
		everyone = {row["staff"] for row in self.run_as(self.head)}
		self.assertTrue({self.worker, self.colleague} <= everyone)

	def test_a_head_sees_the_workers_of_their_own_departments_only(self):
		from insurance_hall.tests.factories import make_hall_department

		other_head = make_user("score.otherhead@example.com", SECTION_HEAD)
		make_hall_department("考评他科", head=other_head)
		make_hall_department("考评本科", head=self.head)
		frappe.db.set_value("Service Window", self.window, "department", "考评本科")
		frappe.db.commit()
		try:
			self.assertNotIn(self.worker, {row.get("staff") for row in self.run_as(other_head)})
			self.assertTrue(
				{self.worker, self.colleague} <= {row.get("staff") for row in self.run_as(self.head)}
			)
		finally:
			frappe.db.set_value("Service Window", self.window, "department", None)
			for department in ("考评他科", "考评本科"):
				frappe.delete_doc("Hall Department", department, force=True, ignore_permissions=True)
			frappe.db.commit()

	def test_the_year_rolls_up_the_months_begun(self):
		"""一年一考核: the twelve months of the year (all begun by the next January), the month with records
		scored as 月度考评 scores it, the mean of the twelve."""
		from datetime import date

		from insurance_hall.services import score as service

		table = service.county_table()
		rows = {r["staff"]: r for r in service.year_rows(table, YEAR, self.head, date(YEAR + 1, 1, 1))}
		row = rows[self.worker]
		self.assertEqual(row[f"m{MONTH}"], 47)
		quiet = row["m1"]  # a month without events: what the records give with nothing to deduct
		self.assertEqual([row[f"m{m}"] for m in range(1, 13) if m != MONTH], [quiet] * 11)
		self.assertEqual(row["average"], round((47 + 11 * quiet) / 12, 1))
		# a worker sees their own year only; a year not begun has no months
		self.assertEqual(
			{r["staff"] for r in service.year_rows(table, YEAR, self.colleague, date(YEAR + 1, 1, 1))},
			{self.colleague},
		)
		self.assertEqual(service.year_rows(table, YEAR, self.head, date(YEAR - 1, 6, 1)), [])

	def test_the_months_best_and_worst_windows(self):
		_columns, _data, _m, _c, summary = REPORT.execute({"year": YEAR, "month": f"{MONTH}月"})
		self.assertIn(self.window, summary[0]["value"])  # the only window with votes: 5 satisfied
		self.assertIn(self.window, summary[1]["value"])

	def test_a_county_without_a_table_is_not_scored_with_anothers(self):
		apply_shipped_profile("default")
		try:
			frappe.db.commit()
			_columns, data = REPORT.execute({"year": YEAR, "month": f"{MONTH}月"})
			self.assertEqual(data, [])
		finally:
			apply_shipped_profile("yinan")
			frappe.db.commit()

	def test_a_broken_table_is_refused_in_chinese_and_nothing_changes(self):
		before = frappe.db.get_single_value("Hall Settings", "score_table")
		settings = frappe.get_doc("Hall Settings")
		table = json.loads(settings.score_table)
		table["items"][0]["cap"] = -1
		settings.score_table = json.dumps(table)
		with self.assertRaises(frappe.ValidationError) as caught:
			settings.save(ignore_permissions=True)
		self.assertIn("分值（cap）应为正数", str(caught.exception))
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_single_value("Hall Settings", "score_table"), before)
