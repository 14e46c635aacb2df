"""Rules of the service-matter catalogue (pure, no frappe).

004 开原: "即来即办事项:  23项参保等项业务可以实现即来即办。" and "承诺办理事项:  10项待遇等业务承诺时限压缩至21天。"
A matter is served at once (即办) or within a promised number of working days (承诺).
"""

from __future__ import annotations

IMMEDIATE = "Immediate"
PROMISED = "Promised"


def promise_error(matter_type: str, promised_days: int | None) -> str | None:
	"""A promised matter needs a positive number of working days; a matter served at once has none."""
	days = promised_days or 0
	if days < 0:
		return f"承诺办结时限不能为负数（{days}）"
	if matter_type == PROMISED and days == 0:
		return "承诺件须填写承诺办结的工作日数（大于 0）"
	if matter_type == IMMEDIATE and days > 0:
		return "即办件当场办结，不应填写承诺办结时限"
	return None


def window_text(window_no: str | None, window_name: str | None = None) -> str:
	"""A window as the hall's public pages, guides and charts name it: "1号窗口 参保登记窗口"."""
	if not window_no:
		return "（未指定窗口）"
	return f"{window_no}号窗口 {window_name or ''}".strip()
