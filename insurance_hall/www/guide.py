"""办事指南: every published service matter's guide, and the index by department (附件2 科室职责（服务）清单),
public and phone-sized, in Chinese. `/guide` is the index; `/guide?matter=<name>` one matter's guide."""

from __future__ import annotations

import frappe

from insurance_hall.api.website import hall_page
from insurance_hall.services import guide

no_cache = 1


def get_context(context) -> None:
	hall_page(context)
	context.no_cache = 1
	context.show_sidebar = False
	matter = frappe.form_dict.get("matter")
	if matter:
		context.guide = guide.guide(matter)
		if context.guide is None:
			context.http_status_code = 404
			context.title = "未找到该事项"
			context.facts = guide.hall_facts()
			return
		context.title = f"办事指南：{context.guide['title']}"
		return
	context.title = "医保经办服务事项办事指南"
	context.departments = guide.index()
	context.facts = guide.hall_facts()
