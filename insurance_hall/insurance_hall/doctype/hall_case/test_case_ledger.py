"""The monthly on-time ledger against hand-counted cases, and the case's paper forms."""

from __future__ import annotations

import importlib
import json
from io import BytesIO

import frappe

from insurance_hall.rules import case as r
from insurance_hall.setup.permissions import WINDOW_STAFF
from insurance_hall.tests.factories import (
	make_hall_case,
	make_hall_department,
	make_service_matter,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import IntegrationTestCase

REPORT = importlib.import_module("insurance_hall.insurance_hall.report.办件按时办结月报.办件按时办结月报")
MATTER = "台账测试·承诺事项"


class TestCaseLedger(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.clerk = make_user("ledger.clerk@example.com", WINDOW_STAFF)
		cls.department = make_hall_department("台账测试科", room="105", phone="0539-1111111")
		cls.windows = [make_service_window(w, department=cls.department) for w in ("LT1", "LT2")]
		make_service_matter(
			MATTER,
			matter_type="Promised",
			promised_days=5,
			materials=[{"material": "身份证"}, {"material": "病历", "may_be_missing": 1}],
		)

	def setUp(self):
		self.forget_cases()

	def tearDown(self):
		self.forget_cases()

	def forget_cases(self):
		for name in frappe.get_all("Hall Case", filters={"first_responder": self.clerk}, pluck="name"):
			frappe.delete_doc("Hall Case", name, ignore_permissions=True, force=True)
		frappe.db.commit()

	def close(self, window: str, closed_on: str, status: str, on_time: int) -> str:
		name = make_hall_case(self.clerk, service_matter=MATTER, window=window)
		frappe.db.set_value(
			"Hall Case",
			name,
			{"status": status, "closed_on": closed_on, "on_time": on_time},
			update_modified=False,
		)
		return name

	def test_each_window_on_time_rate_for_the_month(self):
		lt1, lt2 = self.windows
		self.close(lt1, "2026-05-06", r.DONE, 1)
		self.close(lt1, "2026-05-20", r.DONE, 1)
		self.close(lt1, "2026-05-29", r.DONE, 0)
		self.close(lt1, "2026-05-12", r.RETURNED, 0)
		self.close(lt2, "2026-05-31", r.DONE, 1)
		self.close(lt2, "2026-06-01", r.DONE, 0)  # next month
		self.close(lt2, "2026-04-30", r.DONE, 0)  # last month
		_columns, data, _message, chart = REPORT.execute(
			{"month": "2026-05-15", "department": self.department}
		)
		rows = {row["window"]: row for row in data}
		# the chart a leader looks at: closed and on time per window
		self.assertEqual(chart["data"]["labels"], [f"{lt1}号窗口", f"{lt2}号窗口"])
		self.assertEqual([d["values"] for d in chart["data"]["datasets"]], [[4, 1], [2, 1]])
		self.assertEqual((rows[lt1]["closed"], rows[lt1]["on_time"], rows[lt1]["returned"]), (4, 2, 1))
		self.assertEqual(rows[lt1]["on_time_rate"], 50.0)
		self.assertEqual(
			(rows[lt2]["closed"], rows[lt2]["on_time"], rows[lt2]["on_time_rate"]), (1, 1, 100.0)
		)
		self.assertEqual((rows["合计"]["closed"], rows["合计"]["on_time"]), (5, 3))

	def test_excel_export_of_the_ledger(self):
		from frappe.desk.query_report import export_query
		from openpyxl import load_workbook

		self.close(self.windows[0], "2091-03-03", r.DONE, 1)
		self.close(self.windows[0], "2091-03-04", r.DONE, 0)
		frappe.local.form_dict = frappe._dict(
			{
				"report_name": "办件按时办结月报",
				"file_format_type": "Excel",
				"filters": json.dumps({"month": "2091-03-01", "department": self.department}),
				"visible_idx": "[]",
				"include_indentation": 0,
			}
		)
		export_query()
		self.assertEqual(frappe.response["type"], "binary")
		sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
		rows = [list(row) for row in sheet.iter_rows(values_only=True)]
		self.assertEqual(rows[0][:5], ["窗口", "办结件数", "按时办结件数", "退办件数", "按时办结率（%）"])
		self.assertEqual(rows[1][:5], [self.windows[0], 2, 1, 0, 50])
		self.assertEqual(rows[-1][:3], ["合计", 2, 1])

	def test_the_paper_forms_render_in_chinese_and_mark_what_is_missing(self):
		name = make_hall_case(
			self.clerk,
			service_matter=MATTER,
			window=self.windows[0],
			materials=[{"material": "身份证", "received": 1}],
		)
		notice = frappe.get_print("Hall Case", name, print_format="一次性告知书")
		self.assertIn("一次性告知书", notice)
		self.assertIn("病历 <b>【尚缺，请补齐】</b>", notice)
		self.assertIn("5 个工作日", notice)
		for form, words in (
			("容缺受理告知承诺书", "我承诺，将严格按照补齐补正时间要求"),
			("延期告知书", "存档联"),
			("代办通知单", "代办员"),
		):
			self.assertIn(words, frappe.get_print("Hall Case", name, print_format=form), form)
		self.assertEqual(
			frappe.get_print("Hall Case", name, print_format="延期告知书").count("延期办结告知书"), 2
		)
