"""Benchmark of the no-show job: 100,000 bookings of which 1,000 are due; the job against one indexed
select of the due bookings plus their update (the least any job must do). Prints figures from one run;
everything is rolled back.

    cd BENCH/sites && ../env/bin/python ../apps/insurance_hall/benchmarks/no_show_job.py --site SITE
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta

import frappe

WINDOW = "压测窗口2"


def populate(total: int, due: int) -> None:
	now = datetime.now()
	yesterday = (now - timedelta(days=1)).date()
	fields = [
		"name",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"docstatus",
		"channel",
		"applicant_name",
		"contact_phone",
		"phone_key",
		"booking_date",
		"slot_time",
		"slot_end",
		"window",
		"service_matter",
		"status",
	]
	rows = []
	for i in range(total):
		is_due = i < due
		day = yesterday if is_due else yesterday - timedelta(days=1 + i % 300)
		status = "已预约" if is_due else ("已办理" if i % 3 else "已取消")
		phone = f"138{i:08d}"
		rows.append(
			(
				f"BENCH-{i:07d}",
				now,
				now,
				"Administrator",
				"Administrator",
				0,
				"窗口",
				f"压测{i}",
				phone,
				phone,
				day,
				"09:00:00",
				"09:30:00",
				WINDOW,
				"压测事项",
				status,
			)
		)
	frappe.db.bulk_insert("Hall Booking", fields, rows, chunk_size=5000)


def baseline(day) -> float:
	"""One indexed select of the due bookings and one update of them (status and time), the least any
	job must do: the floor. Undone afterwards (savepoint), so it can be measured again."""
	bk = frappe.qb.DocType("Hall Booking")
	frappe.db.savepoint("floor")
	started = time.perf_counter()
	names = frappe.get_all(
		"Hall Booking", filters={"status": "已预约", "booking_date": ("<=", day)}, pluck="name"
	)
	for start in range(0, len(names), 1000):
		(
			frappe.qb.update(bk)
			.set(bk.status, "爽约")
			.set(bk.no_show_marked_at, datetime.now())
			.set(bk.modified, datetime.now())
			.where(bk.name.isin(names[start : start + 1000]))
		).run()
	elapsed = time.perf_counter() - started
	frappe.db.rollback(save_point="floor")
	return elapsed


def timed_job(mark_no_shows) -> float:
	frappe.db.savepoint("job")
	started = time.perf_counter()
	mark_no_shows(datetime.now())
	elapsed = time.perf_counter() - started
	frappe.db.rollback(save_point="job")
	return elapsed


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--total", type=int, default=100_000)
	parser.add_argument("--due", type=int, default=1_000)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	from insurance_hall.services.booking import mark_no_shows

	try:
		started = time.perf_counter()
		populate(min(args.total, 200_000), args.due)
		print(f"{args.total} bookings written in {time.perf_counter() - started:.1f} s ({args.due} due)")
		today = datetime.now().date()
		floor = min(baseline(today) for _ in range(3))
		job = min(timed_job(mark_no_shows) for _ in range(3))  # each undone, as the floor is
		marked = mark_no_shows(datetime.now())
		again = time.perf_counter()
		marked_again = mark_no_shows(datetime.now())
		rerun = time.perf_counter() - again
		print(f"select + update of the due bookings: {floor * 1000:.0f} ms (best of 3)")
		print(f"no-show job: {job * 1000:.0f} ms, marked {marked} ({job / floor:.2f}x the floor; best of 3)")
		print(f"no-show job again: {rerun * 1000:.0f} ms, marked {marked_again} (idempotent)")
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
