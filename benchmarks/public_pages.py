"""Load benchmark of the citizens' public pages: C concurrent citizens (default 40) open the hall's pages
and their JSON calls over HTTP (loopback) on the site served by gunicorn with several workers, beside
Frappe's `ping` in the same run as the floor. Prints, per page, the count, errors, p50/p95 and the ratio of
its p95 to ping's p95, from one run; it is not a timed test (issue 21: "Public pages answer in under 300 ms
at p95 with 40 concurrent citizens").

Run with the bench's Python from the bench's `sites` folder (it starts and stops its own gunicorn):

    cd BENCH/sites && ../env/bin/python ../apps/insurance_hall/benchmarks/public_pages.py \\
        --site SITE [--concurrency 40] [--rounds 10] [--workers 4] [--port 8766]

It reads only: it books, complains and rates nothing, and leaves the site as it found it. Each citizen
opens every page `rounds` times (bounded: at most 100 citizens and 50 rounds).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import frappe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from booking_load import serve


def pages(site: str) -> dict[str, str]:
	"""What a citizen's phone asks for, by name: the pages and the JSON calls the pages make."""
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	matter = frappe.get_all("Service Matter", pluck="name", order_by="name", limit=1)
	frappe.destroy()
	guide = f"/guide?matter={urllib.parse.quote(matter[0])}" if matter else "/guide"
	return {
		"ping (floor)": "/api/method/ping",
		"办事指南 index": "/guide",
		"办事指南 matter": guide,
		"预约 page": "/booking",
		"预约 options (JSON)": "/api/method/insurance_hall.api.booking.options",
		"进度查询 page": "/track",
		"吐槽找茬 page": "/complaint",
		"意见建议 page": "/suggest",
		"好差评公示": "/figures",
	}


def fetch(site: str, port: int, path: str) -> tuple[int, float]:
	request = urllib.request.Request(
		f"http://127.0.0.1:{port}{path}", headers={"Host": site, "Accept-Language": "zh-CN"}
	)
	started = time.perf_counter()
	try:
		with urllib.request.urlopen(request, timeout=60) as response:
			response.read()
			status = response.status
	except urllib.error.HTTPError as error:
		status = error.code
	except OSError:  # a timeout: counted as an error
		status = 0
	return status, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
	ordered = sorted(values)
	return ordered[max(int(len(ordered) * share + 0.5) - 1, 0)] if ordered else 0.0


def main() -> None:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--concurrency", type=int, default=40)
	parser.add_argument("--rounds", type=int, default=10)
	parser.add_argument("--workers", type=int, default=4)
	parser.add_argument("--port", type=int, default=8766)
	args = parser.parse_args()
	citizens, rounds = min(args.concurrency, 100), min(args.rounds, 50)
	wanted = pages(args.site)
	process = serve(args.site, args.port, args.workers)
	try:
		for path in wanted.values():  # warm every worker's caches once, as a hall's first hour does
			for _ in range(args.workers):
				fetch(args.site, args.port, path)
		# each citizen walks the pages in turn, starting at a different one, so every page is asked for at once
		names = list(wanted)
		jobs = [
			names[(citizen + step) % len(names)]
			for round_ in range(rounds)
			for citizen in range(citizens)
			for step in range(len(names))
		]
		started = time.perf_counter()
		with ThreadPoolExecutor(max_workers=citizens) as pool:
			results = list(pool.map(lambda name: (name, *fetch(args.site, args.port, wanted[name])), jobs))
		elapsed = time.perf_counter() - started
	finally:
		os.killpg(process.pid, signal.SIGTERM)
		process.wait(timeout=30)
	by_name: dict[str, list[tuple[int, float]]] = {name: [] for name in wanted}
	for name, status, latency in results:
		by_name[name].append((status, latency))
	floor = percentile([latency for _, latency in by_name["ping (floor)"]], 0.95)
	print(
		f"{citizens} concurrent citizens, {rounds} rounds of {len(wanted)} requests, {args.workers} gunicorn "
		f"workers: {len(results)} requests in {elapsed:.1f} s ({len(results) / elapsed:.1f}/s)"
	)
	print(f"{'page':<22}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p95/ping':>10}")
	worst = 0.0
	for name, answers in by_name.items():
		latencies = [latency for _, latency in answers]
		errors = sum(1 for status, _ in answers if status != 200)
		p95 = percentile(latencies, 0.95)
		worst = max(worst, p95) if name != "ping (floor)" else worst
		print(
			f"{name:<22}{len(answers):>7}{errors:>8}{percentile(latencies, 0.5) * 1000:>9.0f}"
			f"{p95 * 1000:>9.0f}{p95 / floor if floor else 0:>10.2f}"
		)
	print(f"slowest public page p95: {worst * 1000:.0f} ms (target under 300 ms)")


if __name__ == "__main__":
	main()
