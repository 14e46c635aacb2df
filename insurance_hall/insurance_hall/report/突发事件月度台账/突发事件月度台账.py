"""突发事件月度台账: every incident of the month (by the time it occurred), with its reports, the time from the
event to the first report and to the 应急维稳工作组's arrival, and how it ended.

001 §十 应急处理制度: "发生群体性（突发性）事件后，立即电话或书面报告，应急维稳工作组第一时间赶往事件现场统一指挥".

Listed through the user's own permissions (a department head sees their departments' incidents).
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import get_datetime

from insurance_hall.rules.incident import minutes_between
from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import refusing

DOCTYPE = "Hall Incident"


@refusing("突发事件月度台账")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	filters = filters or {}
	start, end = month_of(filters)
	conditions = [["occurred_at", ">=", start], ["occurred_at", "<", end]]
	for key in ("kind", "department", "status"):
		if filters.get(key):
			conditions.append([key, "=", filters[key]])
	incidents = frappe.get_list(
		DOCTYPE,
		filters=conditions,
		fields=[
			"name",
			"kind",
			"occurred_at",
			"department",
			"place",
			"window",
			"arrived_at",
			"status",
			"closed_at",
			"outcome",
		],
		order_by="occurred_at asc",
	)
	reports = _reports([row.name for row in incidents])
	data = []
	for row in incidents:
		lines = reports.get(row.name, [])
		first = min((line.reported_at for line in lines), default=None)
		occurred = get_datetime(row.occurred_at)
		data.append(
			{
				**row,
				"reports": "；".join(
					f"{get_datetime(line.reported_at):%m-%d %H:%M} {line.way}报告{line.to_whom or ''}"
					for line in lines
				),
				"first_report_at": first,
				"report_minutes": minutes_between(occurred, get_datetime(first) if first else None),
				"arrival_minutes": minutes_between(
					occurred, get_datetime(row.arrived_at) if row.arrived_at else None
				),
			}
		)
	return get_columns(), data


def _reports(names: list[str]) -> dict[str, list]:
	found = defaultdict(list)
	if not names:
		return found
	for line in frappe.get_all(
		"Hall Incident Report",
		filters={"parent": ("in", names), "parenttype": DOCTYPE},
		fields=["parent", "to_whom", "way", "reported_at"],
		order_by="reported_at asc",
	):
		found[line.parent].append(line)
	return found


def get_columns() -> list[dict]:
	def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 120, **extra) -> dict:
		return {"fieldname": fieldname, "label": _(label), "fieldtype": fieldtype, "width": width, **extra}

	return [
		column("name", "突发事件", "Link", 130, options=DOCTYPE),
		column("kind", "事件类别", width=100),
		column("occurred_at", "发生时间", "Datetime", 150),
		column("department", "所涉科室", "Link", 110, options="Hall Department"),
		column("place", "发生地点", width=110),
		column("reports", "报告情况", width=260),
		column("first_report_at", "首次报告时间", "Datetime", 150),
		column("report_minutes", "报告用时（分钟）", "Int", 120),
		column("arrived_at", "应急维稳工作组到场时间", "Datetime", 150),
		column("arrival_minutes", "到场用时（分钟）", "Int", 120),
		column("status", "状态", width=80),
		column("closed_at", "结束时间", "Datetime", 150),
		column("outcome", "处置结果", width=200),
	]
