"""The public pages' one rate limit: Frappe's (HTTP 429), told in Chinese whatever language the visitor's
browser asks for, with what the citizen can do instead."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import frappe
from frappe.rate_limiter import rate_limit

TOO_MANY = "请求过于频繁，请稍后再试；如需帮助，请拨打大厅服务电话"


def limited(limit: int | Callable[[], int], seconds: int, message: str = TOO_MANY) -> Callable:
	def decorate(fn: Callable) -> Callable:
		checked = rate_limit(limit=limit, seconds=seconds)(fn)

		@wraps(fn)
		def wrapper(*args, **kwargs):
			try:
				return checked(*args, **kwargs)
			except frappe.RateLimitExceededError:
				frappe.clear_messages()
				frappe.throw(message, frappe.RateLimitExceededError, title="操作过于频繁")

		return wrapper

	return decorate
