"""The public rating page (/rate?t=...): no login, what is rated and the county's scale; the rating is
sent to insurance_hall.api.rating.submit, which checks and spends the link."""

from __future__ import annotations

import frappe

from insurance_hall.services import rating
from insurance_hall.api.website import hall_page

no_cache = 1


def get_context(context):
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	context.title = "服务评价"
	context.token = frappe.form_dict.get("t") or ""
	try:
		context.view = rating.public_view(context.token)
		context.error = None
	except frappe.ValidationError as error:
		frappe.clear_messages()
		context.view = None
		context.error = str(error)
	return context
