"""吐槽找茬投诉月度统计: every cell against a hand count, the month bounds, the filters and the Excel export."""

from __future__ import annotations

import json
from io import BytesIO

import frappe
from frappe.desk.query_report import export_query

from insurance_hall.insurance_hall.report.吐槽找茬投诉月度统计.吐槽找茬投诉月度统计 import (
	COUNT_FIELDS,
	execute,
)
from insurance_hall.tests.factories import apply_shipped_profile, make_hall_department, make_service_window
from insurance_hall.tests.utils import IntegrationTestCase

REPORT = "吐槽找茬投诉月度统计"
DEPT = "投诉报表测试科"
WIN = "RPT1"
# received at, channel, outcome, satisfied, found true (in 2091, far from other tests and the demo)
COMPLAINTS = [
	("2091-05-01 00:00:00", "电话", "当场解决", "满意", 0),
	("2091-05-03 10:00:00", "电话", "按时解决", "满意", 1),
	("2091-05-10 10:00:00", "电话", "超期解决", "不满意", 1),
	("2091-05-20 10:00:00", "12345市民热线", "未解决", "基本满意", 0),
	("2091-05-31 23:59:59", "12345市民热线", "办理中", "", 0),
	("2091-04-30 23:59:59", "电话", "按时解决", "满意", 0),  # April
	("2091-06-01 00:00:00", "电话", "按时解决", "满意", 0),  # June
]
# total, on the spot, in time, late, not solved, open, satisfied, found true
PHONE = (3, 1, 1, 1, 0, 0, 2, 2)
HOTLINE = (2, 0, 0, 0, 1, 1, 0, 0)


def row(channel: str, counts: tuple[int, ...], month: str = "2091-05") -> dict:
	return {
		"month": month,
		"department": DEPT,
		"window": WIN,
		"channel": channel,
		**dict(zip(COUNT_FIELDS, counts, strict=True)),
	}


class TestComplaintMonthlyReport(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("yinan")
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		make_hall_department(DEPT)
		make_service_window(WIN, department=DEPT)
		for when, channel, outcome, satisfied, found in COMPLAINTS:
			doc = frappe.get_doc(
				{
					"doctype": "Hall Complaint",
					"received_at": when,
					"channel": channel,
					"department": DEPT,
					"window": WIN,
					"content": "报表测试投诉",
					"anonymous": 1,
				}
			)
			doc.flags.hall_action = True
			doc.insert(ignore_permissions=True)
			frappe.db.set_value(
				"Hall Complaint",
				doc.name,
				{"outcome": outcome, "satisfied": satisfied, "found_true": found},
				update_modified=False,
			)

	def tearDown(self):
		frappe.db.rollback()

	def test_every_cell_is_the_hand_count(self):
		columns, data, _message, chart = execute({"year": 2091, "month": "5"})
		self.assertEqual(chart["data"]["labels"], ["12345市民热线", "电话"])
		self.assertEqual(chart["data"]["datasets"][0]["name"], "投诉件数")
		total = tuple(a + b for a, b in zip(HOTLINE, PHONE, strict=True))
		self.assertEqual(
			data,
			[
				row("12345市民热线", HOTLINE),
				row("电话", PHONE),
				{
					"month": "合计",
					"department": None,
					"window": None,
					"channel": None,
					**dict(zip(COUNT_FIELDS, total, strict=True)),
				},
			],
		)
		self.assertEqual(
			[c["label"] for c in columns][4:],
			["投诉件数", "当场解决", "按时解决", "超期解决", "未解决", "办理中", "诉求人满意", "经查属实"],
		)

	def test_month_bounds_are_half_open_and_filters_narrow(self):
		_columns, data, *_ = execute({"year": 2091, "month": 4})
		self.assertEqual(data[0], row("电话", (1, 0, 1, 0, 0, 0, 1, 0), "2091-04"))
		_columns, data, *_ = execute({"year": 2091, "channel": "电话"})
		self.assertEqual([r["month"] for r in data], ["2091-04", "2091-05", "2091-06", "合计"])
		_columns, data, *_ = execute({"year": 2091, "month": 5, "department": "不存在的科"})
		self.assertEqual(data[-1]["total"], 0)

	def test_a_bad_filter_is_told_not_raised(self):
		_columns, data, *_ = execute({"year": 2091, "month": 13})
		self.assertEqual(data, [])

	def test_excel_export(self):
		from openpyxl import load_workbook

		frappe.local.form_dict = frappe._dict(
			{
				"report_name": REPORT,
				"file_format_type": "Excel",
				"filters": json.dumps({"year": 2091, "month": "5"}),
				"visible_idx": "[]",
				"include_indentation": 0,
			}
		)
		export_query()
		self.assertTrue(frappe.response["filename"].endswith(".xlsx"))
		sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
		rows = list(sheet.iter_rows(values_only=True))
		self.assertEqual(rows[0][:5], ("月份", "所涉及部门", "所涉及窗口", "受理方式", "投诉件数"))
		self.assertEqual(rows[2][:4], ("2091-05", DEPT, WIN, "电话"))
		self.assertEqual(list(rows[2][4:]), list(PHONE))
