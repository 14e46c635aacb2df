"""Sites installed before the quarterly report's index (decided_level_type, outcome, request_time)
was declared in `on_doctype_update` did not get it: migrate adds it (idempotent)."""

import frappe

INDEX_FIELDS = ["decided_level_type", "outcome", "request_time"]


def execute() -> None:
	frappe.db.add_index("Refusal Sheet", INDEX_FIELDS)
