"""The citizens' "吐槽找茬" page: complain without logging in, on a phone, in Chinese."""

from __future__ import annotations

from insurance_hall.services import public_complaint
from insurance_hall.api.website import hall_page

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	choices = public_complaint.choices()
	context.no_cache = 1
	context.show_sidebar = False
	context.title = "“吐槽找茬”网上投诉"
	context.windows = choices["windows"]
	context.staff = choices["staff"]
	context.phone = choices["phone"]
