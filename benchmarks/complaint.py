"""Benchmark: the "吐槽找茬" complaint register, printed as ratios from one run (not a test: nothing asserts a time).

1. Registering a complaint and issuing its 承办单 (services.complaint.issue_referral: routing to the
   department head, due date in working days, ToDo, notification) against two plain inserts
   (a Hall Complaint and a Complaint Referral, no routing, no inbox). Best of 5 batches of 50.
2. 吐槽找茬投诉月度统计 over 100,000 complaints against one hand-written GROUP BY doing the same counts over
   the same month. The rows are bulk-inserted in a year nobody else uses and deleted afterwards.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/complaint.py SITE
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import datetime, timedelta

import frappe

N = 100_000
YEAR, MONTH = 2098, 5
PREFIX = "BENCH-TC-"
BATCH, RUNS = 50, 5
REPORT_MODULE = "insurance_hall.insurance_hall.report.吐槽找茬投诉月度统计.吐槽找茬投诉月度统计"
DEPARTMENT = "BENCH-投诉科"
HEAD = "bench.complaint.head@example.com"
OUTCOMES = [("当场解决", 40), ("按时解决", 35), ("超期解决", 10), ("未解决", 5), ("办理中", 10)]
SATISFIED = ["满意", "满意", "基本满意", "不满意", ""]

HAND_WRITTEN = """
	select extract(year from received_at) as year, extract(month from received_at) as month,
		department, `window`, channel, count(*) as total,
		sum(outcome = '当场解决') as on_the_spot, sum(outcome = '按时解决') as in_time,
		sum(outcome = '超期解决') as late, sum(outcome = '未解决') as not_solved,
		sum(outcome = '办理中') as open, sum(satisfied = '满意') as satisfied, sum(found_true) as found_true
	from `tabHall Complaint`
	where received_at >= %(start)s and received_at < %(end)s
	group by year, month, department, `window`, channel
	order by year, month, department, `window`, channel
