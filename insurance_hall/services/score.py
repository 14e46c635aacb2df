"""月度考评 from the records: each window worker's month, counted in SQL and scored by the county's table
(`rules/score.py`, the profile's `score` kept in Hall Settings).

Counted automatically: complaints 查实 (found true) naming the worker, by channel, in the month they were
received; ratings of the worker's service in the month served, by level, except those concluded 误评 or
恶意差评 (not counted). Entered by evaluators in the 考评登记 (Hall Score Entry): the entered items (内部监督,
自我评价: a score) and the events of sources the hall keeps no record of (third-party survey, written
praise, honours, adopted suggestions: an event and a count). Until the month is confirmed its sheets are
recomputed from the records; a confirmed month reads the sheets frozen at confirmation
(`services/score_month.py`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import frappe

from insurance_hall.rules import rating as r
from insurance_hall.rules import score as s
from insurance_hall.rules.roles import DEPUTY, HALL_ADMIN, MAIN_LEADER, RECORDS, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.services.scope import wanted_departments

ENTRY = "Hall Score Entry"
MONTH = "Hall Score Month"
EVALUATORS = frozenset({SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN})


def county_table() -> s.Table | None:
	raw = frappe.db.get_single_value("Hall Settings", "score_table")
	return s.table_of(json.loads(raw)) if raw else None


def month_events(table: s.Table, start: date, end: date) -> dict[str, dict[str, dict[str, int]]]:
	"""worker → item key → event → count, for the month [start, end)."""
	events: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
	by_source: dict[str, list[s.Item]] = defaultdict(list)
	for item in table.items:
		by_source[item.source].append(item)
	if by_source.get("complaint"):
		rows = frappe.db.sql(
			"""select staff, channel, count(*) from `tabHall Complaint`
			where found_true = 1 and staff is not null and staff != ''
				and received_at >= %s and received_at < %s
			group by staff, channel""",
			(start, end),
		)
		for staff, channel, n in rows:
			for item in by_source["complaint"]:
				if channel in item.per_event:
					events[staff][item.key][channel] = int(n)
	if by_source.get("rating"):
		rows = frappe.db.sql(
			"""select staff, level, count(*) from `tabHall Rating`
			where state != %s and staff is not null and staff != ''
				and service_date >= %s and service_date < %s
			group by staff, level""",
			(r.NOT_COUNTED, start, end),
		)
		for staff, level, n in rows:
			for item in by_source["rating"]:
				if level in item.per_event:
					events[staff][item.key][level] = int(n)
	entered_sources = s.ENTERED_SOURCES & set(by_source)
	if entered_sources:
		keys = [item.key for source in entered_sources for item in by_source[source]]
		rows = frappe.db.sql(
			"""select staff, item, event, sum(times) from `tabHall Score Entry`
			where year = %s and month = %s and item in %s and ifnull(event, '') != ''
			group by staff, item, event""",
			(start.year, start.month, keys),
		)
		for staff, key, event, n in rows:
			events[staff][key][event] = int(n or 0)
	return events


def month_entered(table: s.Table, start: date) -> dict[str, dict[str, float]]:
	"""worker → entered item key → the evaluator's score, for the month beginning `start`."""
	keys = [item.key for item in table.items if item.kind == s.ENTERED]
	entered: dict[str, dict[str, float]] = defaultdict(dict)
	if keys:
		for staff, key, points in frappe.db.sql(
			"""select staff, item, points from `tabHall Score Entry`
			where year = %s and month = %s and item in %s and ifnull(event, '') = ''""",
			(start.year, start.month, keys),
		):
			entered[staff][key] = float(points or 0)
	return entered


def window_workers() -> dict[str, tuple[str, str | None]]:
	"""Each window worker (A and B posts of windows in service): their window and its department."""
	workers: dict[str, tuple[str, str | None]] = {}
	for row in frappe.get_all(
		"Service Window",
		filters={"in_service": 1},
		fields=["name", "a_staff", "b_staff", "department"],
		order_by="name",
	):
		for person in (row.a_staff, row.b_staff):
			if person and person not in workers:
				workers[person] = (row.name, row.department)
	return workers


def is_worker(user: str) -> bool:
	"""A window worker: holds an A or B post of a window in service, or the 窗口工作人员 role (a worker between
	posts keeps their month)."""
	return user in window_workers() or WINDOW_STAFF in frappe.get_roles(user)


def sees_everyone(user: str) -> bool:
	"""Before publication a worker sees their own sheet only (002: "考评成绩由局办公室拟发通报统一公示，负责
	考核的人员不得自行公示成绩数据"); heads, leaders, 综合科 and the admin see the sheets they evaluate."""
	return user == "Administrator" or bool(EVALUATORS & set(frappe.get_roles(user)))


