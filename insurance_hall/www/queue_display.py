"""叫号屏 (/queue-display?token=…): the hall's screen, no staff login, opened with the display token of Hall
Settings; it shows the numbers at the windows and the last called, hears each call through Frappe's
realtime and speaks it, and polls as well, so it recovers by itself after a network drop."""

from __future__ import annotations

import frappe

from insurance_hall.api.website import hall_page
from insurance_hall.services import queue

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	context.title = "叫号屏"
	context.token = str(frappe.form_dict.get("token") or "")[:80]
	context.error = (
		None
		if queue.display_token_ok(context.token)
		else "叫号屏口令不正确：请使用大厅设置中的叫号屏口令打开"
	)
	context.bureau = frappe.db.get_single_value("Hall Settings", "bureau_name") or ""
