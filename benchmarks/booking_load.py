"""Load benchmark of the public booking call: N concurrent bookings of one slot of capacity 5, sent
over HTTP (loopback) to the site served by gunicorn with several workers. Prints figures from one
run; it is not a timed test.

Run with the bench's Python from the bench's `sites` folder (it starts and stops its own gunicorn):

    cd BENCH/sites && ../env/bin/python ../apps/insurance_hall/benchmarks/booking_load.py \\
        --site SITE [--requests 200] [--concurrency 50] [--workers 4] [--port 8765]

It makes its own window and matter (removed afterwards), lifts the public rate limit for the run
(site config `booking_rate_limit`, restored afterwards), and expects exactly `capacity` successes.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import frappe

WINDOW = "压测窗口"
MATTER = "压测事项·预约"
CAPACITY = 5


def prepare(site: str) -> tuple[str, str]:
	from frappe.installer import update_site_config
	from frappe.utils import today

	from insurance_hall.services.calendar import add_working_days

	frappe.init(site=site, sites_path=".")
	frappe.connect()
	cleanup()
	frappe.get_doc(
		{
			"doctype": "Service Window",
			"window_no": WINDOW,
			"a_staff": "Administrator",
			"booking_capacity": CAPACITY,
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{"doctype": "Service Matter", "matter_name": MATTER, "matter_type": "Immediate", "window": WINDOW}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	update_site_config("booking_rate_limit", 100000)
	day = str(add_working_days(today(), 1))
	start = frappe.db.get_single_value("Hall Settings", "booking_start_time")
	from insurance_hall.setup.profile import time_text

	return day, time_text(start)


def cleanup() -> None:
	frappe.db.delete("ToDo", {"reference_type": "Hall Booking", "description": ("like", f"%{WINDOW}%")})
	names = frappe.get_all("Hall Booking", filters={"window": WINDOW}, pluck="name")
	if names:
		frappe.db.delete("ToDo", {"reference_type": "Hall Booking", "reference_name": ("in", names)})
		frappe.db.delete(
			"Notification Log", {"document_type": "Hall Booking", "document_name": ("in", names)}
		)
		frappe.db.delete("Hall Booking", {"name": ("in", names)})
	frappe.db.delete("Service Matter", {"name": MATTER})
	frappe.db.delete("Service Window", {"name": WINDOW})
	frappe.db.commit()


def serve(site: str, port: int, workers: int) -> subprocess.Popen:
	gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
	process = subprocess.Popen(
		[gunicorn, "-b", f"127.0.0.1:{port}", "-w", str(workers), "-t", "60", "frappe.app:application"],
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
		start_new_session=True,
	)
	deadline = time.monotonic() + 60
	while time.monotonic() < deadline and process.poll() is None:
		try:
			request = urllib.request.Request(
				f"http://127.0.0.1:{port}/api/method/ping", headers={"Host": site}
			)
			urllib.request.urlopen(request, timeout=10).read()
			return process
		except OSError:  # not listening yet, or still loading
			time.sleep(0.5)
	if process.poll() is None:
		os.killpg(process.pid, signal.SIGTERM)
		process.wait(timeout=30)
	raise SystemExit(f"gunicorn did not answer on port {port} within 60 s (port taken?)")


def book(site: str, port: int, day: str, slot: str, i: int) -> tuple[int, float, str]:
	body = json.dumps(
		{
			"matter": MATTER,
			"day": day,
			"slot": slot,
			"applicant_name": f"压测{i}",
			"phone": f"139{i:08d}",
			"_lang": "zh",
		}
	).encode()
	request = urllib.request.Request(
		f"http://127.0.0.1:{port}/api/method/insurance_hall.api.booking.book",
		data=body,
		headers={"Host": site, "Content-Type": "application/json", "Accept": "application/json"},
	)
	started = time.perf_counter()
	try:
		with urllib.request.urlopen(request, timeout=60) as response:
			status, text = response.status, response.read().decode()
	except urllib.error.HTTPError as error:
		status, text = error.code, error.read().decode()
	except OSError as error:  # a timeout: counted among the other answers
		status, text = 0, str(error)
	return status, time.perf_counter() - started, text


def told_full(status: int, text: str) -> bool:
	"""The refusal names the full slot (the messages are JSON inside JSON)."""
	if status in (0, 200):
		return False
	try:
		messages = json.loads(json.loads(text).get("_server_messages") or "[]")
		return any("已约满" in json.loads(m).get("message", "") for m in messages)
	except (ValueError, AttributeError):
		return False


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--requests", type=int, default=200)
	parser.add_argument("--concurrency", type=int, default=50)
	parser.add_argument("--workers", type=int, default=4)
	parser.add_argument("--port", type=int, default=8765)
	args = parser.parse_args()
	requests = min(args.requests, 1000)  # bounded in count
	day, slot = prepare(args.site)
	from frappe.installer import update_site_config

	previous_limit = frappe.conf.get("booking_rate_limit")
	process = serve(args.site, args.port, args.workers)
	try:
		started = time.perf_counter()
		with ThreadPoolExecutor(max_workers=min(args.concurrency, 100)) as pool:
			results = list(pool.map(lambda i: book(args.site, args.port, day, slot, i), range(requests)))
		elapsed = time.perf_counter() - started
	finally:
		os.killpg(process.pid, signal.SIGTERM)
		process.wait(timeout=30)
		update_site_config("booking_rate_limit", previous_limit if previous_limit else "None")
	ok = sum(1 for status, _, _ in results if status == 200)
	full = sum(1 for status, _, text in results if told_full(status, text))
	other = requests - ok - full
	latencies = sorted(latency for _, latency, _ in results)
	p95 = latencies[max(int(len(latencies) * 0.95) - 1, 0)]
	frappe.db.rollback()
	stored = frappe.db.count("Hall Booking", {"window": WINDOW, "booking_date": day, "slot_time": slot})
	print(f"{requests} bookings of one slot (capacity {CAPACITY}), {args.workers} gunicorn workers:")
	print(f"  succeeded {ok}, told the slot is full {full}, other answers {other}; stored {stored}")
	print(f"  throughput {requests / elapsed:.1f} calls/s over {elapsed:.2f} s")
	print(f"  latency p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
	cleanup()
	frappe.destroy()
	if ok != CAPACITY or stored != CAPACITY:
		raise SystemExit(f"capacity not held: {ok} succeeded, {stored} stored")


if __name__ == "__main__":
	main()
