"""Benchmark: every form's main action against its plain insert or save, printed as ratios from one run
(not a test: nothing asserts a time). The action pipeline (records.lock → rule → trail → write → inbox) is
where an action's cost lives; the issue's target is ≤ 2x its plain write, the inbox ≤ 1x its record.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/actions.py SITE

1. complaint: register a complaint and issue its 承办单 (routing, due date, ToDo, timeline line, bell,
   e-mail job) against two plain inserts (a Hall Complaint and a Complaint Referral).
2. inbox: one routed item (inbox.assign: ToDo, timeline line, bell, e-mail job) against one plain insert
   of the record it routes.

Best of 9 batches of 30, the action and its baseline taking turns; everything made is rolled back (nothing is committed).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime

import frappe

BATCH, RUNS = 30, 9
HEAD = "bench.actions.head@example.com"
HANDLER = "bench.actions.handler@example.com"  # 投诉处理员: reads complaints by role, no share needed
DEPARTMENT = "BENCH-动作科"


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()
	frappe.set_user("Administrator")


def timed(*fns) -> list[float]:
	"""Best of RUNS batches of each, each rolled back; the functions take turns batch by batch, so the
	machine's load falls on each alike."""
	times: list[list[float]] = [[] for _ in fns]
	for _ in range(RUNS):
		for k, fn in enumerate(fns):
			t0 = time.perf_counter()
			for i in range(BATCH):
				fn(i)
			times[k].append(time.perf_counter() - t0)
			frappe.db.rollback()
	return [min(t) / BATCH for t in times]


def world() -> str:
	if not frappe.db.exists("User", HEAD):
		user = frappe.get_doc(
			{"doctype": "User", "email": HEAD, "first_name": "BENCH", "send_welcome_email": 0}
		)
		user.insert(ignore_permissions=True)
		user.add_roles("科室负责人")
	if not frappe.db.exists("User", HANDLER):
		user = frappe.get_doc(
			{"doctype": "User", "email": HANDLER, "first_name": "BENCH处理员", "send_welcome_email": 0}
		)
		user.insert(ignore_permissions=True)
		user.add_roles("投诉处理员")
	if not frappe.db.exists("Hall Department", DEPARTMENT):
		frappe.get_doc({"doctype": "Hall Department", "department_name": DEPARTMENT, "head": HEAD}).insert(
			ignore_permissions=True
		)
	frappe.db.commit()
	return frappe.get_all("Complaint Channel", pluck="name", limit=1)[0]


def complaint_doc(channel: str):
	return frappe.get_doc(
		{
			"doctype": "Hall Complaint",
			"received_at": datetime.now(),
			"channel": channel,
			"content": "BENCH 窗口态度生硬",
			"anonymous": 1,
		}
	).insert()


def main(site: str) -> None:
	connect(site)
	from insurance_hall.services import complaint, inbox

	channel = world()

	def action(_i):
		doc = complaint_doc(channel)
		complaint.issue_referral(doc.name, DEPARTMENT)

	def plain(_i):
		doc = complaint_doc(channel)
		referral = frappe.get_doc(
			{
				"doctype": "Complaint Referral",
				"complaint": doc.name,
				"department": DEPARTMENT,
				"receiver": HEAD,
			}
		)
		referral.flags.hall_action = True
		referral.insert(ignore_permissions=True)

	def routed(_i):
		doc = complaint_doc(channel)
		inbox.assign("Hall Complaint", doc.name, HANDLER, "BENCH 投诉待处理。请处理。")

	def record(_i):
		complaint_doc(channel)

	rows = []
	a, p = timed(action, plain)
	rows.append(("complaint: register + 交办承办单", a, "two plain inserts", p))
	r, c = timed(routed, record)
	# the routed item alone: (record + item) - record, against the record
	rows.append(("inbox: one routed item", r - c, "its record's plain insert", c))
	print(f"actions benchmark on {site} (best of {RUNS} batches of {BATCH}, rolled back)")
	for label, mine, base_label, base in rows:
		print(
			f"  {label:<34} {mine * 1000:7.1f} ms   {base_label:<28} {base * 1000:7.1f} ms   ratio {mine / base:5.2f}x"
		)
	frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1] if len(sys.argv) > 1 else "insurance-hall-test.localhost")
