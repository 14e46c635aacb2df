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

doc_events = {
	"User": {"on_update": "insurance_hall.services.scope.on_user_update"},
}

scheduler_events = {
	"daily": ["insurance_hall.tasks.daily"],
	"hourly": ["insurance_hall.tasks.hourly"],
}
