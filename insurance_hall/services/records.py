"""Taking hold of one record for an action: the one row lock every form's service uses.

The row is locked for the rest of the transaction, so two people acting on the same record at once
take turns; the second is refused when the record changed since they loaded it (the `modified` they
saw), and nothing is half-done.
"""

from __future__ import annotations

import frappe
from frappe.utils import get_datetime


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
