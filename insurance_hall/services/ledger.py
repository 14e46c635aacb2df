"""What every monthly ledger (Script Report) shares: reading the month it is asked for."""

from __future__ import annotations

from datetime import date

import frappe
from frappe import _

from insurance_hall.rules.period import month_span, named_month


def month_of(filters: dict) -> tuple[date, date]:
	"""The month the filters name; a bad one is told, not raised (Frappe v15 turns a script report that
	raises into a prepared report for good), and counts nothing."""
	named = named_month(filters.get("year"), filters.get("month"))
	span = month_span(*named) if named else None
	if span is None:
		frappe.msgprint(_("请选择年度和月份"), title=_("筛选条件有误"), indicator="orange")
		return date(1900, 1, 1), date(1900, 1, 1)
	return span
