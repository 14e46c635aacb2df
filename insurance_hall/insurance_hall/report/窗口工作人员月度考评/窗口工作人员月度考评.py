"""窗口工作人员月度考评: each window worker's month on the county's 100-point table (002 沂南 附件《医保服务
窗口工作人员考评标准（100分）》), counted from the records, with the month's 文明窗口 and the window with the
most dissatisfied votes (004 开原 第八条). A county without a table of its own is told so.

Counted: see services/score.py. Entered items (内部监督, 自我评价) show as 待录入 until an evaluator enters
them in the 考评登记; until the month is confirmed (月度考评确认) the total is what the records give now, and
a confirmed month shows the sheets as they were confirmed.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe import _

from insurance_hall.rules import score as s
from insurance_hall.services import score as service
from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import bar_chart, refusing, worker_columns


@refusing("窗口工作人员月度考评")
def execute(filters: dict | None = None):
	table = service.county_table()
	if table is None:
		frappe.msgprint(_("本县未配置月度考评表（县区配置 score），不进行月度考评"), indicator="orange")
		return columns_of(None), []
	start, end = month_of(filters or {})
	rows, status = service.month_rows(table, start, end, frappe.session.user)
	chart = bar_chart([row["staff_full_name"] for row in rows], {"总分": [row["total"] for row in rows]})
	return columns_of(table), rows, None, chart, summary(start, end, status)


def columns_of(table: s.Table | None) -> list[dict]:
	columns = worker_columns()
	for item in table.items if table else ():
		if item.kind != s.BONUS:
			columns.append(
				{
					"fieldname": item.key,
					"label": f"{item.label}（{item.cap:g}）",
					"fieldtype": "Float",
					"width": 120,
				}
			)
	if table:
		columns += [
			{
				"fieldname": "bonus",
				"label": f"加分（{table.bonus_cap:g}）",
				"fieldtype": "Float",
				"width": 90,
			},
			{"fieldname": "total", "label": _("已计得分"), "fieldtype": "Float", "width": 90},
			{"fieldname": "waiting", "label": _("待录入"), "fieldtype": "Data", "width": 150},
			{"fieldname": "details", "label": _("扣分、加分依据"), "fieldtype": "Data", "width": 320},
		]
	return columns


def summary(start: date, end: date, status: str | None) -> list[dict]:
	best, worst = s.best_and_worst(service.window_votes(start, end))
	return [
		{
			"label": _("文明窗口（满意票最多）"),
			"value": "、".join(best) or "—",
			"datatype": "Data",
			"indicator": "Green",
		},
		{
			"label": _("不满意票最多"),
			"value": "、".join(worst) or "—",
			"datatype": "Data",
			"indicator": "Red",
		},
		{
			"label": _("本月考评"),
			"value": status or _("评定中（按当前记录计算）"),
			"datatype": "Data",
			"indicator": "Blue" if status else "Orange",
		},
	]
