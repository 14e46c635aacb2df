"""The delay-service log (延时服务登记): compute the extension from the hall's hours, confirm by the
handler and the citizen, send to 综合科, file; return visits; several citizens recorded at once."""

from __future__ import annotations

from datetime import date

import frappe
from frappe.utils import get_fullname, getdate, now_datetime, today

from insurance_hall.rules import delay as d
from insurance_hall.rules.rating import is_bad, rating_error
from insurance_hall.rules.roles import RECORDS
from insurance_hall.services import inbox, rating, records
from insurance_hall.services.rating import rating_scale
from insurance_hall.services.routing import acting_for_today

DOCTYPE = "Delay Service Record"
VISIT = "Delay Service Visit"


def hall_hours():
	settings = frappe.get_cached_doc("Hall Settings")
	from insurance_hall.rules.clock import time_text

	return tuple(
		d.parse_hhmm(time_text(settings.get(key)))
		for key in ("closing_time", "noon_closing_time", "noon_opening_time")
	)


# ---------------------------------------------------------------- the record itself (controller calls)


def prepare(doc) -> None:
	"""Before saving a draft: the handler is the clerk; the length is computed from the hall's hours;
	the matter, the date, the window and the answers are checked. Refused whole, with a Chinese message."""
	if doc.is_new():
		doc.handler = frappe.session.user
	errors = draft_errors(doc)
	if errors:
		frappe.throw("<br>".join(errors), title="延时服务登记有误")


def draft_errors(doc) -> list[str]:
	errors = []
	if getdate(doc.service_date) > getdate(today()):
		errors.append(f"服务日期 {doc.service_date} 还没有到，不能提前登记")
	window_staff = frappe.db.get_value("Service Window", doc.window, ["a_staff", "b_staff"]) or ()
	error = d.handler_error(doc.handler, doc.window, window_staff)
	if error:
		errors.append(error)
	closing, noon_closing, noon_opening = hall_hours()
	error = d.hours_error(closing, noon_closing, noon_opening)
	if error:
		return [*errors, error]
	served = d.parse_hhmm(str(doc.served_until)[:5]) if doc.served_until else None
	if served is None:
		return [*errors, "请填写服务结束时间"]
	doc.closing_time = closing.strftime("%H:%M")
	doc.extension_minutes = d.extension_minutes(served, closing, noon_closing, noon_opening) or 0
	adjusted = doc.adjusted_minutes if doc.adjusted_minutes not in (None, "", 0) else None
	computed = doc.extension_minutes or None
	error = d.extension_error(computed, adjusted, doc.adjust_reason)
	if error:
		errors.append(error)
	if not (doc.service_matter or (doc.matter_text or "").strip()):
		errors.append("请选择延时事项，或在“事项说明”中填写目录中没有的事项")
	scale = rating_scale()
	error = rating_error(doc.satisfaction, scale)
	if error:
		errors.append(error)
	doc.satisfaction_is_bad = int(is_bad(doc.satisfaction, scale))
	error = d.citizen_confirmation_error(doc.citizen_confirmation, doc.citizen_signature, doc.signed_copy)
	if error:
		errors.append(error)
	elif doc.citizen_confirmation and not doc.citizen_confirmed_at:
		doc.citizen_confirmed_at = now_datetime()
	elif not doc.citizen_confirmation:
		doc.citizen_confirmed_at = None
	return errors


def guard_confirmed_fields(doc) -> None:
	"""The handler's confirmation is an action, not a field anyone can tick; a confirmed record's
	content stays as confirmed."""
	before = doc.get_doc_before_save()
	if before is None:
		if doc.handler_confirmed:
			frappe.throw("承办人确认须在登记后由承办人本人点“承办人确认”", frappe.PermissionError)
		return
	if doc.handler_confirmed != before.handler_confirmed and not doc.flags.hall_action:
		frappe.throw("承办人确认须由承办人本人点“承办人确认”", frappe.PermissionError)


def update_status(doc) -> None:
	doc.status = d.status_of(bool(doc.handler_confirmed), bool(doc.citizen_confirmation), doc.docstatus == 1)


def after_save(doc) -> None:
	"""Once both have confirmed, the record waits for 综合科 (their inbox), once."""
	before = doc.get_doc_before_save()
	if doc.status == d.TO_FILE and (before is None or before.status != d.TO_FILE):
		officer = records_officer()
		if officer:
			inbox.assign(DOCTYPE, doc.name, officer, filing_message(doc), due=today())


def records_officer() -> str | None:
	officer = frappe.db.get_single_value("Hall Settings", "records_officer")
	return acting_for_today(officer, getdate(today())) if officer else None


def filing_message(doc) -> str:
	return (
		f"延时服务登记表待备案：{doc.name}，{doc.window} 号窗口 {get_fullname(doc.handler)}，"
		f"{doc.service_date} 延时 {doc.adjusted_minutes or doc.extension_minutes} 分钟，服务对象 {doc.citizen_name}。"
	)


# ---------------------------------------------------------------- actions (api/delay_service.py)


