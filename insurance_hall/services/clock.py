"""The hall's one deadline clock, Frappe side: the daily pass over the records of one form.

Every clocked DocType carries the same four fields: `due_date`, `reminder_sent`, `auto_escalated`
and `is_overdue`. The form's service says which records are still running (`filters`), what one
record's step is (a `rules.clock.clock_step` reading of the record) and what reminding or
escalating means for it (who is told, who is next): this module does the rest, the same way for
every form, each record in its own savepoint so one bad record cannot stop the others.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import frappe
from frappe.model.document import Document
from frappe.utils import getdate, today

from insurance_hall.rules.clock import ClockStep
from insurance_hall.services.calendar import add_working_days


def due_in_working_days(start: date | str, days: int) -> date:
	"""A limit of `days` working days counted from the day after `start` (002 §四: 从受理次日起算)."""
	return add_working_days(getdate(start), days)


def run(
	doctype: str,
	filters: dict,
	step_of: Callable[[Document, date], ClockStep],
	act: Callable[[Document, ClockStep], None],
	on: date | str | None = None,
	horizon: date | None = None,
	date_field: str = "due_date",
) -> dict[str, int]:
	"""One daily pass: every running record due by `horizon` (default: `on`) is read, marked overdue
	when late (once), and handed to `act` when it must be reminded or escalated. Returns the counts.
	`date_field` names the date the pass runs on (a promise date rather than the due date, say)."""
	on = getdate(on or today())
	counts = {"reminded": 0, "escalated": 0, "overdue": 0}
	names = frappe.get_all(
		doctype,
		filters={**filters, date_field: ("<=", horizon or on)},
		pluck="name",
		order_by=f"{date_field} asc",
	)
	for name in names:
		frappe.db.savepoint("hall_clock")
		try:
			tick(frappe.get_doc(doctype, name), on, step_of, act, counts)
		except Exception:
			frappe.db.rollback(save_point="hall_clock")
			frappe.log_error(
				title=f"{frappe._(doctype)} {name} 到期处理失败",
				reference_doctype=doctype,
				reference_name=name,
			)
	return counts


def tick(
	doc: Document,
	on: date,
	step_of: Callable[[Document, date], ClockStep],
	act: Callable[[Document, ClockStep], None],
	counts: dict[str, int],
) -> None:
	step = step_of(doc, on)
	if step.overdue and not doc.is_overdue:
		doc.db_set("is_overdue", 1, update_modified=False)
		counts["overdue"] += 1
	if not (step.remind or step.escalate):
		return
	act(doc, step)
	counts["reminded"] += int(step.remind)
	counts["escalated"] += int(step.escalate)


def run_many(
	doctype: str,
	filters: dict,
	fields: list[str],
	step_of: Callable[[dict, date], ClockStep],
	act: Callable[[list[tuple[dict, ClockStep]]], None],
	on: date | str | None = None,
	horizon: date | None = None,
	date_field: str = "due_date",
) -> dict[str, int]:
	"""The same daily pass for a form with many running records whose reminders are told together:
	the records due by `horizon` are read as rows in one indexed query, the newly late ones marked
	overdue in one update, and `act` gets every (row, step) that must be reminded or escalated at once.
	One savepoint for the pass: if `act` fails nothing of it stays, and the next run does it again."""
	on = getdate(on or today())
	counts = {"reminded": 0, "escalated": 0, "overdue": 0}
	rows = frappe.get_all(
		doctype,
		filters={**filters, date_field: ("<=", horizon or on)},
		fields=["name", "is_overdue", date_field, *fields],
		order_by=f"{date_field} asc",
	)
	steps = [(row, step_of(row, on)) for row in rows]
	late = [row.name for row, step in steps if step.overdue and not row.is_overdue]
	due = [(row, step) for row, step in steps if step.remind or step.escalate]
	frappe.db.savepoint("hall_clock")
	try:
		if late:
			table = frappe.qb.DocType(doctype)
			frappe.qb.update(table).set(table.is_overdue, 1).where(table.name.isin(late)).run()
		if due:
			act(due)
	except Exception:
		frappe.db.rollback(save_point="hall_clock")
		frappe.log_error(title=f"{frappe._(doctype)} 到期处理失败", reference_doctype=doctype)
		return counts
	counts["overdue"] = len(late)
	counts["reminded"] = sum(int(step.remind) for _row, step in due)
	counts["escalated"] = sum(int(step.escalate) for _row, step in due)
	return counts
