"""排队叫号月度统计: per window and matter, a month's tickets, the average and p90 wait (taken to first
called, in minutes), served, no-shows and transfers, from the tickets of the month (the one month reader).

002 沂南: "配备具有显示办理顺序功能的叫号系统". A ticket counts at the window that last held it; a ticket
never called counts under “未叫号”.
"""

from __future__ import annotations

import frappe
from frappe import _

from insurance_hall.rules import queue as q
from insurance_hall.services.ledger import month_of
from insurance_hall.services.reports import refusing

TOTAL_LABEL = "合计"
NOT_CALLED = "未叫号"
COUNTS = ("tickets", "served", "no_shows", "transfers")


@refusing("排队叫号月度统计")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	filters = filters or {}
	start, end = month_of(filters)
	t = frappe.qb.DocType("Hall Queue Ticket")
	query = (
		frappe.qb.from_(t)
		.select(t.window, t.service_matter, t.status, t.called_at, t.wait_minutes, t.transfers)
		.where((t.queue_date >= start) & (t.queue_date < end))
	)
	if filters.get("window"):
		query = query.where(t.window == filters["window"])
	groups: dict[tuple[str, str], list] = {}
	for row in query.run(as_dict=True):
		groups.setdefault((row.window or NOT_CALLED, row.service_matter or ""), []).append(row)
	data = [summary(window, matter, rows) for (window, matter), rows in sorted(groups.items())]
	every = [row for rows in groups.values() for row in rows]
	data.append({**summary(TOTAL_LABEL, "", every), "window": TOTAL_LABEL})
	return get_columns(), data


def summary(window: str, matter: str, rows: list) -> dict:
	waits = [float(r.wait_minutes or 0) for r in rows if r.called_at]
	return {
		"window": window,
		"service_matter": matter,
		"tickets": len(rows),
		"served": sum(1 for r in rows if r.status == q.DONE),
		"no_shows": sum(1 for r in rows if r.status == q.NO_SHOW),
		"transfers": sum(int(r.transfers or 0) for r in rows),
		"avg_wait": round(sum(waits) / len(waits), 1) if waits else None,
		"p90_wait": q.p90(waits),
	}


def get_columns() -> list[dict]:
	def number(fieldname: str, label: str, fieldtype: str = "Int") -> dict:
		return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": 120}

	return [
		{"fieldname": "window", "label": _("窗口"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "service_matter",
			"label": _("服务事项"),
			"fieldtype": "Link",
			"options": "Service Matter",
			"width": 180,
		},
		number("tickets", _("取号数")),
		number("served", _("已办结")),
		number("no_shows", _("过号")),
		number("transfers", _("转移次数")),
		number("avg_wait", _("平均等候（分钟）"), "Float"),
		number("p90_wait", _("90%等候不超过（分钟）"), "Float"),
	]
