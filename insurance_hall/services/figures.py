"""The month's 好差评 figures per window, published for citizens (002 月公示; 004 开原 第八条 monthly tallies):
counts and the satisfied share per window, read by the same month reader and the same counted ratings as
好差评月度统计 and 月度考评. Never a citizen's name or a single rating's text, never a staff account."""

from __future__ import annotations

from datetime import date

import frappe

from insurance_hall.rules.catalogue import window_text
from insurance_hall.rules.period import (
	month_after,
	month_before,
	month_span,
	previous_month,
	share,
)
from insurance_hall.services.score import window_votes


def month_figures(year: int, month: int, today: date) -> dict:
	start, end = month_span(year, month)
	names = {
		w.name: window_text(w.window_no, w.window_name)
		for w in frappe.get_all("Service Window", fields=["name", "window_no", "window_name"])
	}
	rows = []
	for window, satisfied, dissatisfied in sorted(window_votes(start, end)):
		rated = satisfied + dissatisfied
		rows.append(
			{
				"window": names.get(window, window_text(window)),
				"rated": rated,
				"satisfied": satisfied,
				"dissatisfied": dissatisfied,
				"share": share(satisfied, rated),
			}
		)
	latest = previous_month(today)
	after = month_after(year, month)
	return {
		"year": year,
		"month": month,
		"rows": rows,
		"total": sum(r["rated"] for r in rows),
		"share": share(sum(r["satisfied"] for r in rows), sum(r["rated"] for r in rows)),
		"before": month_before(year, month),
		"after": after if after <= latest else None,
	}
