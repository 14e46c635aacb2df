"""问题整改月度台账: the problems put on the register in the month (by the day they were found), in the columns of
002's 附件2 "问题排查整改台账": 查摆问题, 整改措施, 完成时限, 责任人, 整改渠道, 问题类型, with where each came from, how
far it has gone (整改中, 待验证, 已销号) and whether it was done in time.

002: "实行銷号管理，做到问题不解决不放手，解决不彻底不销号".

Listed through the user's own permissions.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_fullname, getdate, today

from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import refusing

DOCTYPE = "Hall Rectification"


@refusing("问题整改月度台账")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	filters = filters or {}
	start, end = month_of(filters)
	conditions = [["found_on", ">=", start], ["found_on", "<", end]]
	for key in ("source", "department", "status", "responsible"):
		if filters.get(key):
			conditions.append([key, "=", filters[key]])
	rows = frappe.get_list(
		DOCTYPE,
		filters=conditions,
		fields=[
			"name",
			"found_on",
			"source",
			"department",
			"problem",
			"measure",
			"due_date",
			"responsible",
			"channel",
			"problem_type",
			"status",
			"completed_at",
			"verified_by",
			"verified_at",
		],
		order_by="found_on asc, creation asc",
	)
	now = getdate(today())
	data = []
	for number, row in enumerate(rows, start=1):
		done_on = getdate(row.completed_at) if row.completed_at else None
		late = (done_on or now) > getdate(row.due_date) if row.due_date else False
		data.append(
			{
				**row,
				"number": number,
				"responsible_name": get_fullname(row.responsible) if row.responsible else "",
				# done after its deadline, or still not done past it
				"overdue": "是" if late else "",
			}
		)
	return get_columns(), data


def get_columns() -> list[dict]:
	def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 120, **extra) -> dict:
		return {"fieldname": fieldname, "label": _(label), "fieldtype": fieldtype, "width": width, **extra}

	return [
		column("number", "序号", "Int", 60),
		column("name", "整改问题", "Link", 130, options=DOCTYPE),
		column("found_on", "发现日期", "Date", 100),
		column("source", "问题来源", width=80),
		column("department", "责任科室", "Link", 110, options="Hall Department"),
		column("problem", "查摆问题", width=240),
		column("measure", "整改措施", width=200),
		column("due_date", "完成时限", "Date", 100),
		column("responsible_name", "责任人", width=90),
		column("channel", "整改渠道", width=90),
		column("problem_type", "问题类型", width=90),
		column("status", "状态", width=80),
		column("completed_at", "完成整改时间", "Datetime", 150),
		column("verified_at", "验证销号时间", "Datetime", 150),
		column("overdue", "逾期", width=60),
	]
