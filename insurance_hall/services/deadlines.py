"""Deadlines counted across a provisional year, recomputed once when the year becomes official.

A due date that crosses a year whose State Council arrangement (调休) is not known yet is stored with
`due_provisional` and shown with the note 暂按法定节假日计算，国务院放假安排公布后核对. When the hall admin
confirms the year from the notice (`confirm_year`), or a newer calendar knows it (the migrate step, the
daily job), every running record still marked provisional is recounted once, under the same row lock as
every action: the trail names the old and the new date, and the holder is told when the date moved
earlier. A record counted again while some year is still provisional keeps its mark, and its date when
nothing moved, so running this again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import frappe
from frappe.utils import get_url_to_form, getdate, now_datetime

from insurance_hall.rules import case as case_rules
from insurance_hall.rules import complaint as complaint_rules
from insurance_hall.rules import refusal as refusal_rules
from insurance_hall.rules.national_calendar import confirm_year_errors, national_year, next_year_reminder
from insurance_hall.services import calendar, case, complaint, inbox, records, refusal

RECOUNT = "期限重算"


@dataclass(frozen=True)
class Deadline:
	"""A form whose running records carry a due date counted in working days: `recount` gives the date
	today's calendar counts, `start` the day counting starts from, `holder` who must act by it, `write`
	appends the trail line and saves through the form's own service."""

	doctype: str
	what: str
	running: dict
	recount: Callable
	start: Callable
	holder: Callable
	write: Callable[[object, str], None]


def _case_write(doc, note: str) -> None:
	case.add_step(doc, RECOUNT, note, user="Administrator")
	records.write(doc, RECOUNT)


def _refusal_write(doc, note: str) -> None:
	doc.append(
		"steps",
		{
			"level": doc.current_level or 0,
			"level_label": doc.current_level_label or "首问负责人",
			"action": RECOUNT,
			"approver": "Administrator",
			"opinion": note,
			"acted_at": now_datetime(),
		},
	)
	records.write(doc, RECOUNT)


def _referral_write(doc, note: str) -> None:
	records.write(doc, RECOUNT)
	records.timeline(doc.doctype, doc.name, note)


FORMS: tuple[Deadline, ...] = (
	Deadline(
		case.DOCTYPE,
		"办件",
		{"status": ("in", case_rules.RUNNING)},
		case.recount,
		lambda doc: getdate(doc.clock_start_on),
		lambda doc: doc.handler,
		_case_write,
	),
	Deadline(
		refusal.DOCTYPE,
		"说“不”事项审批表",
		{
			"workflow_state": (
				"in",
				(refusal_rules.PENDING, refusal_rules.RETURNED, refusal_rules.SOLVED, refusal_rules.REFUSED),
			)
		},
		refusal.recount,
		lambda doc: getdate(doc.request_time),
		lambda doc: doc.current_approver or doc.first_responder,
		_refusal_write,
	),
	Deadline(
		complaint.REFERRAL,
		"承办单",
		{"status": ("in", complaint_rules.RUNNING)},
		complaint.recount,
		complaint.complaint_received_on,
		lambda doc: doc.receiver,
		_referral_write,
	),
)


def recount_provisional() -> int:
	"""Recount every running record whose due date was provisional; returns how many were changed."""
	calendar.clear_calendar_cache()
	changed = 0
	for form in FORMS:
		names = frappe.get_all(form.doctype, filters={**form.running, "due_provisional": 1}, pluck="name")
		for name in names:
			changed += recount_one(form, name)
	return changed


def recount_one(form: Deadline, name: str) -> int:
	doc = records.lock(form.doctype, name, form.what)
	if not doc.due_provisional or not frappe.db.exists(form.doctype, {"name": name, **form.running}):
		return 0
	new_due = form.recount(doc)
	old_due = getdate(doc.due_date) if doc.due_date else None
	still = int(bool(new_due) and calendar.is_provisional(form.start(doc), new_due))
	if new_due is None or (new_due == old_due and still):
		return 0
	doc.due_date = new_due
	doc.due_provisional = still
	if new_due == old_due:
		note = f"国务院放假安排已核对，期限 {new_due} 不变"
	else:
		note = f"国务院放假安排已核对，期限由 {old_due} 重新计算为 {new_due}"
	if still:
		note += "（仍有年份暂按法定节假日计算）"
	form.write(doc, note)
	holder = form.holder(doc)
	if old_due and new_due < old_due and holder:
		inbox.notify(
			form.doctype,
			doc.name,
			holder,
			f"{form.what} {doc.name} 的期限提前到 {new_due}（原为 {old_due}），国务院放假安排已公布并核对。"
			f"链接：{get_url_to_form(form.doctype, doc.name)}",
		)
	return 1


# ---------------------------------------------------------------- the hall admin confirms a year


def confirm_year(year: int) -> int:
	"""The hall admin confirms that the year's Work Calendar holds the State Council's arrangement: the
	year becomes official and every provisional deadline is recounted once. Returns how many moved."""
	year = int(year)
	name = str(year)
	if not frappe.db.exists("Work Calendar", name):
		frappe.throw(f"请先在“工作日历”中新建{year}年的日历，录入国务院通知的放假和调休上班日，再确认")
	doc = records.lock("Work Calendar", name, "工作日历")
	national = national_year(year)
	errors = confirm_year_errors(year, bool(doc.national_confirmed), bool(national and national.official))
	if errors:
		frappe.throw("；".join(errors), title="无需确认")
	doc.national_confirmed = 1
	doc.confirmed_by = frappe.session.user
	doc.confirmed_on = now_datetime()
	records.write(doc, "确认国务院放假安排")
	records.timeline(doc.doctype, doc.name, f"已按国务院办公厅放假安排通知核对{year}年的放假和调休上班日")
	return recount_provisional()


def admin_reminder(today: date | str) -> str | None:
	"""What the hall admin's workspace says about next year's arrangement (from 1 November on)."""
	today = getdate(today)
	return next_year_reminder(today, calendar.is_official(today.year + 1))
