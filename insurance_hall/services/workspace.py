"""The workspace's "what waits for me": one list across every form, read from the hall's one inbox.

Every form routes work to a named person through `services.inbox` (sheets to approve, referred
cases, complaint 承办单, bad ratings to check, delay records to file, bookings at one's window), so
a person's open ToDos are exactly what waits for them; this adds what the list shows of each.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import frappe
from frappe.utils import getdate, nowdate

from insurance_hall.rules import case as c
from insurance_hall.rules import rating as rt
from insurance_hall.rules.period import month_span, share
from insurance_hall.rules.roles import HALL_ADMIN
from insurance_hall.services import deadlines, inbox, records


def work_of(user: str, limit: int = 50) -> dict:
	"""The open items of `user`, overdue first, each with its form's name in the user's language and
	the Desk route that opens it."""
	work = inbox.open_items(user, getdate(nowdate()), limit, doctypes=records.hall_doctypes())
	work["notices"] = notices_of(user, getdate(nowdate()))
	for item in work["items"]:
		# the list opens the record itself: the message's "链接：http://…" line is for e-mail only
		item["message"] = re.sub(r"\s*链接：\S+", "", item.get("message") or "").strip()
		item["label"] = frappe._(item["doctype"]) if item["doctype"] else "待办事项"
		item["route"] = (
			f"/app/{frappe.scrub(item['doctype']).replace('_', '-')}/{item['name']}"
			if item["doctype"]
			else f"/app/todo/{item['todo']}"
		)
	return work


def notices_of(user: str, today: date) -> list[str]:
	"""What the hall admin must see on the workspace: next year's calendar to confirm, from 1 November."""
	if not {HALL_ADMIN, "System Manager"} & set(frappe.get_roles(user)):
		return []
	reminder = deadlines.admin_reminder(today)
	return [reminder] if reminder else []


# ---------------------------------------------------------------- the hall's monthly rates, as cards
# Each counts through frappe.get_list, so a card shows the viewer only what they may read (a head
# their departments' cases); the monthly ledgers count the same way for the whole hall.


def on_time_rate(today: date) -> dict | str:
	"""This month's 按时办结率: cases closed this month (办结 or 退办) closed on time, as the ledger
	办件按时办结月报 counts them."""
	start, end = _this_month(today)
	closed = {
		"closed_on": ["between", [start, end - timedelta(days=1)]],
		"status": ["in", [c.DONE, c.RETURNED]],
	}
	whole = _count("Hall Case", closed)
	part = _count("Hall Case", {**closed, "status": c.DONE, "on_time": 1})
	return _rate(part, whole, "本月暂无办结")


def satisfied_share(today: date) -> dict | str:
	"""This month's 满意率: counted ratings (a 误评 or 恶意差评 is not counted) that are not bad."""
	start, end = _this_month(today)
	counted = {"service_date": ["between", [start, end - timedelta(days=1)]], "state": ["!=", rt.NOT_COUNTED]}
	whole = _count("Hall Rating", counted)
	part = _count("Hall Rating", {**counted, "is_bad": 0})
	return _rate(part, whole, "本月暂无评价")


def _rate(part: int, whole: int, nothing: str) -> dict | str:
	"""A card's figure: a rate, or saying there is nothing to rate yet rather than a misleading 0%. The
	words go back as plain text: Frappe's number card formats an object's value as a number, and a text
	in it left the card on 载入中… (a window clerk with no rating this month saw that)."""
	if not whole:
		return nothing
	return {"value": share(part, whole), "fieldtype": "Percent"}


def _this_month(today: date) -> tuple[date, date]:
	span = month_span(today.year, today.month)
	assert span is not None
	return span


def _count(doctype: str, filters: dict) -> int:
	return frappe.get_list(doctype, filters=filters, fields=["count(name) as n"])[0].n or 0
