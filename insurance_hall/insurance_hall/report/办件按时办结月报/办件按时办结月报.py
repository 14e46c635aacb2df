"""办件按时办结月报: one row per window for a month, closed cases and how many were on time.

002 §四.10: "因申请人原因，导致未在承诺时限内办结的，视为按时办结" — `on_time` is set when a case is
finished (rules.case.on_time); a returned case (退办) is counted as closed but not as on time.
Aggregated in one GROUP BY over the (closed_on, window) index.
"""

from __future__ import annotations

from datetime import timedelta

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint
from pypika.terms import Case

from insurance_hall.rules import case as r
from insurance_hall.rules.period import share
from insurance_hall.services.ledger import month_of
from insurance_hall.services.scope import visible_departments
from insurance_hall.services.reports import bar_chart, refusing, window_label

DOCTYPE = "Hall Case"
TOTAL_LABEL = "合计"


@refusing("办件按时办结月报")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	filters = filters or {}
	start, end = month_of(filters)
	end = end - timedelta(days=1)  # the last day of the month: closed_on is a date, counted inclusively
	department = filters.get("department") or None
	allowed = visible_departments(frappe.session.user, DOCTYPE)
	if allowed is not None and department and department not in allowed:
		frappe.throw(_("您只能查看本人负责科室的办件"), frappe.PermissionError, title=_("没有权限"))
	departments = (department,) if department else (tuple(allowed) if allowed is not None else None)
	rows = counts(start, end, departments)
	data = [row_of(row.window, row.closed, row.on_time, row.returned) for row in rows]
	chart = bar_chart(
		[window_label(row.window) for row in rows],
		{"办结件数": [d["closed"] for d in data], "按时办结件数": [d["on_time"] for d in data]},
	)
	data.append(
		row_of(
			TOTAL_LABEL,
			sum(d["closed"] for d in data),
			sum(d["on_time"] for d in data),
			sum(d["returned"] for d in data),
		)
	)
	return columns(), data, None, chart


def row_of(window, closed, on_time, returned) -> dict:
	closed, on_time, returned = cint(closed), cint(on_time), cint(returned)
	return {
		"window": window or "（未指定窗口）",
		"closed": closed,
		"on_time": on_time,
		"returned": returned,
		"on_time_rate": share(on_time, closed),
	}


def counts(start, end, departments: tuple[str, ...] | None):
	case = frappe.qb.DocType(DOCTYPE)
	query = (
		frappe.qb.from_(case)
		.select(
			case.window,
			Count(case.name).as_("closed"),
			Sum(Case().when((case.status == r.DONE) & (case.on_time == 1), 1).else_(0)).as_("on_time"),
			Sum(Case().when(case.status == r.RETURNED, 1).else_(0)).as_("returned"),
		)
		.where(case.closed_on[start:end])
		.where(case.status.isin([r.DONE, r.RETURNED]))
		.groupby(case.window)
		.orderby(case.window)
	)
	if departments is not None:
		query = query.where(case.department.isin(departments))
	return query.run(as_dict=True)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "window",
			"label": _("窗口"),
			"fieldtype": "Link",
			"options": "Service Window",
			"width": 160,
		},
		{"fieldname": "closed", "label": _("办结件数"), "fieldtype": "Int", "width": 110},
		{"fieldname": "on_time", "label": _("按时办结件数"), "fieldtype": "Int", "width": 130},
		{"fieldname": "returned", "label": _("退办件数"), "fieldtype": "Int", "width": 110},
		{
			"fieldname": "on_time_rate",
			"label": _("按时办结率（%）"),
			"fieldtype": "Float",
			"width": 140,
			"precision": 1,
		},
	]
