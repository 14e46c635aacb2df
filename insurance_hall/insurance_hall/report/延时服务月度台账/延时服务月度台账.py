"""延时服务月度台账: per window and month, the extensions, the extra time, 综合科's return visits and
the satisfaction ticks, aggregated in SQL.

002 沂南: "医保中心综合科负责人应定期回访，听取群众意见和建议，了解各窗口对延时服务的满意度。"

Counted: every record of the month that is not cancelled (drafts included: the extension happened);
the extra time is the adjusted length where the clerk changed it, else the computed one; a visit
counts in the month of the record it visits; the satisfied share is the ticks that are not bad on the
county's scale, over all ticks.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, Count, NullIf, Sum
from frappe.utils import cint, flt
from pypika.terms import Case
from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import refusing

TOTAL_LABEL = "合计"
COUNTS = ("records", "filed", "extra_minutes", "visits", "rated", "bad")


@refusing("延时服务月度台账")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	start, end = month_range(filters or {})
	window = (filters or {}).get("window") or None
	rows = _counts(start, end, window)
	visits = _visits(start, end, window)
	data = []
	for row in rows:
		item = {"window": row.window, **{key: cint(row.get(key)) for key in COUNTS if key != "visits"}}
		item["visits"] = visits.get(row.window, 0)
		item["satisfied_share"] = share(item["rated"] - item["bad"], item["rated"])
		data.append(item)
	total = {"window": TOTAL_LABEL, **{key: sum(item[key] for item in data) for key in COUNTS}}
	total["satisfied_share"] = share(total["rated"] - total["bad"], total["rated"])
	data.append(total)
	return get_columns(), data


def share(part: int, whole: int) -> float:
	return flt(100.0 * part / whole, 1) if whole else 0.0


def month_range(filters: dict) -> tuple[date, date]:
	return month_of(filters)


def _in_month(record, start: date, end: date, window: str | None):
	condition = (record.service_date >= start) & (record.service_date < end) & (record.docstatus < 2)
	if window:
		condition &= record.window == window
	return condition


def _counts(start: date, end: date, window: str | None) -> list[frappe._dict]:
	record = frappe.qb.DocType("Delay Service Record")
	length = Coalesce(NullIf(record.adjusted_minutes, 0), record.extension_minutes)
	query = (
		frappe.qb.from_(record)
		.select(
			record.window,
			Count("*").as_("records"),
			Sum(Case().when(record.docstatus == 1, 1).else_(0)).as_("filed"),
			Sum(length).as_("extra_minutes"),
			Sum(Case().when(Coalesce(record.satisfaction, "") != "", 1).else_(0)).as_("rated"),
			Sum(record.satisfaction_is_bad).as_("bad"),
		)
		.where(_in_month(record, start, end, window))
		.groupby(record.window)
		.orderby(record.window)
	)
	return query.run(as_dict=True)


def _visits(start: date, end: date, window: str | None) -> dict[str, int]:
	record = frappe.qb.DocType("Delay Service Record")
	visit = frappe.qb.DocType("Delay Service Visit")
	query = (
		frappe.qb.from_(visit)
		.join(record)
		.on(visit.record == record.name)
		.select(record.window, Count("*"))
		.where(_in_month(record, start, end, window))
		.groupby(record.window)
	)
	return {name: cint(count) for name, count in query.run()}


def get_columns() -> list[dict]:
	def number(fieldname: str, label: str, fieldtype: str = "Int") -> dict:
		return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": 130}

	return [
		{
			"fieldname": "window",
			"label": _("延时服务窗口"),
			"fieldtype": "Link",
			"options": "Service Window",
			"width": 140,
		},
		number("records", _("延时服务次数")),
		number("filed", _("已备案")),
		number("extra_minutes", _("延时总时长（分钟）")),
		number("visits", _("回访次数")),
		number("rated", _("满意度评价数")),
		number("bad", _("差评数")),
		number("satisfied_share", _("满意率（%）"), "Percent"),
	]
