"""说“不”事项提级管理汇总表: every cell against a hand count, the filters, and the Excel export."""

from __future__ import annotations

import json
from io import BytesIO

import frappe
from frappe.desk.query_report import export_query, run

from insurance_hall.insurance_hall.report.说不事项提级管理汇总表.说不事项提级管理汇总表 import (
	COUNT_FIELDS,
	execute,
)
from insurance_hall.rules import refusal as r
from insurance_hall.tests.utils import IntegrationTestCase

REPORT = "说不事项提级管理汇总表"
# a quarter of its own, far from any other test's or the demo's data
YEAR, QUARTER = 2091, 2
DEPT_A = "报表测试一科"
DEPT_B = "报表测试二科"
HEAD, DEPUTY, MAIN = "Department Head", "Deputy In Charge", "Main Leader"
SOLVED, REFUSED = r.OUTCOME_SOLVED, r.OUTCOME_REFUSED

# department, request time, workflow state, outcome, decided at, matter, reason (, docstatus)
SHEETS = [
	# 报表测试一科, in the quarter: 9 filed
	(DEPT_A, "2091-04-01 00:00:00", r.PENDING, None, None, "首日零点送审", "待研判"),
	(DEPT_A, "2091-04-03 10:00:00", r.RETURNED, None, None, "退回补充材料", "材料不全"),
	(DEPT_A, "2091-04-05 10:00:00", r.SOLVED, SOLVED, HEAD, "科室办结一", "可办"),
	(DEPT_A, "2091-04-06 10:00:00", r.ANSWERED, SOLVED, HEAD, "科室办结二", "可办"),
	(DEPT_A, "2091-04-07 10:00:00", r.REFUSED, REFUSED, HEAD, "科室说不", "不属于职责"),
	(DEPT_A, "2091-05-08 10:00:00", r.SOLVED, SOLVED, DEPUTY, "分管办结", "可办"),
	(DEPT_A, "2091-04-10 09:00:00", r.REFUSED, REFUSED, MAIN, "异地就医备案补办", "超过备案时限"),
	(DEPT_A, "2091-06-30 23:59:59", r.ANSWERED, REFUSED, MAIN, "门诊慢特病认定", "缺少诊断证明\n原件"),
	(DEPT_A, "2091-05-20 10:00:00", r.PENDING, None, None, "分管审批中", "待研判"),
	# 报表测试一科, not counted in the quarter
	(DEPT_A, "2091-05-01 10:00:00", r.DRAFT, None, None, "草稿未送审", "草稿"),
	(DEPT_A, "2091-07-01 00:00:00", r.REFUSED, REFUSED, MAIN, "下季度首日", "下季度理由"),
	(DEPT_A, "2091-03-31 23:59:59", r.SOLVED, SOLVED, HEAD, "上季度末", "上季度"),
	(DEPT_A, "2091-05-02 10:00:00", r.REFUSED, REFUSED, MAIN, "已作废", "作废理由", 2),
	# 报表测试二科, in the quarter: 5 filed
	(DEPT_B, "2091-04-02 08:30:00", r.REFUSED, REFUSED, DEPUTY, "分管说不一", "政策不允许"),
	(DEPT_B, "2091-04-12 08:30:00", r.ANSWERED, REFUSED, DEPUTY, "分管说不二", "政策不允许"),
	(DEPT_B, "2091-05-12 08:30:00", r.SOLVED, SOLVED, MAIN, "主要领导办结", "可办"),
	(DEPT_B, "2091-06-12 08:30:00", r.REFUSED, REFUSED, MAIN, "医保关系转移接续", "转出地尚未办结"),
	(DEPT_B, "2091-06-13 08:30:00", r.PENDING, None, None, "审批中", "待研判"),
	# 报表测试二科, not counted
	(DEPT_B, "2091-06-14 08:30:00", r.DRAFT, None, None, "草稿", "草稿"),
]

# counted by hand from SHEETS, in COUNT_FIELDS order: filed, head solved/refused, deputy solved/refused,
# main solved/refused
EXPECTED = {
	DEPT_A: (9, 2, 1, 1, 0, 0, 2),
	DEPT_B: (5, 0, 0, 0, 2, 1, 1),
}
TOTAL = (14, 2, 1, 1, 2, 1, 3)
REASONS = {
	DEPT_A: "事项1：异地就医备案补办 理由：超过备案时限\n事项2：门诊慢特病认定 理由：缺少诊断证明 原件",
	DEPT_B: "事项1：医保关系转移接续 理由：转出地尚未办结",
}


def row_of(department: str, counts: tuple[int, ...], reasons: str) -> dict:
	return {
		"department": department,
		**dict(zip(COUNT_FIELDS, counts, strict=True)),
		"main_refusal_reasons": reasons,
	}


