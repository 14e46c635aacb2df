"""The one action pipeline of every hall form: take hold of the record, append its trail line, write it.

An action of a form's service runs, in this order:

1. `lock`: the row is locked for the rest of the transaction, so two people acting on the same record at
   once take turns; the second is refused when the record changed since they loaded it (the `modified`
   they saw), and nothing is half-done;
2. the service's rule decides whether this user may do this now (a pure function of `rules/`);
3. the service changes the record's fields;
4. `trail`: one line of the record's trail (who, on whose behalf, what, when);
5. `write`: the save, marked with the one flag `hall_action` (the base controller `HallRecord` lets the
   form's managed fields and tables through only on such a save, `rules/managed.py`);
6. the service tells people through the one inbox (`services/inbox.py`).
"""

from __future__ import annotations

from typing import Any

import frappe
from frappe.utils import get_datetime, now_datetime


MODULE = "Insurance Hall"


def hall_doctypes() -> list[str]:
	"""The hall's own DocTypes (its module): what the app's Desk features are scoped to on a shared site."""
	return frappe.get_all("DocType", filters={"module": MODULE}, pluck="name", order_by="name")


class RecordChanged(frappe.ValidationError):
	"""Somebody acted on the record since this user loaded it."""


def lock(doctype: str, name: str, what: str, seen_modified: str | None = None):
	"""The record, its row locked; `what` names it in the message (办件, 承办单, …)."""
	current = frappe.db.get_value(doctype, name, "modified", for_update=True)
	if current is None:
		frappe.throw(f"找不到{what} {name}", frappe.DoesNotExistError)
	if seen_modified and get_datetime(seen_modified) != get_datetime(current):
		frappe.throw(f"该{what}已被他人处理或修改，请刷新后查看最新状态", RecordChanged, title="单据已变化")
	return frappe.get_doc(doctype, name)


def trail(doc, row: dict[str, Any], table: str = "steps", at_field: str = "acted_at") -> None:
	"""One line of the record's trail, stamped with the time of the action."""
	doc.append(table, {**row, at_field: now_datetime()})


def timeline(doctype: str, name: str, text: str) -> str:
	"""A line on the record's timeline ("Info"), the trail of a form that keeps no trail table (a complaint,
	a calendar): one row written in one statement, as the inbox writes its rows."""
	from frappe.utils import get_fullname

	return row(
		"Comment",
		{
			"comment_type": "Info",
			"reference_doctype": doctype,
			"reference_name": name,
			"content": text,
			"comment_email": frappe.session.user,
			"comment_by": get_fullname(frappe.session.user),
		},
	)


def row(doctype: str, values: dict) -> str:
	"""One row of Frappe's own Comment, ToDo or Notification Log, written in one statement. What their
	document hooks would do besides (the record's assignee list, the bell's realtime message) the pipeline
	does itself, once per action: a routed item costs little more than its record."""
	now = now_datetime()
	written = {
		"name": frappe.generate_hash(length=10),
		"creation": now,
		"modified": now,
		"owner": frappe.session.user,
		"modified_by": frappe.session.user,
		"docstatus": 0,
		**values,
	}
	columns = ", ".join(f"`{column}`" for column in written)
	# the app's own statement (doctype and columns are the app's constants), without the query builder's
	# per-call parsing: a routed item is a handful of these
	frappe.db.sql(
		f"insert into `tab{doctype}` ({columns}) values ({', '.join(['%s'] * len(written))})",
		tuple(written.values()),
	)
	return written["name"]


def write(doc, action: str | bool = True, *, submit: bool = False, insert: bool = False):
	"""The action's one write. The service checked who may act before calling it, so the platform's own
	permission check is not repeated (it would refuse, say, a citizen's cancellation on the public page)."""
	doc.flags.hall_action = action or True
	doc.flags.ignore_permissions = True
	if insert:
		doc.insert()
	elif submit and doc.docstatus == 0:
		doc.submit()
	else:
		doc.save()
	return doc


def mark(doc, action: str | bool = True) -> None:
	"""For an action whose write is a platform call made elsewhere (a Workflow transition): the same
	flag, so the base controller knows the change is this action's."""
	doc.flags.hall_action = action or True
	doc.flags.ignore_permissions = True
