"""What the hall admin (大厅管理员) may tailor in the Desk: the hall's own forms, and nothing else on the site.

Tailoring fields, print formats, notifications and number cards per county is what the app is for (the
brief: "their differences ... are configuration, tailored by the hall admin in the Desk"); a site may carry
other apps (ERPNext, HRMS, CRM), whose forms are not the hall admin's to change. A System Manager keeps
Frappe's own rights everywhere. Nothing here imports Frappe.
"""

from __future__ import annotations

from collections.abc import Collection

# the record that tailors a form, and the field of it that names the form it tailors
TAILORING: dict[str, str] = {
	"Custom Field": "dt",
	"Property Setter": "doc_type",
	"Print Format": "doc_type",
	"Notification": "document_type",
	"Number Card": "document_type",
}

# what the hall admin may do with each (Customize Form is the screen that writes the first two)
GRANTS: dict[str, tuple[str, ...]] = {
	"Customize Form": ("read", "write", "create"),
	"Custom Field": ("read", "write", "create", "delete"),
	"Property Setter": ("read", "write", "create", "delete"),
	"Print Format": ("read", "write", "create", "delete"),
	"Notification": ("read", "write", "create", "delete"),
	"Number Card": ("read", "write", "create", "delete"),
}


def tailoring_error(
	targets: Collection[str | None], hall_doctypes: Collection[str], roles: Collection[str], hall_admin: str
) -> str | None:
	"""Why this user may not tailor `targets` (the forms a change touches: before and after), or None.
	A System Manager may tailor any form; a hall admin only the hall's."""
	if "System Manager" in roles or "Administrator" in roles or hall_admin not in roles:
		return None
	outside = sorted({t for t in targets if t and t not in hall_doctypes})
	if not outside:
		return None
	return (
		f"大厅管理员只能定制本系统的表单（办件、投诉登记、说“不”事项等），不能定制“{'”“'.join(outside)}”；"
		"如确需定制，请联系系统管理员"
	)