class TestRefusalSummaryReport(IntegrationTestCase):
	def setUp(self):
		for name in (DEPT_A, DEPT_B):
			frappe.get_doc({"doctype": "Hall Department", "department_name": name}).insert(
				ignore_permissions=True
			)
		for department, when, state, outcome, level, matter, reason, *rest in SHEETS:
			doc = frappe.get_doc(
				{
					"doctype": "Refusal Sheet",
					"department": department,
					"request_time": when,
					"request_channel": "来访",
					"applicant_name": "报表测试申请人",
					"applicant_phone": "13800000000",
					"matter": matter,
					"refusal_ground": "其他不能办理的事项",
					"refusal_reason": reason,
					"legal_basis": "测试依据",
				}
			)
			doc.flags.hall_action = "test"
			doc.insert(ignore_permissions=True)
			frappe.db.set_value(
				"Refusal Sheet",
				doc.name,
				{
					"workflow_state": state,
					"outcome": outcome or "",
					"decided_level_type": level or "",
					"docstatus": rest[0] if rest else (1 if outcome else 0),
				},
				update_modified=False,
			)

	def tearDown(self):
		frappe.db.rollback()

	def test_every_cell_is_the_hand_count(self):
		columns, data, *_ = execute({"year": YEAR, "quarter": str(QUARTER)})
		self.assertEqual(
			data,
			[
				row_of(DEPT_A, EXPECTED[DEPT_A], REASONS[DEPT_A]),
				row_of(DEPT_B, EXPECTED[DEPT_B], REASONS[DEPT_B]),
				row_of("合计", TOTAL, ""),
			],
		)
		self.assertEqual(
			[c["fieldname"] for c in columns], ["department", *COUNT_FIELDS, "main_refusal_reasons"]
		)
		for column in columns:
			self.assertTrue(column["fieldtype"] and column["width"], column)
		self.assertEqual(columns[1]["label"], "经办人说“不”件数")
		self.assertEqual(columns[-1]["label"], "主要领导说“不”事项问题及理由")

	def test_department_filter(self):
		_columns, data, *_ = execute({"year": YEAR, "quarter": QUARTER, "department": DEPT_B})
		self.assertEqual(
			data,
			[row_of(DEPT_B, EXPECTED[DEPT_B], REASONS[DEPT_B]), row_of("合计", EXPECTED[DEPT_B], "")],
		)

	def test_quarter_bounds_are_half_open(self):
		# the sheet at 07-01 00:00:00 belongs to the third quarter, the one at 03-31 23:59:59 to the first
		_columns, data, *_ = execute({"year": YEAR, "quarter": 3, "department": DEPT_A})
		self.assertEqual(
			data,
			[
				row_of(DEPT_A, (1, 0, 0, 0, 0, 0, 1), "事项1：下季度首日 理由：下季度理由"),
				row_of("合计", (1, 0, 0, 0, 0, 0, 1), ""),
			],
		)
		_columns, data, *_ = execute({"year": YEAR, "quarter": 1, "department": DEPT_A})
		self.assertEqual(
			data, [row_of(DEPT_A, (1, 1, 0, 0, 0, 0, 0), ""), row_of("合计", (1, 1, 0, 0, 0, 0, 0), "")]
		)

	def test_an_empty_quarter_has_only_a_zero_total(self):
		_columns, data, *_ = execute({"year": YEAR, "quarter": 4, "department": DEPT_A})
		self.assertEqual(data, [row_of("合计", (0,) * 7, "")])

	def test_year_and_quarter_are_required(self):
		with self.assertRaises(frappe.ValidationError):
			execute({"quarter": 1})
		with self.assertRaises(frappe.ValidationError):
			execute({"year": YEAR, "quarter": 5})

	def test_run_through_the_desk(self):
		result = run(REPORT, json.dumps({"year": YEAR, "quarter": str(QUARTER)}))
		self.assertIn("result", result, result)
		self.assertEqual(result["result"][-1], row_of("合计", TOTAL, ""))
		self.assertEqual(len(result["result"]), 3)
		self.assertFalse(result.get("add_total_row"))

	def test_excel_export_carries_every_row_and_the_total(self):
		from openpyxl import load_workbook

		frappe.local.form_dict = frappe._dict(
			{
				"report_name": REPORT,
				"file_format_type": "Excel",
				"filters": json.dumps({"year": YEAR, "quarter": str(QUARTER)}),
				"visible_idx": "[]",
				"include_indentation": 0,
			}
		)
		export_query()
		self.assertEqual(frappe.response["type"], "binary")
		self.assertTrue(frappe.response["filename"].endswith(".xlsx"))
		sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
		rows = [
			[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)
		]
		self.assertEqual(rows[0][0], "首问（负责）科（室）、单位")
		self.assertEqual(rows[0][1], "经办人说“不”件数")
		self.assertEqual(
			rows[1:],
			[
				[DEPT_A, *EXPECTED[DEPT_A], REASONS[DEPT_A]],
				[DEPT_B, *EXPECTED[DEPT_B], REASONS[DEPT_B]],
				["合计", *TOTAL, ""],
			],
		)