"""


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()
	frappe.set_user("Administrator")


def best(fn, runs: int = RUNS) -> float:
	times = []
	for _ in range(runs):
		t0 = time.perf_counter()
		fn()
		times.append(time.perf_counter() - t0)
	return min(times)


def world() -> tuple[list[str], list[str]]:
	if not frappe.db.exists("User", HEAD):
		user = frappe.get_doc(
			{"doctype": "User", "email": HEAD, "first_name": "BENCH", "send_welcome_email": 0}
		)
		user.insert(ignore_permissions=True)
		user.add_roles("科室负责人")  # a head reads their 承办单 by role: no share needed
	if not frappe.db.exists("Hall Department", DEPARTMENT):
		frappe.get_doc({"doctype": "Hall Department", "department_name": DEPARTMENT, "head": HEAD}).insert(
			ignore_permissions=True
		)
	channels = frappe.get_all("Complaint Channel", pluck="name")
	windows = frappe.get_all("Service Window", pluck="name") or [None]
	frappe.db.commit()
	return channels, windows


def register_and_refer(channel: str) -> None:
	from insurance_hall.services import complaint

	doc = frappe.get_doc(
		{
			"doctype": "Hall Complaint",
			"received_at": datetime.now(),
			"channel": channel,
			"content": f"{PREFIX}窗口态度生硬",
			"anonymous": 1,
		}
	)
	doc.insert()
	complaint.issue_referral(doc.name, DEPARTMENT)


def plain_inserts(channel: str) -> None:
	doc = frappe.get_doc(
		{
			"doctype": "Hall Complaint",
			"received_at": datetime.now(),
			"channel": channel,
			"content": f"{PREFIX}窗口态度生硬",
			"anonymous": 1,
		}
	)
	doc.insert()
	referral = frappe.get_doc(
		{"doctype": "Complaint Referral", "complaint": doc.name, "department": DEPARTMENT, "receiver": HEAD}
	)
	referral.flags.hall_action = True
	referral.insert(ignore_permissions=True)


def insert_rows(channels: list[str], windows: list[str]) -> None:
	random.seed(2098)
	now = datetime.now()
	start = datetime(YEAR, 1, 1)
	seconds = int((datetime(YEAR + 1, 1, 1) - start).total_seconds())
	weights = [w for _o, w in OUTCOMES]
	departments = [f"{PREFIX}科室{i:02d}" for i in range(1, 9)]
	fields = ["name", "creation", "modified", "modified_by", "owner", "docstatus", "idx", "received_at"]
	fields += [
		"channel",
		"department",
		"window",
		"content",
		"anonymous",
		"outcome",
		"satisfied",
		"found_true",
	]

	def rows():
		for i in range(N):
			yield (
				f"{PREFIX}{i:07d}",
				now,
				now,
				"Administrator",
				"Administrator",
				0,
				0,
				start + timedelta(seconds=random.randrange(seconds)),
				random.choice(channels),
				random.choice(departments),
				random.choice(windows),
				f"{PREFIX}投诉{i}",
				1,
				random.choices([o for o, _w in OUTCOMES], weights)[0],
				random.choice(SATISFIED),
				int(random.random() < 0.2),
			)

	frappe.db.bulk_insert("Hall Complaint", fields, rows(), chunk_size=5_000)
	frappe.db.commit()
	frappe.db.sql("analyze table `tabHall Complaint`")


def cleanup() -> None:
	names = frappe.get_all("Hall Complaint", filters={"content": ("like", f"{PREFIX}%")}, pluck="name")
	for chunk in range(0, len(names), 5_000):
		part = names[chunk : chunk + 5_000]
		frappe.db.delete("Complaint Referral", {"complaint": ("in", part)})
		frappe.db.delete("ToDo", {"reference_name": ("in", part)})
	frappe.db.delete("Hall Complaint", {"content": ("like", f"{PREFIX}%")})
	frappe.db.commit()


def main() -> None:
	if len(sys.argv) != 2:
		sys.exit("usage: complaint.py SITE  (run from the bench's sites directory)")
	connect(sys.argv[1])
	try:
		cleanup()
		channels, windows = world()
		channel = channels[0]
		register_and_refer(channel)  # warm up
		plain_inserts(channel)
		frappe.db.rollback()

		def batch(fn):
			def run():
				for _ in range(BATCH):
					fn(channel)
				frappe.db.rollback()

			return run

		service = best(batch(register_and_refer))
		plain = best(batch(plain_inserts))
		print(f"register + issue 承办单: {service / BATCH * 1000:.2f} ms each (best of {RUNS} x {BATCH})")
		print(f"two plain inserts:      {plain / BATCH * 1000:.2f} ms each")
		print(f"register+issue / two plain inserts: {service / plain:.2f}x (target <= 2x)")
		from unittest.mock import patch

		with patch("insurance_hall.services.inbox.assign"):
			quiet = best(batch(register_and_refer))
		print(
			f"  of which the shared inbox (ToDo, assignment comment, notification, email job): "
			f"{(service - quiet) / BATCH * 1000:.2f} ms; without it: {quiet / plain:.2f}x"
		)

		insert_rows(channels, windows)
		report = frappe.get_module(REPORT_MODULE)
		filters = {"year": YEAR, "month": MONTH}
		start, end = report.month_range(filters)
		params = {"start": start, "end": end}
		report.execute(filters)
		frappe.db.sql(HAND_WRITTEN, params)
		report_time = hand_time = float("inf")
		for _ in range(RUNS):
			report_time = min(report_time, best(lambda: report.execute(filters), 1))
			hand_time = min(hand_time, best(lambda: frappe.db.sql(HAND_WRITTEN, params, as_dict=True), 1))
		_columns, data = report.execute(filters)
		hand = frappe.db.sql(HAND_WRITTEN, params, as_dict=True)
		assert [r["total"] for r in data[:-1]] == [int(r["total"]) for r in hand], (
			"report and GROUP BY disagree"
		)
		print(f"month rows: {data[-1]['total']:,} of {N:,}; {len(data) - 1} groups")
		for line in frappe.db.sql("explain " + HAND_WRITTEN, params, as_dict=True):
			print(f"  plan: {line}")
		print(
			f"report execute(): {report_time * 1000:.1f} ms; hand-written group by: {hand_time * 1000:.1f} ms"
		)
		print(f"report / group by: {report_time / hand_time:.2f}x (target <= 1.5x)")
	finally:
		frappe.db.rollback()
		cleanup()
		frappe.destroy()


if __name__ == "__main__":
	main()
