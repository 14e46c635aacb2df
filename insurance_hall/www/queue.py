"""取号 (排号机): the hall's kiosk and a citizen's phone (from the hall's QR code) take a number by matter, or
check a booking in; the page shows the number and how many wait before it."""

from __future__ import annotations

from insurance_hall.api.website import hall_page
from insurance_hall.services.guide import hall_facts

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	context.title = "取号"
	context.facts = hall_facts()
