"""好差评月度公示: each window's ratings of a finished month, for citizens (no names, no rating texts)."""

from __future__ import annotations

import frappe
from frappe.utils import getdate, today

from insurance_hall.api.website import hall_page
from insurance_hall.rules.period import published_month
from insurance_hall.services import figures, score_month
from insurance_hall.services.guide import hall_facts

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	now = getdate(today())
	year, month = published_month(frappe.form_dict.get("year"), frappe.form_dict.get("month"), now)
	context.figures = figures.month_figures(year, month, now)
	context.title = f"{year}年{month}月窗口服务“好差评”公示"
	context.facts = hall_facts()
	# 月度考评 as 局办公室 published it (002 "统一公示"): titles and best windows, nothing before publication
	context.score = score_month.published(year, month)
