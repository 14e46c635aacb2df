"""月度考评 from the records: each window worker's month, counted in SQL and scored by the county's table
(`rules/score.py`, the profile's `score` kept in Hall Settings).

Counted automatically: complaints 查实 (found true) naming the worker, by channel, in the month they were
received; ratings of the worker's service in the month served, by level, except those concluded 误评 or
恶意差评 (not counted). Entered items (内部监督, 自我评价) and the other sources (third-party survey,
praise, suggestions, honours) have no register yet: they read 待录入 / 0.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import frappe

from insurance_hall.rules import rating as r
from insurance_hall.rules import score as s
from insurance_hall.rules.roles import DEPUTY, HALL_ADMIN, MAIN_LEADER, RECORDS, SECTION_HEAD
from insurance_hall.services.scope import wanted_departments


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
	return events


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


def sees_everyone(user: str) -> bool:
	"""Before publication a worker sees their own sheet only (002: "考评成绩由局办公室拟发通报统一公示，负责
	考核的人员不得自行公示成绩数据"); heads, leaders, 综合科 and the admin see the sheets they evaluate."""
	return user == "Administrator" or bool(
		{SECTION_HEAD, DEPUTY, MAIN_LEADER, RECORDS, HALL_ADMIN} & set(frappe.get_roles(user))
	)


def month_sheets(table: s.Table, start: date, end: date, user: str) -> list[tuple[str, str | None, s.Sheet]]:
	"""(worker, window, sheet) of each worker the user may see, for the month: a worker their own; a head
	or a deputy the workers of the windows of their departments (the same scope as every departmental
	form); the main leader, 综合科 and the admin everyone."""
	events = month_events(table, start, end)
	workers = window_workers()
	people = sorted(set(workers) | set(events))
	if not sees_everyone(user):
		people = [person for person in people if person == user]
	else:
		departments = wanted_departments(user)
		if departments is not None:
			people = [
				person
				for person in people
				if person == user or (person in workers and workers[person][1] in departments)
			]
	return [
		(person, workers[person][0] if person in workers else None, s.sheet_of(table, events.get(person, {})))
		for person in people
	]


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
	(the same monthly sheets as 月度考评) and the year's mean."""
	from insurance_hall.rules.period import month_span

	rows: dict[str, dict] = {}
	for month in s.months_counted(year, today):
		start, end = month_span(year, month)
		for person, window, sheet in month_sheets(table, start, end, user):
			row = rows.setdefault(person, {"staff": person, "window": window})
			row[f"m{month}"] = sheet.total
			row["window"] = row["window"] or window
	for row in rows.values():
		row["average"] = s.annual_average(v for k, v in row.items() if k.startswith("m") and k[1:].isdigit())
	return sorted(rows.values(), key=lambda r: (r["window"] or "", r["staff"]))
