"""说“不”事项提级管理汇总表 (003 南阳, 附件3), one row per first-responsible department and quarter.

003 南阳: "各科室（单位）每季度上报本科室（单位）说“不”事项提级管理情况，填写《说“不”事项提级管理汇总表》"

Counted: every filed sheet (workflow state other than 草稿; a cancelled sheet is replaced by its
amendment, so docstatus 2 is left out) whose request time falls in the quarter. 经办人说“不”件数 is
every such sheet; the other counts are by outcome and by the level type at which the sheet was decided.
"""

from __future__ import annotations

from datetime import datetime

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint
from pypika.terms import Case

from insurance_hall.rules import refusal as r
from insurance_hall.rules.chain import DEPARTMENT_HEAD, DEPUTY_IN_CHARGE, MAIN_LEADER
from insurance_hall.services.scope import visible_departments
from insurance_hall.services.reports import bar_chart, refusing

DOCTYPE = "Refusal Sheet"
TOTAL_LABEL = "合计"

# fieldname, outcome, level type: the conditional counts, in the order of the paper form
LEVEL_COUNTS: tuple[tuple[str, str, str], ...] = (
	("head_solved", r.OUTCOME_SOLVED, DEPARTMENT_HEAD),
	("head_refused", r.OUTCOME_REFUSED, DEPARTMENT_HEAD),
	("deputy_solved", r.OUTCOME_SOLVED, DEPUTY_IN_CHARGE),
	("deputy_refused", r.OUTCOME_REFUSED, DEPUTY_IN_CHARGE),
	("main_solved", r.OUTCOME_SOLVED, MAIN_LEADER),
	("main_refused", r.OUTCOME_REFUSED, MAIN_LEADER),
)
COUNT_FIELDS: tuple[str, ...] = ("filed", *(f for f, _o, _l in LEVEL_COUNTS))


@refusing("说不事项提级管理汇总表")
def execute(filters: dict | None = None) -> tuple[list[dict], list[dict]]:
	start, end = quarter_range(filters or {})
	# a head or deputy counts only the departments the platform lets them see (User Permission)
	department = (filters or {}).get("department") or None
	allowed = visible_departments(frappe.session.user, DOCTYPE)
	if allowed is not None and department and department not in allowed:
		# told, not thrown: Frappe v15 turns a script report that raises into a prepared report for good
		frappe.msgprint(_("您只能查看本人负责科室的汇总"), title=_("没有权限"), indicator="orange")
		return get_columns(), []
	department = department or (tuple(allowed) if allowed is not None else None)
	rows = _counts(start, end, department)
	reasons = _main_leader_reasons(rows, start, end, department)
	data = [
		{
			"department": row.department,
			**{field: cint(row[field]) for field in COUNT_FIELDS},
			"main_refusal_reasons": reasons.get(row.department, ""),
		}
		for row in rows
	]
	total = {"department": TOTAL_LABEL, "main_refusal_reasons": ""}
	for field in COUNT_FIELDS:
		total[field] = sum(row[field] for row in data)
	chart = bar_chart(
		[row["department"] or "（未指定科室）" for row in data],
		{
			"经办人说“不”": [row["filed"] for row in data],
			"各级办结": [row["head_solved"] + row["deputy_solved"] + row["main_solved"] for row in data],
			"主要领导说“不”": [row["main_refused"] for row in data],
		},
	)
	data.append(total)
	return get_columns(), data, None, chart


def quarter_range(filters: dict) -> tuple[datetime, datetime]:
	"""[first moment of the quarter, first moment of the next): half-open, so the request_time index serves it."""
	year, quarter = cint(filters.get("year")), cint(filters.get("quarter"))
	if not 1900 <= year <= 9998:
		frappe.throw(_("请填写正确的年度"), title=_("筛选条件有误"))
	if quarter not in (1, 2, 3, 4):
		frappe.throw(_("请选择季度（1 至 4）"), title=_("筛选条件有误"))
	start = datetime(year, 3 * quarter - 2, 1)
	end = datetime(year + 1, 1, 1) if quarter == 4 else datetime(year, 3 * quarter + 1, 1)
	return start, end


def _filed_in(sheet, start: datetime, end: datetime, department: str | tuple[str, ...] | None):
	condition = (
		(sheet.request_time >= start)
		& (sheet.request_time < end)
		& (sheet.docstatus < 2)
		& (sheet.workflow_state != r.DRAFT)
	)
	if isinstance(department, tuple):
		condition &= sheet.department.isin(department)
	elif department:
		condition &= sheet.department == department
	return condition


def _counts(start: datetime, end: datetime, department: str | tuple[str, ...] | None) -> list[frappe._dict]:
	"""One aggregate over the quarter: per department, every filed sheet and the six decided counts."""
	sheet = frappe.qb.DocType(DOCTYPE)
	counts = [
		Sum(Case().when(_decided(sheet, outcome, level), 1).else_(0)).as_(field)
		for field, outcome, level in LEVEL_COUNTS
	]
	query = (
		frappe.qb.from_(sheet)
		.select(sheet.department, Count("*").as_("filed"), *counts)
		.where(_filed_in(sheet, start, end, department))
		.groupby(sheet.department)
		.orderby(sheet.department)
	)
	return query.run(as_dict=True)


def _decided(sheet, outcome: str, level: str):
	return (sheet.outcome == outcome) & (sheet.decided_level_type == level)


def _main_leader_reasons(
	counted: list[frappe._dict], start: datetime, end: datetime, department: str | tuple[str, ...] | None
) -> dict[str, str]:
	"""Per department, the sheets the main leader refused: "事项1：<matter> 理由：<reason>", one a line.

	Read only when the counts say there are some (most quarters have none).
	"""
	if not any(cint(row.main_refused) for row in counted):
		return {}
	sheet = frappe.qb.DocType(DOCTYPE)
	query = (
		frappe.qb.from_(sheet)
		.select(sheet.department, sheet.matter, sheet.refusal_reason)
		.where(_filed_in(sheet, start, end, department) & _decided(sheet, r.OUTCOME_REFUSED, MAIN_LEADER))
		.orderby(sheet.department)
		.orderby(sheet.request_time)
		.orderby(sheet.name)
	)
	line = _("事项{0}：{1} 理由：{2}")
	lines: dict[str, list[str]] = {}
	for department_name, matter, reason in query.run():
		items = lines.setdefault(department_name, [])
		items.append(line.format(len(items) + 1, _one_line(matter), _one_line(reason)))
	return {dept: "\n".join(items) for dept, items in lines.items()}


def _one_line(text: str | None) -> str:
	return " ".join((text or "").split())


def get_columns() -> list[dict]:
	def count(fieldname: str, label: str) -> dict:
		return {"fieldname": fieldname, "label": label, "fieldtype": "Int", "width": 130}

	return [
		{
			"fieldname": "department",
			"label": _("首问（负责）科（室）、单位"),
			"fieldtype": "Link",
			"options": "Hall Department",
			"width": 200,
		},
		count("filed", _("经办人说“不”件数")),
		count("head_solved", _("科室（单位）负责人办结件数")),
		count("head_refused", _("科室（单位）负责人说“不”件数")),
		count("deputy_solved", _("分管领导办结件数")),
		count("deputy_refused", _("分管领导说“不”件数")),
		count("main_solved", _("主要领导办结件数")),
		count("main_refused", _("主要领导说“不”件数")),
		{
			"fieldname": "main_refusal_reasons",
			"label": _("主要领导说“不”事项问题及理由"),
			"fieldtype": "Small Text",
			"width": 400,
		},
	]
