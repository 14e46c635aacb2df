"""Benchmarks of the case (办件), each printing a ratio measured in one run. Not a test: nothing here
asserts a time.

1. accept: registering and accepting one 即办 case in one action (`services.case.register(accept_now=True)`:
   checks, the matter's materials, due date from the calendar, trail) against a plain insert of the same document (median of N).
2. daily: the daily job (`services.case.run_daily`) over 100,000 open cases of which 1,000 are due,
   against one indexed select of the due cases plus one UPDATE of each (what the job must at least do).
3. ledger: the monthly on-time ledger (办件按时办结月报) over 100,000 closed cases, against one
   hand-written GROUP BY over the same rows (best of 5).

Rows made here are marked by the "BENCH-" prefix of their applicant and deleted afterwards.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/case_ledger.py SITE [accept|daily|ledger] [N]
"""

from __future__ import annotations

import importlib
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

import frappe

PREFIX = "BENCH-"
DOCTYPE = "Hall Case"
MATTER = f"{PREFIX}即办事项"
PROMISED = f"{PREFIX}承诺事项"
WINDOWS = [f"{PREFIX}W{i:02d}" for i in range(1, 13)]
BIG = 100_000
DUE = 1_000
ON = date(2026, 12, 10)  # a Thursday of the loaded 2026 calendar
REPORT = "insurance_hall.insurance_hall.report.办件按时办结月报.办件按时办结月报"


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()


def world() -> str:
	clerk = f"{PREFIX.lower()}clerk@example.com"
	if not frappe.db.exists("User", clerk):
		doc = frappe.get_doc(
			{"doctype": "User", "email": clerk, "first_name": "bench", "send_welcome_email": 0}
		)
		doc.flags.no_welcome_mail = True
		doc.insert(ignore_permissions=True)
		doc.add_roles("窗口工作人员")
	for name, kind, days in ((MATTER, "Immediate", 0), (PROMISED, "Promised", 5)):
		if not frappe.db.exists("Service Matter", name):
			frappe.get_doc(
				{
					"doctype": "Service Matter",
					"matter_name": name,
					"matter_type": kind,
					"promised_days": days,
					"materials": [{"material": "身份证"}],
				}
			).insert(ignore_permissions=True)
	for window in WINDOWS:
		if not frappe.db.exists("Service Window", window):
			frappe.get_doc({"doctype": "Service Window", "window_no": window}).insert(ignore_permissions=True)
	frappe.db.commit()
	return clerk


def case_values(i: int) -> dict:
	return {
		"doctype": DOCTYPE,
		"applicant_name": f"{PREFIX}{i}",
		"contact_phone": "13800000000",
		"channel": "来访",
		"service_matter": MATTER,
		"window": WINDOWS[0],
		"materials": [{"material": "身份证", "received": 1}],
	}


def bench_accept(n: int) -> None:
	from insurance_hall.services import case

	clerk = world()
	frappe.set_user(clerk)
	plain, full = [], []
	for i in range(n):
		doc = frappe.get_doc(case_values(i))
		doc.flags.hall_action = "benchmark"  # a plain insert, without the case's own steps
		t0 = time.perf_counter()
		doc.insert(ignore_permissions=True)
		frappe.db.commit()
		plain.append(time.perf_counter() - t0)

		t0 = time.perf_counter()
		case.register(case_values(i), accept_now=True)  # what the Desk's 登记并受理 calls
		frappe.db.commit()
		full.append(time.perf_counter() - t0)
	frappe.set_user("Administrator")
	p, f = statistics.median(plain) * 1000, statistics.median(full) * 1000
	print(f"cases: {n}")
	print(f"plain insert:               {p:.1f} ms (median)")
	print(f"register + accept (即办):    {f:.1f} ms (median)")
	print(f"register + accept / insert: {f / p:.2f}x")


def bulk_cases(rows: list[tuple]) -> None:
	fields = [
		"name",
		"applicant_name",
		"contact_phone",
		"channel",
		"service_matter",
		"matter_type",
		"promised_days",
		"window",
		"status",
		"first_responder",
		"handler",
		"accepted_on",
		"clock_start_on",
		"due_date",
		"closed_on",
		"on_time",
		"owner",
		"creation",
		"modified",
		"modified_by",
	]
	frappe.db.bulk_insert(DOCTYPE, fields, rows, ignore_duplicates=True, chunk_size=5000)
	frappe.db.commit()


def row(i: int, clerk: str, status: str, due: date, closed: date | None, on_time: int) -> tuple:
	now = frappe.utils.now_datetime()
	return (
		f"{PREFIX}{i:06d}",
		f"{PREFIX}{i}",
		"13800000000",
		"来访",
		PROMISED,
		"Promised",
		5,
		WINDOWS[i % len(WINDOWS)],
		status,
		clerk,
		clerk,
		due - timedelta(days=7),
		due - timedelta(days=7),
		due,
		closed,
		on_time,
		clerk,
		now,
		now,
		clerk,
	)