def visible(people: list[str], user: str, workers: dict[str, tuple[str, str | None]]) -> list[str]:
	"""The sheets a user may see: a worker their own; a head or a deputy the workers of the windows of their
	departments (the same scope as every departmental form); the main leader, 综合科 and the admin all."""
	if not sees_everyone(user):
		return [person for person in people if person == user]
	departments = wanted_departments(user)
	if departments is None:
		return people
	return [
		person
		for person in people
		if person == user or (person in workers and workers[person][1] in departments)
	]


def in_scope(user: str, staff: str) -> bool:
	"""Whether `staff` is a worker whose month `user` evaluates (their departments' windows)."""
	return bool(visible([staff], user, window_workers()))


def month_sheets(table: s.Table, start: date, end: date, user: str) -> list[tuple[str, str | None, s.Sheet]]:
	"""(worker, window, sheet) of each worker the user may see, for the month, computed from the records."""
	events = month_events(table, start, end)
	entered = month_entered(table, start)
	workers = window_workers()
	people = visible(sorted(set(workers) | set(events) | set(entered)), user, workers)
	return [
		(
			person,
			workers[person][0] if person in workers else None,
			s.sheet_of(table, events.get(person, {}), entered.get(person, {})),
		)
		for person in people
	]


def sheet_row(table: s.Table, person: str, window: str | None, sheet: s.Sheet) -> dict:
	"""A worker's sheet as one row of 月度考评: each item's points, the bonus, the total, what is still to
	be entered and what made each deduction and addition."""
	from frappe.utils import get_fullname

	row = {"staff": person, "staff_full_name": get_fullname(person), "window": window}
	details, waiting = [], []
	for item, line in zip(table.items, sheet.lines, strict=True):
		row[item.key] = line.points
		if line.waiting:
			waiting.append(item.label)
		elif item.kind == s.ENTERED:
			details.append(f"{item.label} 录入 {line.points:g}")
		for event, n in line.events.items():
			sign = "−" if item.kind == s.DEDUCT else "+"
			details.append(f"{item.label}·{event} {n} 次 {sign}{item.per_event[event] * n:g}")
	row["bonus"] = sheet.bonus
	row["total"] = sheet.total
	row["waiting"] = "、".join(waiting)
	row["details"] = "；".join(details)
	return row


def frozen_month(start: date) -> dict | None:
	"""A confirmed (or published) month's record: its sheets as frozen at confirmation; None while open."""
	found = frappe.db.get_value(
		MONTH,
		{"year": start.year, "month": start.month, "status": ("in", (s.CLOSED, s.PUBLISHED))},
		["name", "status", "sheets"],
		as_dict=True,
	)
	if not found or not found.sheets:
		return None
	return {"name": found.name, "status": found.status, **json.loads(found.sheets)}


def month_rows(table: s.Table, start: date, end: date, user: str) -> tuple[list[dict], str | None]:
	"""The rows of 月度考评 the user may see, and the month's status when it is confirmed: a confirmed month
	reads its frozen sheets, an open one is computed from the records as they stand."""
	frozen = frozen_month(start)
	if frozen:
		rows = frozen["rows"]
		allowed = set(visible([row["staff"] for row in rows], user, window_workers()))
		return [row for row in rows if row["staff"] in allowed], frozen["status"]
	return [sheet_row(table, *each) for each in month_sheets(table, start, end, user)], None


def window_votes(start: date, end: date) -> list[tuple[str, int, int]]:
	"""(window, satisfied, dissatisfied) of the month's counted ratings: the same figures as 好差评月度统计."""
	rows = frappe.db.sql(
		"""select `window`, sum(is_bad = 0), sum(is_bad = 1) from `tabHall Rating`
		where state != %s and `window` is not null and service_date >= %s and service_date < %s
		group by `window`""",
		(r.NOT_COUNTED, start, end),
	)
	return [(window, int(good or 0), int(bad or 0)) for window, good, bad in rows]


def year_rows(table: s.Table, year: int, user: str, today: date) -> list[dict]:
	"""一年一考核: each worker the user may see, with the total of every month of `year` begun by `today`
	(the same monthly rows as 月度考评, frozen once a month is confirmed) and the year's mean."""
	from insurance_hall.rules.period import month_span

	rows: dict[str, dict] = {}
	for month in s.months_counted(year, today):
		start, end = month_span(year, month)
		for sheet in month_rows(table, start, end, user)[0]:
			row = rows.setdefault(sheet["staff"], {"staff": sheet["staff"], "window": sheet["window"]})
			row[f"m{month}"] = sheet["total"]
			row["window"] = row["window"] or sheet["window"]
	for row in rows.values():
		row["average"] = s.annual_average(v for k, v in row.items() if k.startswith("m") and k[1:].isdigit())
	return sorted(rows.values(), key=lambda r: (r["window"] or "", r["staff"]))
