"""Benchmark: 说不事项提级管理汇总表 over 100,000 refusal sheets, against one hand-written GROUP BY.

Inserts 100,000 Refusal Sheet rows spread over the four quarters of a year nobody else uses
(bulk insert, committed), then times, in the same run and best of 5, the report's execute() for one
quarter and one hand-written GROUP BY doing the same counts over the same table and range. Prints
both times, the ratio and the query plans, checks the two agree, and deletes its rows again (they
are marked by the "BENCH-" prefix of their name and applicant). Not a test: nothing here asserts a time.

The report is two queries: the aggregate, and the main leader's refusals (matter and reason) of the
quarter; the DocType declares the index (decided_level_type, outcome, request_time) that finds
those refusals without reading the quarter a second time. `--with-index` adds that index for the
run on a site that lacks it (an old site not migrated since), and drops it afterwards.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/refusal_report.py SITE [--with-index]
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import datetime, timedelta

import frappe

N = 100_000
YEAR, QUARTER = 2099, 2
PREFIX = "BENCH-"
DEPARTMENTS = [f"{PREFIX}科室{i:02d}" for i in range(1, 13)]
RUNS = 5
DOCTYPE = "Refusal Sheet"
TRIAL_INDEX = "bench_trial_main_leader"
REPORT_MODULE = "insurance_hall.insurance_hall.report.说不事项提级管理汇总表.说不事项提级管理汇总表"

# workflow state, docstatus, outcome, decided level type, weight. The shape follows the seed: most
# matters are settled at the first levels (003 南阳: "尽可能让问题在本级解决，减少问题上交"); the main
# leader's refusals, each listed with its reason on the form, are the rare last resort (2 in 100).
SHAPES = [
	("草稿", 0, "", "", 10),
	("审批中", 0, "", "", 15),
	("退回补充", 0, "", "", 5),
	("已办理", 1, "Solved", "Department Head", 31),
	("已答复", 1, "Solved", "Deputy In Charge", 10),
	("已办理", 1, "Solved", "Main Leader", 5),
	("已说不", 1, "Refused", "Department Head", 10),
	("已答复", 1, "Refused", "Deputy In Charge", 10),
	("已说不", 1, "Refused", "Main Leader", 2),
	("已说不", 2, "Refused", "Main Leader", 2),  # cancelled: not counted
]
FIELDS = [
	"name",
	"creation",
	"modified",
	"modified_by",
	"owner",
	"docstatus",
	"idx",
	"department",
	"request_time",
	"request_channel",
	"applicant_name",
	"applicant_phone",
	"matter",
	"refusal_ground",
	"refusal_reason",
	"legal_basis",
	"workflow_state",
	"outcome",
	"decided_level_type",
]

HAND_WRITTEN = """
	select department, count(*) as filed,
		sum(outcome = 'Solved' and decided_level_type = 'Department Head') as head_solved,
		sum(outcome = 'Refused' and decided_level_type = 'Department Head') as head_refused,
		sum(outcome = 'Solved' and decided_level_type = 'Deputy In Charge') as deputy_solved,
		sum(outcome = 'Refused' and decided_level_type = 'Deputy In Charge') as deputy_refused,
		sum(outcome = 'Solved' and decided_level_type = 'Main Leader') as main_solved,
		sum(outcome = 'Refused' and decided_level_type = 'Main Leader') as main_refused
	from `tabRefusal Sheet`
	where request_time >= %(start)s and request_time < %(end)s and docstatus < 2 and workflow_state != '草稿'
	group by department
	order by department