def bench_daily() -> None:
	from insurance_hall.services import case
	from insurance_hall.services.calendar import add_working_days

	clerk = world()
	frappe.db.set_single_value("Hall Settings", "case_remind_days", 0)
	frappe.db.set_single_value("Hall Settings", "rongque_enabled", 0)
	later = [add_working_days(ON, 3 + k) for k in range(10)]
	rows = [row(i, clerk, "已受理", ON if i < DUE else later[i % len(later)], None, 0) for i in range(BIG)]
	bulk_cases(rows)
	t0 = time.perf_counter()
	counts = case.run_daily(on=ON)
	frappe.db.commit()
	job = time.perf_counter() - t0
	# the least the job must do: the due cases through the (status, due_date) index, one update each
	frappe.db.sql(f"update `tab{DOCTYPE}` set reminder_sent = 0 where name like %s", f"{PREFIX}%")
	frappe.db.commit()
	table = frappe.qb.DocType(DOCTYPE)
	t0 = time.perf_counter()
	due = (
		frappe.qb.from_(table)
		.select(table.name)
		.where(table.status.isin(["已受理", "容缺受理"]) & (table.due_date <= ON))
		.run(pluck=True)
	)
	for name in due:
		frappe.db.set_value(DOCTYPE, name, "reminder_sent", 1, update_modified=False)
	frappe.db.commit()
	floor = time.perf_counter() - t0
	print(f"open cases: {BIG}, due: {len(due)}, job counts: {counts}")
	print(f"daily job:                       {job:.2f} s")
	print(f"indexed select + one update each: {floor:.2f} s")
	print(f"daily job / select + updates:    {job / floor:.2f}x")


def bench_ledger() -> None:
	clerk = world()
	rnd = random.Random(7)
	rows = []
	for i in range(BIG):
		closed = date(2026, 5, 1) + timedelta(days=rnd.randrange(61))  # May and June
		rows.append(
			row(i, clerk, rnd.choice(["已办结"] * 9 + ["已退办"]), closed, closed, int(rnd.random() < 0.9))
		)
	bulk_cases(rows)
	report = importlib.import_module(REPORT)
	filters = {"month": "2026-05-01"}
	best_report = best_sql = float("inf")
	for _ in range(5):
		t0 = time.perf_counter()
		_columns, data = report.execute(filters)
		best_report = min(best_report, time.perf_counter() - t0)
		t0 = time.perf_counter()
		hand = frappe.db.sql(
			f"""select window, count(*), sum(status = '已办结' and on_time = 1), sum(status = '已退办')
			from `tab{DOCTYPE}` where closed_on between '2026-05-01' and '2026-05-31'
			and status in ('已办结', '已退办') group by window order by window"""
		)
		best_sql = min(best_sql, time.perf_counter() - t0)
	assert sum(int(r[1]) for r in hand) == data[-1]["closed"], (hand, data[-1])
	print(f"closed cases: {BIG}, rows: {len(data)}")
	print(f"report execute(): {best_report * 1000:.1f} ms (best of 5)")
	print(f"hand GROUP BY:    {best_sql * 1000:.1f} ms (best of 5)")
	print(f"report / GROUP BY: {best_report / best_sql:.2f}x")


def cleanup() -> None:
	names = frappe.get_all(DOCTYPE, filters={"applicant_name": ("like", f"{PREFIX}%")}, pluck="name")
	for chunk in range(0, len(names), 5000):
		part = names[chunk : chunk + 5000]
		for child in ("Hall Case Material", "Hall Case Step"):
			frappe.db.delete(child, {"parent": ("in", part)})
		frappe.db.delete("ToDo", {"reference_type": DOCTYPE, "reference_name": ("in", part)})
		frappe.db.delete("Notification Log", {"document_type": DOCTYPE, "document_name": ("in", part)})
		frappe.db.delete(DOCTYPE, {"name": ("in", part)})
	frappe.db.commit()


def main() -> None:
	site = sys.argv[1]
	which = sys.argv[2] if len(sys.argv) > 2 else "accept"
	n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
	connect(site)
	frappe.set_user("Administrator")
	settings = {
		key: frappe.db.get_single_value("Hall Settings", key)
		for key in ("case_remind_days", "rongque_enabled")
	}
	cleanup()
	try:
		{"accept": lambda: bench_accept(n), "daily": bench_daily, "ledger": bench_ledger}[which]()
	finally:
		frappe.set_user("Administrator")
		cleanup()
		for key, value in settings.items():
			frappe.db.set_single_value("Hall Settings", key, value)
		frappe.db.commit()
		frappe.destroy()


if __name__ == "__main__":
	main()
