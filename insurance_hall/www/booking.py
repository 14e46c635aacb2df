"""The public booking page (预约服务): no login; everything is checked again by the guest API."""

import frappe

no_cache = 1


def get_context(context) -> None:
	settings = frappe.get_cached_doc("Hall Settings")
	context.title = "预约服务"
	context.no_breadcrumbs = True
	context.bureau_name = settings.bureau_name or ""
	context.appointment_phone = settings.appointment_phone or ""
