"""The citizens' 意见建议 page: a suggestion without logging in, on a phone, in Chinese (002 (三)服务改进)."""

from __future__ import annotations

from insurance_hall.api.website import hall_page
from insurance_hall.services import suggestion

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	context.title = "意见建议"
	context.phone = suggestion.public_phone()
