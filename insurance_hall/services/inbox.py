"""The hall's one inbox: "this is yours now" for a named person, on any form.

A ToDo on their to-do list, an in-app notification (the bell) and an email put into Frappe's Email
Queue by a background job once the action that routed it is committed. The ToDo closes when they act.
Every form of the hall tells people through these functions; none keeps a copy of its own.
"""

from __future__ import annotations

from datetime import date

import frappe
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum
from frappe.utils import get_fullname, get_url_to_form, getdate, now_datetime

from insurance_hall.rules.clock import due_state
from insurance_hall.services import records

# what waits for a person is read by (allocated_to, status, date): Frappe's ToDo indexes only the reference
INDEX_NAME = "ih_allocated_status_date"
INDEX_FIELDS = ("allocated_to", "status", "date")


def assign(
	doctype: str,
	name: str,
	user: str | None,
	message: str,
	due: date | str | None = None,
	urgent: bool = False,
	doc=None,
	fresh: bool = False,
) -> None:
	"""Tell `user` the record waits for them: an open ToDo (at most one per person and record) with its
	line on the record's timeline, an in-app notification and an email. A person whose roles do not let
	them read the record (a stand-in from another post) is given it by sharing it. `doc`: the record, when
	the caller holds it (its permission check then reads no second copy); `fresh`: the record was made by
	this action, so nobody holds it yet (no lookup of an open ToDo, and the assignee list is just `user`)."""
	if not user:
		return
	give_access(doctype, name, user, doc)
	if fresh or not frappe.db.exists(
		"ToDo", {"reference_type": doctype, "reference_name": name, "allocated_to": user, "status": "Open"}
	):
		by = frappe.session.user
		records.row(
			"ToDo",
			{
				"status": "Open",
				"allocated_to": user,
				"reference_type": doctype,
				"reference_name": name,
				"description": message,
				"date": due,
				"priority": "High" if urgent else "Medium",
				"assigned_by": by,
			},
		)
		# the line Frappe's ToDo writes on the record's timeline ("X 指派给 Y：…")
		text = (
			frappe._("{0} self assigned this task: {1}").format(get_fullname(by), message)
			if by == user
			else frappe._("{0} assigned {1}: {2}").format(get_fullname(by), get_fullname(user), message)
		)
		records.row(
			"Comment",
			{
				"comment_type": "Assigned",
				"reference_doctype": doctype,
				"reference_name": name,
				"content": text,
				"comment_email": by,
				"comment_by": get_fullname(by),
			},
		)
		sync_assignees(doctype, name, [user] if fresh else None)
	notify(doctype, name, user, message)


def give_access(doctype: str, name: str, user: str, doc=None) -> None:
	if not frappe.has_permission(doctype, "read", doc=doc or name, user=user):
		frappe.share.add_docshare(doctype, name, user, read=1, flags={"ignore_share_permission": True})


def notify(doctype: str, name: str, user: str | None, message: str) -> None:
	"""An in-app notification and an email queued after commit, both naming the record and its link.
	The subject is the message's first sentence."""
	if not user:
		return
	subject = message.split("。")[0]
	# Frappe's Notification Settings: no row means notifications are on (is_notifications_enabled)
	settings = frappe.db.sql("select enabled from `tabNotification Settings` where name=%s", (user,))
	if not settings or settings[0][0]:
		_bell(doctype, name, user, subject, message, has_settings=bool(settings))
	# the email is built and queued by a background job once the action is committed: rendering
	# Frappe's email template costs more than the action itself
	frappe.enqueue(
		"insurance_hall.services.inbox.queue_email",
		queue="short",
		enqueue_after_commit=True,
		user=user,
		doctype=doctype,
		name=name,
		subject=subject,
		message=message,
	)


def _bell(doctype: str, name: str, user: str, subject: str, message: str, has_settings: bool = True) -> None:
	"""The in-app notification (an Alert: Frappe sends no email for it, the inbox's email is the only one)."""

	records.row(
		"Notification Log",
		{
			"type": "Alert",
			"for_user": user,
			"from_user": frappe.session.user,
			"document_type": doctype,
			"document_name": name,
			"subject": subject,
			"email_content": message,
			"read": 0,
		},
	)
	frappe.publish_realtime("notification", after_commit=True, user=user)
	if has_settings:  # the bell's dot (Frappe's set_notifications_as_unseen)
		frappe.db.sql("update `tabNotification Settings` set seen=0 where name=%s", (user,))


def queue_email(user: str, doctype: str, name: str, subject: str, message: str) -> None:
	"""Put the email into Frappe's Email Queue (sent by the scheduler's email job)."""
	email = frappe.db.get_value("User", user, "email")
	if not email:
		return
	link = get_url_to_form(doctype, name)
	# a background job has no request language: the email speaks the recipient's
	lang = frappe.db.get_value("User", user, "language") or frappe.db.get_default("lang") or "zh"
	title = frappe._(doctype, lang=lang)
	try:
		frappe.sendmail(
			recipients=[email],
			subject=subject,
			message=(
				f"<p>{frappe.utils.escape_html(message)}</p>"
				f'<p><a href="{link}">打开{frappe.utils.escape_html(title)} {frappe.utils.escape_html(name)}</a></p>'
			),
			reference_doctype=doctype,
			reference_name=name,
		)
	except frappe.OutgoingEmailError:
		# no outgoing Email Account yet: the ToDo and the in-app notification still reach the person
		frappe.log_error(title=f"{title} {name} 提醒邮件未能发出：请设置发件邮箱")