def lock(name: str, seen_modified: str | None):
	return records.lock(DOCTYPE, name, "延时服务登记表", seen_modified)


def confirm_handler(name: str, seen_modified: str | None = None):
	"""The handler (承办人) confirms in the Desk: only they can, and only a draft."""
	doc = lock(name, seen_modified)
	if frappe.session.user != doc.handler:
		frappe.throw(f"只有承办人 {get_fullname(doc.handler)} 本人可以确认这张登记表", frappe.PermissionError)
	if doc.docstatus != 0:
		frappe.throw("已备案的登记表不能再确认或修改", frappe.PermissionError)
	if doc.handler_confirmed:
		return doc
	doc.handler_confirmed = 1
	doc.handler_confirmed_at = now_datetime()
	records.write(doc)
	return doc


def reopen(name: str, reason: str, seen_modified: str | None = None):
	"""重新打开: the handler (or 综合科) changes a confirmed or signed record: the reason goes on the record,
	and both confirmations are cleared, to be given again on what it now says."""
	doc = lock(name, seen_modified)
	if frappe.session.user != doc.handler and RECORDS not in frappe.get_roles():
		frappe.throw(
			f"只有承办人 {get_fullname(doc.handler)} 或综合科可以重新打开这张登记表", frappe.PermissionError
		)
	error = d.reopen_error(
		reason, bool(doc.handler_confirmed or doc.citizen_confirmation), doc.docstatus == 1
	)
	if error:
		frappe.throw(error, title="不能重新打开")
	was_waiting = doc.status == d.TO_FILE
	for field in (
		"handler_confirmed_at",
		"citizen_confirmation",
		"citizen_signature",
		"signed_copy",
		"citizen_confirmed_at",
	):
		doc.set(field, None)
	doc.handler_confirmed = 0
	records.write(doc, "重新打开")
	records.timeline(
		doc.doctype, doc.name, f"重新打开：{reason.strip()}。承办人确认和延时人签字已清除，须重新确认和签字。"
	)
	if was_waiting:
		officer = records_officer()
		if officer:
			inbox.close(DOCTYPE, doc.name, officer)
	return doc


def file(name: str, seen_modified: str | None = None):
	"""综合科 files the record (备案): from now on nobody edits or deletes it."""
	doc = lock(name, seen_modified)
	if doc.status != d.TO_FILE:
		frappe.throw(f"登记表当前状态为“{doc.status}”：承办人和延时人都确认后才能备案", title="不能备案")
	if not frappe.has_permission(DOCTYPE, "submit", doc=doc):
		frappe.throw("只有综合科可以为延时服务登记表备案", frappe.PermissionError)
	doc.filed_by = frappe.session.user
	doc.filed_on = now_datetime()
	# the platform's check was made above (DocPerm "submit"): filing writes no field the clerk wrote
	records.write(doc, "备案", submit=True)
	# the citizen signed the tick: it is the service's rating (好差评), not a second scale
	rating.from_form_tick(DOCTYPE, doc.name, doc.satisfaction, doc.citizen_name)
	inbox.close(DOCTYPE, doc.name, frappe.session.user)
	officer = records_officer()
	if officer:
		inbox.close(DOCTYPE, doc.name, officer)
	return doc


def record_batch(window: str, service_date: str | date, served_until: str, rows: list[dict]) -> list[str]:
	"""Several citizens served late at one window, recorded in one go: all of them or none."""
	if not rows:
		frappe.throw("请至少填写一位延时服务对象")
	names = []
	for i, row in enumerate(rows, start=1):
		doc = frappe.get_doc(
			{
				"doctype": DOCTYPE,
				"window": window,
				"service_date": service_date,
				"served_until": row.get("served_until") or served_until,
				"service_matter": row.get("service_matter"),
				"matter_text": row.get("matter_text"),
				"citizen_name": row.get("citizen_name"),
				"citizen_phone": row.get("citizen_phone"),
				"handling_result": row.get("handling_result"),
			}
		)
		try:
			doc.insert()
		except frappe.ValidationError as error:
			frappe.db.rollback()
			frappe.throw(
				f"第 {i} 位（{row.get('citizen_name') or '未填姓名'}）：{error}", title="批量登记未保存"
			)
		names.append(doc.name)
	return names


# ---------------------------------------------------------------- return visits


def prepare_visit(visit) -> None:
	"""A return visit (回访) is 综合科's, on a filed record, by the person recording it.

	002 沂南: "医保中心综合科负责人应定期回访，听取群众意见和建议，了解各窗口对延时服务的满意度。"
	"""
	if frappe.db.get_value(DOCTYPE, visit.record, "docstatus") != 1:
		frappe.throw("只能对已备案的延时服务登记表进行回访", title="回访有误")
	if visit.is_new():
		visit.visited_by = frappe.session.user
	if getdate(visit.visited_on) > getdate(today()):
		frappe.throw(f"回访日期 {visit.visited_on} 还没有到", title="回访有误")
	error = rating_error(visit.satisfaction, rating_scale())
	if error:
		frappe.throw(error, title="回访有误")
