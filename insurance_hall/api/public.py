"""The public pages' one rate limit (HTTP 429), told in Chinese whatever language the visitor's browser asks
for, with what the citizen can do instead.

A hall is full of citizens on one Wi-Fi address, so one address is not one citizen: a method that names a
person (the phone, the reference, the rating link) counts `limit` calls per person, and the address gets
`limit` times the hall's share (site config `hall_guest_share`, default 10) before it is held back. A
method with no person to count by counts `limit` per address. The address is the one the site trusts
(`rules/public_input.client_address`): the connection's peer, or, behind a reverse proxy the site names
in `hall_trusted_proxies` (default: this machine, the bench's own nginx), the address the proxy forwards.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import frappe

from insurance_hall.rules.public_input import LOOPBACK, client_address, limit_identity

TOO_MANY = "请求过于频繁，请稍后再试；如需帮助，请拨打大厅服务电话"
HALL_SHARE = 10


def trusted_proxies() -> list[str]:
	configured = frappe.conf.get("hall_trusted_proxies")
	if configured is None:
		return list(LOOPBACK)
	return [configured] if isinstance(configured, str) else list(configured)


def caller_address() -> str:
	request = frappe.request
	peer = request.environ.get("REMOTE_ADDR") if request else None
	forwarded = request.headers.get("X-Forwarded-For") if request else None
	return client_address(peer, forwarded, trusted_proxies())


def _count(key: str, seconds: int) -> int:
	cache_key = frappe.cache.make_key(key)
	value = frappe.cache.incrby(cache_key, 1)
	if value == 1:
		frappe.cache.expire(cache_key, seconds)
	return value


def limited(
	limit: int | Callable[[], int], seconds: int, message: str = TOO_MANY, per: str | None = None
) -> Callable:
	"""Limit a guest method: `limit` calls per `seconds` per person (the argument `per` names) and the
	hall's share per address; without `per`, `limit` per address."""

	def decorate(fn: Callable) -> Callable:
		@wraps(fn)
		def wrapper(*args, **kwargs):
			if not frappe.request:
				return fn(*args, **kwargs)
			allowed = limit() if callable(limit) else limit
			method = frappe.form_dict.cmd or fn.__name__
			person = limit_identity(kwargs.get(per) or frappe.form_dict.get(per)) if per else None
			share = frappe.utils.cint(frappe.conf.get("hall_guest_share")) or HALL_SHARE
			over = _count(f"rl:{method}:addr:{caller_address()}", seconds) > (
				allowed * share if person else allowed
			)
			if person:
				over = _count(f"rl:{method}:person:{person}", seconds) > allowed or over
			if over:
				frappe.clear_messages()
				frappe.throw(message, frappe.RateLimitExceededError, title="操作过于频繁")
			return fn(*args, **kwargs)

		return wrapper

	return decorate
