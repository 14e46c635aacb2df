app_name = "insurance_hall"
app_title = "医保经办大厅"
app_publisher = "insurance_hall developers"
app_description = "County medical-insurance service hall: refusal filing, delay service, appointments, complaints, rongque, ratings"
app_email = "insurance_hall@example.org"
app_license = "mit"

export_python_type_annotations = True

before_install = "insurance_hall.setup.install.before_install"
after_install = "insurance_hall.setup.install.after_install"
after_migrate = "insurance_hall.setup.install.after_migrate"
before_uninstall = "insurance_hall.setup.install.before_uninstall"
before_tests = "insurance_hall.setup.install.before_tests"

# shipped as fixtures (insurance_hall/fixtures/), synced on install and by every migrate: the refusal
# sheet's Workflow, its states and actions, and the workspace's 我的待办 block; the workspace, its number
# cards and charts are standard records of the module. The staff's module profile is created once (install,
# migrate when missing) and then the admin's: setup/fixtures.ensure_module_profile
fixtures = [
	{"dt": "Custom HTML Block", "filters": [["name", "in", ["我的待办"]]]},
	{"dt": "Workflow", "filters": [["name", "in", ["说不事项提级管理"]]]},
	{
		"dt": "Workflow State",
		"filters": [["name", "in", ["草稿", "审批中", "退回补充", "已办理", "已说不", "已答复"]]],
	},
	{
		"dt": "Workflow Action Master",
		"filters": [
			["name", "in", ["提交审批", "能办", "提级", "确认说不", "退回补充", "重新提交", "记录答复"]]
		],
	},
]

update_website_context = "insurance_hall.api.website.update_website_context"

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
}
permission_query_conditions = {
	"Hall Complaint": "insurance_hall.services.complaint.query_conditions",
	"Complaint Referral": "insurance_hall.services.complaint.referral_query_conditions",
}

jinja = {"methods": ["insurance_hall.services.rating.receipt_invitation"]}
