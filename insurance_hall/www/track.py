"""进度查询: a citizen follows their case, booking or complaint by its reference, without an account."""

from __future__ import annotations

from insurance_hall.api.website import hall_page
from insurance_hall.services.guide import hall_facts

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	context.title = "办件、预约和投诉进度查询"
	context.facts = hall_facts()
