"""The county's one rating scale (好差评) as the site holds it: every form's satisfaction tick reads it here."""

from __future__ import annotations

import frappe


def rating_scale() -> list[tuple[str, bool]]:
	"""(label, is_bad) of each level of Hall Settings.rating_levels, in order."""
	rows = frappe.get_all(
		"Rating Level",
		filters={"parenttype": "Hall Settings"},
		fields=["label", "is_bad"],
		order_by="idx asc",
	)
	return [(row.label, bool(row.is_bad)) for row in rows]
