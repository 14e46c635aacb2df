"""好差评月度统计: per window and staff member, one month's ratings counted by the county's levels, the
satisfied share, bad ratings by their check and fix state and the return-visit rate; the best window
(most satisfied votes) and the worst (most dissatisfied), aggregated in SQL on (service_date, window).

004 开原 第八条: "每月窗口满意票数最高的评为文明窗口,并在月考核中进行加分表彰,对于每月不满意票数最高的,将在月考核中进行扣分并通报。"

Counted: every rating of the month except those found 误评 / 恶意差评 (不予采纳); the delay-service
log's ticks are Hall Ratings themselves (made when the record is filed), so nothing is counted twice.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint, get_fullname
from pypika.terms import Case

from insurance_hall.rules import rating as r
from insurance_hall.rules.period import share
from insurance_hall.services.rating import rating_scale
from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import bar_chart, refusing, window_label

TOTAL_LABEL = "合计"


@refusing("好差评月度统计")
def execute(filters: dict | None = None):
	filters = filters or {}
	start, end = month_range(filters)
	scale = rating_scale()
	rows = _counts(start, end, filters.get("window") or None, scale)
	data = [_row(row, scale) for row in rows]
	total = {"window": TOTAL_LABEL, "staff": ""}
	for key in ("rated", "satisfied", "bad", "to_check", "to_fix", "not_counted", "named_bad", "visited"):
		total[key] = sum(item[key] for item in data)
	for i in range(len(scale)):
		total[f"level_{i}"] = sum(item[f"level_{i}"] for item in data)
	_shares(total)
	message = best_and_worst(data)
	chart = _chart(data, scale)
	data.append(total)
	return get_columns(scale), data, message, chart


def month_range(filters: dict) -> tuple[date, date]:
	return month_of(filters)


def _counts(start: date, end: date, window: str | None, scale) -> list[frappe._dict]:
	rating = frappe.qb.DocType("Hall Rating")
	counted = rating.state != r.NOT_COUNTED

	def count_if(condition):
		return Sum(Case().when(condition, 1).else_(0))

	levels = [
		count_if(counted & (rating.level == label)).as_(f"level_{i}") for i, (label, _b) in enumerate(scale)
	]
	condition = (rating.service_date >= start) & (rating.service_date < end)
	if window:
		condition &= rating.window == window
	query = (
		frappe.qb.from_(rating)
		.select(
			rating.window,
			rating.staff,
			count_if(counted).as_("rated"),
			count_if(counted & (rating.is_bad == 0)).as_("satisfied"),
			count_if(counted & (rating.is_bad == 1)).as_("bad"),
			count_if(rating.state == r.TO_CHECK).as_("to_check"),
			count_if(rating.state == r.TO_FIX).as_("to_fix"),
			count_if(rating.state == r.NOT_COUNTED).as_("not_counted"),
			count_if(
				counted & (rating.is_bad == 1) & (rating.rater_name.notnull()) & (rating.rater_name != "")
			).as_("named_bad"),
			count_if(rating.visited_on.notnull()).as_("visited"),
			Count("*").as_("all"),
			*levels,
		)
		.where(condition)
		.groupby(rating.window, rating.staff)
		.orderby(rating.window)
		.orderby(rating.staff)
	)
	return query.run(as_dict=True)


def _row(row, scale) -> dict:
	# Frappe's User link formatter shows `<field>_full_name` of the row: the person's name, not their e-mail
	item = {
		"window": row.window,
		"staff": row.staff,
		"staff_full_name": get_fullname(row.staff) if row.staff else "",
	}
	for key in ("rated", "satisfied", "bad", "to_check", "to_fix", "not_counted", "named_bad", "visited"):
		item[key] = cint(row.get(key))
	for i in range(len(scale)):
		item[f"level_{i}"] = cint(row.get(f"level_{i}"))
	_shares(item)
	return item


def _shares(item: dict) -> None:
	item["satisfied_share"] = share(item["satisfied"], item["rated"])
	item["visit_rate"] = share(item["visited"], item["named_bad"])


def by_window(data: list[dict]) -> dict[str, dict[str, int]]:
	windows: dict[str, dict[str, int]] = {}
	for item in data:
		votes = windows.setdefault(item["window"] or "", {"satisfied": 0, "bad": 0})
		votes["satisfied"] += item["satisfied"]
		votes["bad"] += item["bad"]
	return windows


def best_and_worst(data: list[dict]) -> str:
	"""004 开原 第八条: the window with the most satisfied votes and the one with the most dissatisfied."""
	windows = by_window(data)
	if not windows:
		return "本月没有评价"
	best = max(windows, key=lambda w: (windows[w]["satisfied"], -windows[w]["bad"]))
	worst = max(windows, key=lambda w: (windows[w]["bad"], -windows[w]["satisfied"]))
	line = f"本月满意票数最高的窗口：{best}（{windows[best]['satisfied']} 票）"
	if windows[worst]["bad"]:
		line += f"；不满意票数最高的窗口：{worst}（{windows[worst]['bad']} 票）"
	return line


def _chart(data: list[dict], scale) -> dict | None:
	windows = by_window(data)
	labels = sorted(windows)
	return bar_chart(
		[window_label(w) for w in labels],
		{
			"满意票": [windows[w]["satisfied"] for w in labels],
			"不满意票": [windows[w]["bad"] for w in labels],
		},
	)


def get_columns(scale) -> list[dict]:
	def number(fieldname: str, label: str, fieldtype: str = "Int") -> dict:
		return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": 110}

	return [
		{
			"fieldname": "window",
			"label": _("窗口"),
			"fieldtype": "Link",
			"options": "Service Window",
			"width": 100,
		},
		{"fieldname": "staff", "label": _("被评价人"), "fieldtype": "Link", "options": "User", "width": 180},
		number("rated", _("评价数")),
		*[number(f"level_{i}", label) for i, (label, _bad) in enumerate(scale)],
		number("satisfied_share", _("满意率（%）"), "Percent"),
		number("bad", _("差评数")),
		number("to_check", _("待核实")),
		number("to_fix", _("待整改")),
		number("not_counted", _("不予采纳")),
		number("named_bad", _("实名差评")),
		number("visited", _("已回访")),
		number("visit_rate", _("实名差评回访率（%）"), "Percent"),
	]
