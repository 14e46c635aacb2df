"""窗口工作人员年度考核: each window worker's monthly scores of a year on the county's 100-point table and the
year's mean (002 沂南: "推行每月一考评和一年一考核相结合的方式进行。月度、年度考评成绩记入局机关工作人员考核成绩").

The months are 月度考评's sheets (services/score.month_rows), so who sees whom is the same: a worker their
own row, a head or a deputy their departments' workers, the main leader, 综合科 and the admin everyone. A
month not begun has no score.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, get_fullname, getdate, today

from insurance_hall.services import score as service
from insurance_hall.services.reports import bar_chart, refusing, worker_columns


@refusing("窗口工作人员年度考核")
def execute(filters: dict | None = None):
	table = service.county_table()
	if table is None:
		frappe.msgprint(_("本县未配置月度考评表（县区配置 score），不进行考评"), indicator="orange")
		return columns(), []
	year = cint((filters or {}).get("year"))
	if not 1900 <= year <= 9998:
		frappe.msgprint(_("请填写正确的年度"), title=_("筛选条件有误"), indicator="orange")
		return columns(), []
	rows = service.year_rows(table, year, frappe.session.user, getdate(today()))
	for row in rows:
		row["staff_full_name"] = get_fullname(row["staff"])
	chart = bar_chart(
		[row["staff_full_name"] for row in rows], {"年度平均分": [row["average"] for row in rows]}
	)
	return columns(), rows, None, chart


def columns() -> list[dict]:
	return [
		*worker_columns(),
		*[
			{"fieldname": f"m{month}", "label": f"{month}月", "fieldtype": "Float", "width": 70}
			for month in range(1, 13)
		],
		{"fieldname": "average", "label": _("年度平均分"), "fieldtype": "Float", "width": 100},
	]
