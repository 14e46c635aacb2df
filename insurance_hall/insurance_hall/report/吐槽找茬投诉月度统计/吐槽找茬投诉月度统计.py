"""吐槽找茬投诉月度统计: complaints per month by department, window and channel, and how they ended.

002 §十: every complaint is registered ("都应及时在……受理登记簿中登记"); 004 第七条: "医保中心要每月对……网络、电话等
评议情况进行统计汇总". One aggregate in SQL over the half-open month range (the received_at index serves it).
"""

from __future__ import annotations

from datetime import datetime

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Extract, Sum
from frappe.utils import cint
from pypika.enums import DatePart
from pypika.terms import Case

from insurance_hall.rules import complaint as c
from insurance_hall.services.reports import bar_chart, refusing

DOCTYPE = "Hall Complaint"
TOTAL_LABEL = "合计"
# fieldname, outcome counted, label
OUTCOME_COUNTS: tuple[tuple[str, str, str], ...] = (
	("on_the_spot", c.ON_THE_SPOT, "当场解决"),
	("in_time", c.IN_TIME, "按时解决"),
	("late", c.LATE, "超期解决"),
	("not_solved", c.NOT_SOLVED, "未解决"),
	("open", c.OPEN, "办理中"),
)
COUNT_FIELDS: tuple[str, ...] = ("total", *(f for f, _o, _l in OUTCOME_COUNTS), "satisfied", "found_true")
GROUPS = ("department", "window", "channel")


@refusing("吐槽找茬投诉月度统计")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	filters = filters or {}
	period = month_range(filters)
	if period is None:
		# told, not thrown: Frappe v15 turns a script report that raises into a prepared report for good
		frappe.msgprint(_("请填写正确的年度和月份"), title=_("筛选条件有误"), indicator="orange")
		return get_columns(), []
	data = [
		{
			"month": f"{cint(row.year)}-{cint(row.month):02d}",
			**{field: row[field] for field in GROUPS},
			**{field: cint(row[field]) for field in COUNT_FIELDS},
		}
		for row in counts(*period, filters)
	]
	total = {"month": TOTAL_LABEL, "department": None, "window": None, "channel": None}
	for field in COUNT_FIELDS:
		total[field] = sum(row[field] for row in data)
	chart = by_channel_chart(data)
	data.append(total)
	return get_columns(), data, None, chart


def by_channel_chart(data: list[dict]) -> dict | None:
	"""Complaints of the period by channel, and how many were found true."""
	channels: dict[str, list[int]] = {}
	for row in data:
		counted = channels.setdefault(row["channel"] or "（未填写）", [0, 0])
		counted[0] += row["total"]
		counted[1] += row["found_true"]
	labels = sorted(channels)
	return bar_chart(
		labels, {"投诉件数": [channels[c][0] for c in labels], "经查属实": [channels[c][1] for c in labels]}
	)


def month_range(filters: dict) -> tuple[datetime, datetime] | None:
	"""[first moment of the month (or year), first moment of the next): half-open."""
	year, month = cint(filters.get("year")), cint(filters.get("month") or 0)
	if not 1900 <= year <= 9998 or not 0 <= month <= 12:
		return None
	if not month:
		return datetime(year, 1, 1), datetime(year + 1, 1, 1)
	end = datetime(year + 1, 1, 1) if month == 12 else datetime(year, month + 1, 1)
	return datetime(year, month, 1), end


def counts(start: datetime, end: datetime, filters: dict) -> list[frappe._dict]:
	complaint = frappe.qb.DocType(DOCTYPE)
	year = Extract(DatePart.year, complaint.received_at)
	month = Extract(DatePart.month, complaint.received_at)
	condition = (complaint.received_at >= start) & (complaint.received_at < end)
	for field in GROUPS:
		if filters.get(field):
			condition &= complaint[field] == filters[field]
	query = (
		frappe.qb.from_(complaint)
		.select(
			year.as_("year"),
			month.as_("month"),
			complaint.department,
			complaint.window,
			complaint.channel,
			Count("*").as_("total"),
			*[
				Sum(Case().when(complaint.outcome == outcome, 1).else_(0)).as_(field)
				for field, outcome, _label in OUTCOME_COUNTS
			],
			Sum(Case().when(complaint.satisfied == "满意", 1).else_(0)).as_("satisfied"),
			Sum(complaint.found_true).as_("found_true"),
		)
		.where(condition)
		.groupby(year, month, complaint.department, complaint.window, complaint.channel)
		.orderby(year)
		.orderby(month)
		.orderby(complaint.department)
		.orderby(complaint.window)
		.orderby(complaint.channel)
	)
	return query.run(as_dict=True)


def get_columns() -> list[dict]:
	def count(fieldname: str, label: str) -> dict:
		return {"fieldname": fieldname, "label": label, "fieldtype": "Int", "width": 100}

	return [
		{"fieldname": "month", "label": _("月份"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "department",
			"label": _("所涉及部门"),
			"fieldtype": "Link",
			"options": "Hall Department",
			"width": 140,
		},
		{
			"fieldname": "window",
			"label": _("所涉及窗口"),
			"fieldtype": "Link",
			"options": "Service Window",
			"width": 100,
		},
		{
			"fieldname": "channel",
			"label": _("受理方式"),
			"fieldtype": "Link",
			"options": "Complaint Channel",
			"width": 120,
		},
		count("total", _("投诉件数")),
		*[count(field, _(label)) for field, _outcome, label in OUTCOME_COUNTS],
		count("satisfied", _("诉求人满意")),
		count("found_true", _("经查属实")),
	]
