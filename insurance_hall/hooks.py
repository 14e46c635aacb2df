app_name = "insurance_hall"
app_title = "医保经办大厅"
app_publisher = "insurance_hall developers"
app_description = "County medical-insurance service hall: refusal filing, delay service, appointments, complaints, rongque, ratings"
app_email = "insurance_hall@example.org"
app_license = "mit"

export_python_type_annotations = True

before_install = "insurance_hall.setup.install.before_install"
after_install = "insurance_hall.setup.install.after_install"
before_migrate = "insurance_hall.setup.install.before_migrate"
after_migrate = "insurance_hall.setup.install.after_migrate"
before_uninstall = "insurance_hall.setup.install.before_uninstall"
before_tests = "insurance_hall.setup.install.before_tests"

# shipped as fixtures (insurance_hall/fixtures/), synced on install and by every migrate: the refusal
# sheet's Workflow and the workspace's 我的待办 block; the workspace, its number cards and charts are
# standard records of the module. The staff's module profile and the workflow's states and actions (common
# words another app may own) are created when missing, never overwritten: setup/fixtures.ensure_*
fixtures = [
	{"dt": "Custom HTML Block", "filters": [["name", "in", ["我的待办"]]]},
	{"dt": "Workflow", "filters": [["name", "in", ["说不事项提级管理"]]]},
]

update_website_context = "insurance_hall.api.website.update_website_context"
before_request = ["insurance_hall.api.website.guest_language"]

# the hall admin tailors the hall's own forms only (services/tailoring.py): each record that tailors a
# form is checked on every write; nothing changes for any other user
_TAILORING_GUARD = {
	event: "insurance_hall.services.tailoring.guard" for event in ("before_insert", "validate", "on_trash")
}
doc_events = {
	"User": {"on_update": "insurance_hall.services.scope.on_user_update"},
	"Custom Field": _TAILORING_GUARD,
	"Property Setter": _TAILORING_GUARD,
	"Print Format": _TAILORING_GUARD,
	"Notification": _TAILORING_GUARD,
	"Number Card": _TAILORING_GUARD,
}

# Customize Form opens for the hall admin on the hall's forms only; for a System Manager it is Frappe's own
override_doctype_class = {
	"Customize Form": "insurance_hall.services.tailoring.HallCustomizeForm",
}

scheduler_events = {
	"daily": ["insurance_hall.tasks.daily"],
	"hourly": ["insurance_hall.tasks.hourly"],
}

override_whitelisted_methods = {
	"frappe.client.get_count": "insurance_hall.api.platform.get_count",
}

# the staff member a complaint names never sees it, whatever roles they hold
has_permission = {
	"Hall Complaint": "insurance_hall.services.complaint.has_permission",
	"Complaint Referral": "insurance_hall.services.complaint.has_permission",
	"Hall Score Entry": "insurance_hall.services.score_month.entry_permission",
	"Hall Suggestion": "insurance_hall.services.suggestion.has_permission",
}
permission_query_conditions = {
	"Hall Complaint": "insurance_hall.services.complaint.query_conditions",
	"Complaint Referral": "insurance_hall.services.complaint.referral_query_conditions",
	"Hall Score Entry": "insurance_hall.services.score_month.entry_query",
	"Hall Suggestion": "insurance_hall.services.suggestion.query_conditions",
}

jinja = {
	"methods": [
		"insurance_hall.services.rating.receipt_invitation",
		"insurance_hall.services.score_month.print_sheet",
	]
}
