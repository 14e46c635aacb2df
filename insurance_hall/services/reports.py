"""The hall's script reports refuse a user or a bad filter without switching the report for everyone.

Frappe v15 starts a 15-second timer when a script report runs and, if the run has not finished by then,
turns the report into a prepared report for all users; a run that *raises* never cancels the timer, so one
refused run (403) or one bad filter (417) flips the report 15 s later. Every report of the app runs its
`execute` through `refusing`, which cancels that timer for its own report when the run raises.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps

from insurance_hall.rules.catalogue import window_text


def bar_chart(labels: list[str], series: dict[str, list[float]]) -> dict | None:
	"""The chart a leader looks at above a report: one bar per label and series (Frappe Charts); None when
	the month has nothing to draw. The one chart shape of every hall report."""
	if not labels:
		return None
	return {
		"data": {
			"labels": labels,
			"datasets": [{"name": name, "values": values} for name, values in series.items()],
		},
		"type": "bar",
	}


def worker_columns() -> list[dict]:
	"""The first columns of a report about window workers: the person (shown by name) and their window."""
	return [
		{"fieldname": "staff", "label": "工作人员", "fieldtype": "Link", "options": "User", "width": 120},
		{
			"fieldname": "window",
			"label": "窗口",
			"fieldtype": "Link",
			"options": "Service Window",
			"width": 150,
		},
	]


def window_label(window: str | None) -> str:
	"""A window as a chart names it: 3号窗口."""
	return window_text(window)


def cancel_prepared_report_watch(report: str) -> int:
	"""Cancel this process's pending "turn into a prepared report" timers for `report`; how many."""
	cancelled = 0
	for thread in threading.enumerate():
		if not isinstance(thread, threading.Timer):
			continue
		if getattr(thread.function, "__name__", "") != "enable_prepared_report":
			continue
		if (thread.kwargs or {}).get("report") == report:
			thread.cancel()
			cancelled += 1
	return cancelled


def refusing(report: str) -> Callable:
	"""Decorate a report's `execute`: a refusal is raised as it is, and the report stays as it was."""

	def decorate(execute: Callable) -> Callable:
		@wraps(execute)
		def run(filters=None):
			try:
				return execute(filters)
			except Exception:
				cancel_prepared_report_watch(report)
				raise

		return run

	return decorate
