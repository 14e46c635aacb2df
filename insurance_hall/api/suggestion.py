"""The citizens' 意见建议 page (www/suggest): a guest method, rate-limited per phone (or address), validated
on the server, answering only with the suggestion's reference."""

from __future__ import annotations

import frappe

from insurance_hall.api import public
from insurance_hall.services import suggestion


def public_limit() -> int:
	"""Suggestions one person (their phone, or an anonymous address) may send per hour (site config
	`suggestion_public_rate_limit`, default 10)."""
	return frappe.utils.cint(frappe.conf.get("suggestion_public_rate_limit")) or 10


limited = public.limited(
	lambda: public_limit(),
	60 * 60,
	"提交过于频繁，请一小时后再试；也可以拨打服务电话提出意见建议",
	per="phone",
)


# not xss_safe: the text reaches the leader's ToDo and bell, so Frappe's XSS filter neutralises markup on save
# (as for the public complaint)
@frappe.whitelist(allow_guest=True, methods=["POST"])
@limited
def submit_public(
	content: str | None = None,
	name: str | None = None,
	phone: str | None = None,
	no_messages: int | str | bool = 0,
) -> dict:
	"""A citizen's suggestion: only its reference and the hall's phone come back."""
	return suggestion.submit_public(
		{
			"content": content,
			"name": name,
			"phone": phone,
			"no_messages": bool(frappe.utils.cint(no_messages)),
		}
	)
