"""Benchmark: the workspace's data for a person with 10,000 open items, against one indexed select.

On a site with insurance_hall installed, gives one user N open ToDos (default 10,000) spread over the
hall's forms and due dates, among M ToDos of other people (default 100,000), then times, in one run:
  - the baseline: one indexed select of the user's open ToDos (the first 50 by due date);
  - 我的待办 (`insurance_hall.api.hall.my_work`, what the workspace's block calls);
  - the workspace page as the Desk loads it (`frappe.desk.desktop.get_desktop_page`);
  - every number card of the workspace, as the Desk asks for each;
and the same 我的待办 once more without the app's ToDo index, to show what the index is for.
Prints medians in ms and their ratio to the baseline. Deletes what it made.
Not a test: nothing here asserts a time.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/workspace.py SITE [N] [M]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

import frappe

TAG = "bench-ws"
FORMS = (
	"Refusal Sheet",
	"Hall Case",
	"Complaint Referral",
	"Hall Rating",
	"Delay Service Record",
	"Hall Booking",
)
WORKSPACE = "医保经办大厅"


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()


def person(email: str) -> str:
	if not frappe.db.exists("User", email):
		doc = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		)
		doc.flags.no_welcome_mail = True
		doc.insert(ignore_permissions=True)
		doc.add_roles("科室负责人", "综合科")
	return email


def fill(user: str, mine: int, others: int) -> None:
	today = frappe.utils.getdate()
	fields = ["name", "allocated_to", "status", "reference_type", "reference_name", "description", "date"]
	fields += ["priority", "creation", "modified", "owner", "modified_by", "assigned_by"]
	now = frappe.utils.now()
	rows = []
	for i in range(mine + others):
		owner = user if i < mine else f"{TAG}.other{i % 500}@example.com"
		due = None if i % 7 == 0 else frappe.utils.add_days(today, (i % 41) - 20)
		rows.append(
			(
				f"{TAG}-{i}",
				owner,
				"Open" if i % 5 else ("Closed" if i >= mine else "Open"),
				FORMS[i % len(FORMS)],
				f"{TAG}-REF-{i}",
				f"基准待办 {i}",
				due,
				"Medium",
				now,
				now,
				"Administrator",
				"Administrator",
				"Administrator",
			)
		)
	frappe.db.bulk_insert("ToDo", fields, rows, ignore_duplicates=True, chunk_size=5000)
	frappe.db.commit()


def median_ms(fn, runs: int = 15) -> float:
	fn()  # warm: caches, meta
	times = []
	for _ in range(runs):
		started = time.perf_counter()
		fn()
		times.append((time.perf_counter() - started) * 1000)
		frappe.db.rollback()
	return statistics.median(times)


def main() -> None:
	site = sys.argv[1]
	mine = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
	others = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
	connect(site)
	from frappe.desk.desktop import get_desktop_page
	from frappe.desk.doctype.number_card.number_card import get_result

	from insurance_hall.api import hall
	from insurance_hall.services import inbox

	user = person(f"{TAG}.head@example.com")
	frappe.db.delete("ToDo", {"name": ("like", f"{TAG}-%")})
	fill(user, mine, others)
	frappe.set_user(user)
	page = json.dumps({"name": WORKSPACE, "title": WORKSPACE, "public": 1})
	cards = [
		frappe.get_doc("Number Card", row.number_card_name)
		for row in frappe.get_doc("Workspace", WORKSPACE).number_cards
	]

	def baseline():
		frappe.db.sql(
			"""select name, reference_type, reference_name, date from `tabToDo`
			where allocated_to=%s and status='Open' order by date limit 50""",
			user,
		)

	def number_cards():
		for card in cards:
			if card.type == "Custom":
				frappe.get_attr(card.method)()
			else:
				get_result(card.as_dict(), card.filters_json)

	try:
		figures = {
			"one indexed select of the user's open ToDos": median_ms(baseline),
			"我的待办 (my_work, 50 shown, totals counted)": median_ms(lambda: hall.my_work()),
			"the workspace page (get_desktop_page)": median_ms(lambda: get_desktop_page(page)),
			f"its {len(cards)} number cards": median_ms(number_cards, runs=5),
		}
		inbox.drop_index()
		frappe.db.commit()
		figures["我的待办 without the app's ToDo index"] = median_ms(lambda: hall.my_work(), runs=5)
		inbox.ensure_index()
		frappe.db.commit()
		base = figures["one indexed select of the user's open ToDos"]
		print(f"{mine} open items for {user} among {mine + others} ToDos")
		for label, ms in figures.items():
			print(f"  {label}: {ms:.1f} ms  ({ms / base:.1f}x the indexed select)")
		work = figures["我的待办 (my_work, 50 shown, totals counted)"]
		print(
			f"workspace data (我的待办 + page + cards): {work + figures['the workspace page (get_desktop_page)'] + figures[f'its {len(cards)} number cards']:.1f} ms"
		)
	finally:
		frappe.set_user("Administrator")
		inbox.ensure_index()
		frappe.db.delete("ToDo", {"name": ("like", f"{TAG}-%")})
		frappe.db.commit()
		frappe.destroy()


if __name__ == "__main__":
	main()
