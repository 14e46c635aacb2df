"""The periods the hall's ledgers count over (pure)."""

from __future__ import annotations

from datetime import date


def month_span(year: int, month: int) -> tuple[date, date] | None:
	"""[first day of the month, first day of the next): half-open, so a date index serves it.
	None for a year or month that is not one."""
	if not 1900 <= year <= 9998 or not 1 <= month <= 12:
		return None
	return date(year, month, 1), date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def share(part: int, whole: int) -> float:
	"""A ledger's rate in percent to one decimal (按时办结率, 满意率); nothing counted reads 0."""
	return round(100.0 * part / whole, 1) if whole else 0.0
