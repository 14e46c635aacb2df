"""Benchmark: 月度考评 of one month for 50 window workers over 100,000 ratings and 10,000 complaints found true,
against the GROUP BYs that feed it (printed as a ratio from one run; not a test: nothing asserts a time).
The issue's target: the month in under 2 s, at most 1.5x its GROUP BYs.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/score.py SITE

The rows are written with one bulk insert each inside the benchmark's transaction and rolled back at the end
(nothing is committed); the county table is 沂南's (the profile's score), applied for the run.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import date, datetime, timedelta

import frappe

WORKERS, RATINGS, COMPLAINTS, RUNS = 50, 100_000, 10_000, 5
YEAR, MONTH = 2004, 6  # a month no other record uses


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()
	frappe.set_user("Administrator")


def world() -> list[str]:
	"""50 workers on 25 windows in service, their ratings and complaints spread over the month (and the months
	around it, so the index has something to skip)."""
	from insurance_hall.rules import rating as r

	now = datetime.now()
	meta = ["creation", "modified", "owner", "modified_by", "docstatus"]
	workers = [f"bench.score.{i}@example.com" for i in range(WORKERS)]
	frappe.db.bulk_insert(
		"User",
		["name", "email", "first_name", "enabled", "user_type", *meta],
		[
			(w, w, f"考评{i}", 1, "System User", now, now, "Administrator", "Administrator", 0)
			for i, w in enumerate(workers)
		],
	)
	frappe.db.bulk_insert(
		"Service Window",
		["name", "window_no", "a_staff", "b_staff", "in_service", *meta],
		[
			(
				f"BS{i}",
				f"BS{i}",
				workers[2 * i],
				workers[2 * i + 1],
				1,
				now,
				now,
				"Administrator",
				"Administrator",
				0,
			)
			for i in range(WORKERS // 2)
		],
	)
	levels = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
	rng = random.Random(7)
	start = date(YEAR, MONTH, 1) - timedelta(days=45)
	frappe.db.bulk_insert(
		"Hall Rating",
		["name", "staff", "window", "level", "is_bad", "state", "service_date", *meta],
		[
			(
				f"BENCH-R{i}",
				workers[i % WORKERS],
				f"BS{(i % WORKERS) // 2}",
				(level := rng.choice(levels)),
				int(level in ("不满意", "非常不满意")),
				r.RATED,
				start + timedelta(days=rng.randrange(120)),
				now,
				now,
				"Administrator",
				"Administrator",
				0,
			)
			for i in range(RATINGS)
		],
		chunk_size=5000,
	)
	channels = ["局长信箱", "电话", "网上", "现场", "行风热线", "12345市民热线", "微信公众号"]
	frappe.db.bulk_insert(
		"Hall Complaint",
		["name", "staff", "window", "channel", "found_true", "received_at", "content", *meta],
		[
			(
				f"BENCH-C{i}",
				workers[i % WORKERS],
				f"BS{(i % WORKERS) // 2}",
				rng.choice(channels),
				1,
				datetime.combine(start + timedelta(days=rng.randrange(120)), datetime.min.time()),
				"基准测试",
				now,
				now,
				"Administrator",
				"Administrator",
				0,
			)
			for i in range(COMPLAINTS)
		],
		chunk_size=5000,
	)
	return workers


def group_bys(start: date, end: date) -> None:
	"""What feeds the month: the counted ratings and the complaints found true, grouped in SQL."""
	from insurance_hall.rules import rating as r

	frappe.db.sql(
		"""select staff, channel, count(*) from `tabHall Complaint`
		where found_true = 1 and staff is not null and staff != '' and received_at >= %s and received_at < %s
		group by staff, channel""",
		(start, end),
	)
	frappe.db.sql(
		"""select staff, level, count(*) from `tabHall Rating`
		where state != %s and staff is not null and staff != '' and service_date >= %s and service_date < %s
		group by staff, level""",
		(r.NOT_COUNTED, start, end),
	)


def best(fn) -> float:
	times = []
	for _ in range(RUNS):
		t0 = time.perf_counter()
		fn()
		times.append(time.perf_counter() - t0)
	return min(times)


def main(site: str) -> None:
	from insurance_hall.rules.period import month_span
	from insurance_hall.services import score
	from insurance_hall.setup.profile import apply_profile
	from insurance_hall.rules.profile import load_profile

	connect(site)
	try:
		apply_profile(load_profile("yinan"))
		workers = world()
		table = score.county_table()
		start, end = month_span(YEAR, MONTH)
		sheets = score.month_sheets(table, start, end, "Administrator")
		assert {w for w, _window, _sheet in sheets} >= set(workers)
		month = best(lambda: score.month_rows(table, start, end, "Administrator"))
		feed = best(lambda: group_bys(start, end))
		print(
			f"月度考评 of {WORKERS} workers over {RATINGS:,} ratings and {COMPLAINTS:,} complaints (best of {RUNS})"
		)
		print(f"  the month (every sheet, rows as the report shows them): {month * 1000:8.1f} ms")
		print(f"  its GROUP BYs alone:                                    {feed * 1000:8.1f} ms")
		print(f"  ratio: {month / feed:.2f}x (target ≤ 1.5x, under 2 s)")
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1] if len(sys.argv) > 1 else "insurance-hall-test.localhost")
