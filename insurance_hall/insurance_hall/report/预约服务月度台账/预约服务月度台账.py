"""预约服务月度台账: per window and month, the bookings, how many were served, the no-shows, the
cancellations, the bookings from the public page and the applicants barred, aggregated in SQL.

002 沂南: "预约服务完成后，承办人及申请人在《沂南县医保服务预约服务申请表》(一式两份)上填写办理情况和满意度情况，
并签字确认，登记表报送综合科备案。"

Counted by the booked day; "booked" is every booking of the month that was not cancelled; a barred
applicant counts at each window where they missed a booking of the month, when the bar was set that
month.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint
from pypika.terms import Case

from insurance_hall.rules import booking as b
from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import refusing

TOTAL_LABEL = "合计"
COUNTS = ("booked", "served", "no_shows", "cancelled", "online", "bad", "barred")


@refusing("预约服务月度台账")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	filters = filters or {}
	start, end = month_range(filters)
	window = filters.get("window") or None
	barred = _barred(start, end, window)
	data = []
	for row in _counts(start, end, window):
		item = {"window": row.window, **{key: cint(row.get(key)) for key in COUNTS if key != "barred"}}
		item["barred"] = barred.get(row.window, 0)
		data.append(item)
	data.append({"window": TOTAL_LABEL, **{key: sum(item[key] for item in data) for key in COUNTS}})
	return get_columns(), data


def month_range(filters: dict) -> tuple[date, date]:
	return month_of(filters)


def _where(bk, start: date, end: date, window: str | None):
	condition = (bk.booking_date >= start) & (bk.booking_date < end)
	if window:
		condition &= bk.window == window
	return condition


def _is(field, value):
	return Sum(Case().when(field == value, 1).else_(0))


def _counts(start: date, end: date, window: str | None) -> list[frappe._dict]:
	bk = frappe.qb.DocType("Hall Booking")
	query = (
		frappe.qb.from_(bk)
		.select(
			bk.window,
			Sum(Case().when(bk.status != b.CANCELLED, 1).else_(0)).as_("booked"),
			_is(bk.status, b.SERVED).as_("served"),
			_is(bk.status, b.NO_SHOW).as_("no_shows"),
			_is(bk.status, b.CANCELLED).as_("cancelled"),
			_is(bk.channel, b.ONLINE).as_("online"),
			Sum(bk.satisfaction_is_bad).as_("bad"),
		)
		.where(_where(bk, start, end, window))
		.groupby(bk.window)
		.orderby(bk.window)
	)
	return query.run(as_dict=True)


def _barred(start: date, end: date, window: str | None) -> dict[str, int]:
	bk = frappe.qb.DocType("Hall Booking")
	bar = frappe.qb.DocType("Booking Bar")
	query = (
		frappe.qb.from_(bk)
		.join(bar)
		.on(bar.phone_key == bk.phone_key)
		.select(bk.window, Count(bk.phone_key).distinct())
		.where(
			_where(bk, start, end, window)
			& (bk.status == b.NO_SHOW)
			& (bar.barred_on >= start)
			& (bar.barred_on < end)
		)
		.groupby(bk.window)
	)
	return {name: cint(count) for name, count in query.run()}


def get_columns() -> list[dict]:
	def number(fieldname: str, label: str) -> dict:
		return {"fieldname": fieldname, "label": label, "fieldtype": "Int", "width": 120}

	return [
		{
			"fieldname": "window",
			"label": _("预约窗口"),
			"fieldtype": "Link",
			"options": "Service Window",
			"width": 140,
		},
		number("booked", _("预约数")),
		number("served", _("已办理")),
		number("no_shows", _("爽约")),
		number("cancelled", _("已取消")),
		number("online", _("网上预约")),
		number("bad", _("差评数")),
		number("barred", _("被限制预约人数")),
	]
