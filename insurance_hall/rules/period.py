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


MONTHS = tuple(f"{m}月" for m in range(1, 13))


def month_number(value) -> int | None:
	"""The month a filter names, as the ledgers' month filter offers it ("12月") or as a number (12,
	"12", "05"); None when it names none."""
	text = str(value if value is not None else "").strip().removesuffix("月")
	if not text.isdigit():
		return None
	number = int(text)
	return number if 1 <= number <= 12 else None


def named_month(year, month) -> tuple[int, int] | None:
	"""(year, month) from a ledger's filters: 年度 and 月份, or a date in the month ("2026-05-15") given
	as the month alone (the form an older saved filter or a link carries)."""
	number = month_number(month)
	text = str(year if year is not None else "").strip().removesuffix("年")
	if number and text.isdigit():
		return int(text), number
	parts = str(month or "").strip()[:10].split("-")
	if not text and len(parts) == 3 and all(p.isdigit() for p in parts):
		found = int(parts[0]), int(parts[1])
		return found if 1 <= found[1] <= 12 else None
	return None


def previous_month(today: date) -> tuple[int, int]:
	"""The last complete month before `today` (what a monthly publication shows): January looks back to the
	December of the year before."""
	return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def month_after(year: int, month: int) -> tuple[int, int]:
	return (year + 1, 1) if month == 12 else (year, month + 1)


def month_before(year: int, month: int) -> tuple[int, int]:
	return (year - 1, 12) if month == 1 else (year, month - 1)


def published_month(year: object, month: object, today: date) -> tuple[int, int]:
	"""The month a public page was asked for, or the last complete month; never the running month or a
	later one (a month is published once it is over)."""
	latest = previous_month(today)
	asked = named_month(year, month)
	if asked is None or asked > latest or asked[0] < 1900:
		return latest
	return asked