"""


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()
	frappe.set_user("Administrator")


def rows(now: datetime):
	random.seed(2099)
	start = datetime(YEAR, 1, 1)
	seconds = int((datetime(YEAR + 1, 1, 1) - start).total_seconds())
	weights = [shape[-1] for shape in SHAPES]
	for i in range(N):
		state, docstatus, outcome, level, _w = random.choices(SHAPES, weights)[0]
		yield (
			f"{PREFIX}{i:07d}",
			now,
			now,
			"Administrator",
			"Administrator",
			docstatus,
			0,
			random.choice(DEPARTMENTS),
			start + timedelta(seconds=random.randrange(seconds)),
			"来访",
			f"{PREFIX}申请人{i}",
			"13800000000",
			f"申请事项{i}：异地就医备案补办",
			"其他不能办理的事项",
			f"说不理由{i}：不符合现行政策规定，已告知可按程序补充材料后重新申请",
			"《医疗保障基金使用监督管理条例》",
			state,
			outcome,
			level,
		)


def delete_rows() -> int:
	frappe.db.sql(
		"delete from `tabRefusal Sheet` where name like %(p)s and applicant_name like %(p)s",
		{"p": f"{PREFIX}%"},
	)
	count = frappe.db._cursor.rowcount
	frappe.db.commit()
	return count


def best_of(fn, runs: int = RUNS) -> tuple[float, object]:
	result, best = None, float("inf")
	for _ in range(runs):
		t0 = time.perf_counter()
		result = fn()
		best = min(best, time.perf_counter() - t0)
	return best, result


def main() -> None:
	args = [a for a in sys.argv[1:] if not a.startswith("--")]
	with_index = "--with-index" in sys.argv
	if len(args) != 1:
		sys.exit("usage: refusal_report.py SITE [--with-index]  (run from the bench's sites directory)")
	connect(args[0])
	try:
		if with_index:
			frappe.db.sql(
				f"alter table `tabRefusal Sheet` add index if not exists `{TRIAL_INDEX}` (decided_level_type, outcome, request_time)"
			)
		report = frappe.get_module(REPORT_MODULE)
		leftover = delete_rows()
		if leftover:
			print(f"removed {leftover:,} rows left by an earlier run")

		t0 = time.perf_counter()
		frappe.db.bulk_insert(DOCTYPE, FIELDS, rows(datetime.now()), chunk_size=5_000)
		frappe.db.commit()
		frappe.db.sql("analyze table `tabRefusal Sheet`")
		print(f"inserted {N:,} sheets in {time.perf_counter() - t0:.1f} s")

		filters = {"year": YEAR, "quarter": QUARTER}
		start, end = report.quarter_range(filters)
		params = {"start": start, "end": end}
		in_quarter = frappe.db.sql(
			"select count(*) from `tabRefusal Sheet` where request_time >= %(start)s and request_time < %(end)s",
			params,
		)[0][0]
		print(f"table: {frappe.db.count(DOCTYPE):,} rows; {YEAR} Q{QUARTER}: {in_quarter:,} rows")
		indexes = sorted(
			{row.Key_name for row in frappe.db.sql("show index from `tabRefusal Sheet`", as_dict=True)}
		)
		print(f"indexes: {', '.join(indexes)}")
		print(f"query_cache_type: {frappe.db.sql('select @@query_cache_type')[0][0]}")

		# warm both up once (buffer pool, module import), then interleave the timed runs
		report.execute(filters)
		frappe.db.sql(HAND_WRITTEN, params)
		report_time, report_result = float("inf"), None
		group_time, group_result = float("inf"), None
		for _ in range(RUNS):
			t, report_result = best_of(lambda: report.execute(filters), 1)
			report_time = min(report_time, t)
			t, group_result = best_of(lambda: frappe.db.sql(HAND_WRITTEN, params, as_dict=True), 1)
			group_time = min(group_time, t)

		_columns, data = report_result
		fields = [k for k in group_result[0] if k != "department"]
		expected = [[row["department"], *(int(row[f]) for f in fields)] for row in group_result]
		got = [[row["department"], *(row[f] for f in fields)] for row in data[:-1]]
		assert got == expected, "the report and the hand-written GROUP BY disagree"
		assert data[-1]["filed"] == sum(row[1] for row in expected), "the 合计 row is not the sum"
		reasons = sum(
			row["main_refusal_reasons"].count("\n") + 1 for row in data[:-1] if row["main_refusal_reasons"]
		)
		assert reasons == data[-1]["main_refused"], "one reason line per sheet the main leader refused"

		counted = report._counts(start, end, None)
		reasons_time, _ = best_of(lambda: report._main_leader_reasons(counted, start, end, None))

		print("plan, report counts:")
		for line in frappe.db.sql("explain " + _report_sql(report, start, end, 0), as_dict=True):
			print(f"  {line}")
		print("plan, main leader's reasons:")
		for line in frappe.db.sql("explain " + _report_sql(report, start, end, 1), as_dict=True):
			print(f"  {line}")
		print("plan, hand-written group by:")
		for line in frappe.db.sql("explain " + HAND_WRITTEN, params, as_dict=True):
			print(f"  {line}")
		print(f"report rows: {len(data) - 1} departments + 合计; filed {data[-1]['filed']:,}")
		print(f"report execute(): {report_time * 1000:.1f} ms (best of {RUNS})")
		print(f"hand-written group by: {group_time * 1000:.1f} ms (best of {RUNS})")
		print(f"  of which the main leader's reasons query: {reasons_time * 1000:.1f} ms")
		print(f"report / group by: {report_time / group_time:.2f}x")
		print(f"report time: {report_time:.3f} s")
	finally:
		removed = delete_rows()
		print(f"deleted {removed:,} benchmark rows")
		if with_index:
			frappe.db.sql(f"alter table `tabRefusal Sheet` drop index if exists `{TRIAL_INDEX}`")
			print(f"dropped the trial index {TRIAL_INDEX}")
		frappe.destroy()


def _report_sql(report, start: datetime, end: datetime, which: int) -> str:
	"""The report's queries as SQL text, for EXPLAIN: 0 the aggregate, 1 the main leader's reasons."""
	captured = []
	original = frappe.db.sql

	def capture(query, values=(), *args, **kwargs):
		captured.append(frappe.db.mogrify(query, values))
		return original(query, values, *args, **kwargs)

	frappe.db.sql = capture
	try:
		report.execute({"year": YEAR, "quarter": QUARTER})
	finally:
		frappe.db.sql = original
	return captured[which]


if __name__ == "__main__":
	main()