def close(doctype: str, name: str, user: str) -> None:
	"""`user` acted: their open ToDos on the record are closed, and its assignee list follows."""
	todo = frappe.qb.DocType("ToDo")
	(
		frappe.qb.update(todo)
		.set(todo.status, "Closed")
		.set(todo.modified, now_datetime())
		.where(
			(todo.reference_type == doctype)
			& (todo.reference_name == name)
			& (todo.allocated_to == user)
			& (todo.status == "Open")
		)
	).run()
	sync_assignees(doctype, name)


def hand_over(doctype: str, name: str, from_user: str, to_user: str, message: str) -> bool:
	"""What waits for `from_user` on the record now waits for `to_user`: their open ToDo is closed,
	`to_user` gets one and is told. False when nothing was waiting for `from_user`."""
	waiting = frappe.db.exists(
		"ToDo",
		{"reference_type": doctype, "reference_name": name, "allocated_to": from_user, "status": "Open"},
	)
	if not waiting:
		return False
	due, priority = frappe.db.get_value("ToDo", waiting, ["date", "priority"])
	close(doctype, name, from_user)
	withdraw_access(doctype, name, from_user)
	assign(doctype, name, to_user, message, due=due, urgent=priority == "High")
	return True


def withdraw_access(doctype: str, name: str, user: str) -> None:
	"""The share `give_access` made for a person who no longer holds the record goes with the holding:
	visibility never outlives its reason (a stand-in's share ends with the stand-in's turn)."""
	share = frappe.db.get_value("DocShare", {"share_doctype": doctype, "share_name": name, "user": user})
	if share:
		frappe.delete_doc(
			"DocShare", share, ignore_permissions=True, flags=frappe._dict(ignore_share_permission=True)
		)


def waiting_for(user: str, doctypes: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
	"""(doctype, name) of every record of `doctypes` with an open ToDo for `user`."""
	rows = frappe.get_all(
		"ToDo",
		filters={"allocated_to": user, "status": "Open", "reference_type": ("in", list(doctypes))},
		fields=["reference_type", "reference_name"],
		order_by="creation asc",
	)
	return [(row.reference_type, row.reference_name) for row in rows]


def open_items(user: str, today: date, limit: int = 50, doctypes: list[str] | None = None) -> dict:
	"""What waits for `user` across every form (of `doctypes`, when given: on a site shared with other apps
	the hall lists its own forms, and counts the rest as `others`): their open ToDos, overdue first
	(earliest due date first, those without one last), with the totals counted in SQL."""
	todo = frappe.qb.DocType("ToDo")
	everything = (todo.allocated_to == user) & (todo.status == "Open")
	mine = everything & todo.reference_type.isin(doctypes) if doctypes else everything
	total, overdue = (
		frappe.qb.from_(todo)
		.select(
			Count("*"),
			Sum(Case().when(todo.date < today, 1).else_(0)),
		)
		.where(mine)
	).run()[0]
	# read in the index's own order (allocated_to, status, date, then the primary key): dated items
	# first, earliest due first, then those without a due date; no sort of the person's whole list
	fields = (todo.name, todo.reference_type, todo.reference_name, todo.description, todo.date, todo.priority)
	rows = (
		frappe.qb.from_(todo)
		.select(*fields)
		.where(mine & todo.date.notnull())
		.orderby(todo.date)
		.orderby(todo.name)
		.limit(limit)
	).run(as_dict=True)
	if len(rows) < limit:
		rows += (
			frappe.qb.from_(todo)
			.select(*fields)
			.where(mine & todo.date.isnull())
			.orderby(todo.name)
			.limit(limit - len(rows))
		).run(as_dict=True)
	items = [
		{
			"todo": row.name,
			"doctype": row.reference_type,
			"name": row.reference_name,
			"message": frappe.utils.strip_html(row.description or ""),
			"due": row.date,
			"state": due_state(getdate(row.date) if row.date else None, today),
			"urgent": row.priority == "High",
		}
		for row in rows
	]
	others = 0
	if doctypes:
		others = (frappe.qb.from_(todo).select(Count("*")).where(everything)).run()[0][0] - (total or 0)
	return {"total": total or 0, "overdue": int(overdue or 0), "items": items, "others": others}


def ensure_index() -> None:
	"""The index `open_items` reads by (created on install and migrate, dropped on uninstall)."""
	frappe.db.add_index("ToDo", list(INDEX_FIELDS), INDEX_NAME)


def drop_index() -> None:
	if frappe.db.has_index("tabToDo", INDEX_NAME):
		frappe.db.sql_ddl(f"ALTER TABLE `tabToDo` DROP INDEX `{INDEX_NAME}`")


def sync_assignees(doctype: str, name: str, known: list[str] | None = None) -> None:
	"""The record's assignee list (Frappe's `_assign`, what the list view shows) from its open ToDos: one
	read through the ToDo index on the reference, one write (only the write when the caller knows it)."""
	still_open = known or [
		row[0]
		for row in frappe.db.sql(
			"select allocated_to from `tabToDo` where reference_type=%s and reference_name=%s"
			" and status='Open' order by creation",
			(doctype, name),
		)
	]
	frappe.db.sql(
		f"update `tab{doctype}` set `_assign`=%s where name=%s",
		(frappe.as_json(still_open), name),
	)
