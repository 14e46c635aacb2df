"""A refused report run (a bad filter, a department the user does not hold) answers the user and leaves the
report as it was: Frappe v15's 15-second "prepared report" watcher of that run is cancelled."""

from __future__ import annotations

import threading

import frappe

from insurance_hall.tests.utils import IntegrationTestCase

REPORT = "说不事项提级管理汇总表"


def watchers(report: str) -> list[threading.Timer]:
	return [
		t
		for t in threading.enumerate()
		if isinstance(t, threading.Timer)
		and getattr(t.function, "__name__", "") == "enable_prepared_report"
		and (t.kwargs or {}).get("report") == report
		and not t.finished.is_set()
	]


class TestReportRefusals(IntegrationTestCase):
	def test_a_quarterly_report_without_its_quarter_does_not_switch_to_prepared_mode(self):
		report = frappe.get_doc("Report", REPORT)
		self.assertEqual(report.prepared_report, 0)
		with self.assertRaises(frappe.ValidationError) as err:
			report.execute_script_report({"year": 2026})
		self.assertIn("请选择季度", str(err.exception))
		frappe.clear_messages()
		self.assertEqual(watchers(REPORT), [])
		self.assertEqual(frappe.db.get_value("Report", REPORT, "prepared_report"), 0)
		# a good run still works and leaves nothing running
		columns, _data = report.execute_script_report({"year": 2026, "quarter": 4})[:2]
		self.assertTrue(columns)
		self.assertEqual(watchers(REPORT), [])
