"""The public booking page (预约服务): no login; everything is checked again by the guest API."""

import frappe

from insurance_hall.rules.booking import ONLINE, parse_channels
from insurance_hall.rules.clock import time_text
from insurance_hall.api.website import hall_page

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	settings = frappe.get_cached_doc("Hall Settings")
	context.title = "预约服务"
	context.no_breadcrumbs = True
	context.bureau_name = settings.bureau_name or ""
	context.appointment_phone = settings.appointment_phone or ""
	# a county that books only at the window or by phone says so first, with the phone and the hours,
	# instead of a form that cannot be sent
	context.online = ONLINE in parse_channels(settings.booking_channels)
	context.hours = hall_hours_text(settings)


def hall_hours_text(settings) -> str:
	start = time_text(settings.get("booking_start_time"))
	end = time_text(settings.get("closing_time")) or time_text(settings.get("booking_end_time"))
	noon_from, noon_to = (
		time_text(settings.get("noon_closing_time")),
		time_text(settings.get("noon_opening_time")),
	)
	if not (start and end):
		return ""
	if noon_from and noon_to and start < noon_from < noon_to < end:
		return f"工作日 {start}—{noon_from}，{noon_to}—{end}"
	return f"工作日 {start}—{end}"
