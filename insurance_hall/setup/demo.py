"""Demo data of a county hall: staff users with their roles, departments, windows, service matters.

The data is `demo_data.json`; loading it twice changes nothing. A department may name the chain it
uses only if the applied profile has a chain of that name (`refusal_chain_if_present`).
"""

from __future__ import annotations

import json
from pathlib import Path

import frappe

from insurance_hall.setup.fixtures import STAFF_MODULE_PROFILE
from insurance_hall.setup.permissions import HALL_ADMIN

DEMO_FILE = Path(__file__).with_name("demo_data.json")


DEMO_EMAIL_ACCOUNT = "大厅通知发件箱（演示）"
# the demo hall's screen opens at /queue-display?token=… with this token (a county sets its own in Hall
# Settings; a token already set is kept)
DEMO_DISPLAY_TOKEN = "demo-hall-screen"


def load_demo(password: str = "Demo@2026", smtp_port: int = 2525, sms_port: int = 2626) -> dict[str, int]:
	data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
	summary = {"users": 0, "departments": 0, "windows": 0, "matters": 0, "cases": 0}
	for user in data["users"]:
		summary["users"] += make_user(user, password)
	frappe.db.set_single_value("Hall Settings", "main_leader", data["main_leader"])
	for department in data["departments"]:
		summary["departments"] += make_department(department)
	for window in data["windows"]:
		summary["windows"] += make_record("Service Window", window["window_no"], window)
	for matter in data["matters"]:
		summary["matters"] += make_record("Service Matter", matter["matter_name"], matter)
	for case in data.get("cases", []):
		summary["cases"] += make_case(case, data["main_leader"])
	summary["complaints"] = load_complaints(data)
	ensure_demo_email_account(smtp_port)
	ensure_demo_sms_gateway(sms_port)
	ensure_demo_display_token()
	frappe.db.set_single_value("Hall Settings", "records_officer", data["records_officer"])
	summary["delay_services"] = make_delay_services(data["delay_services"])
	summary["bookings"] = make_bookings(data.get("bookings", []))
	summary["refusal_sheets"] = sum(make_refusal_sheet(sheet) for sheet in data.get("refusal_sheets", []))
	summary["ratings"] = sum(make_rating(rating) for rating in data.get("ratings", []))
	return summary


def prepare_site() -> None:
	"""What a demo site needs before its data: the setup wizard done (Frappe's own step commits), Chinese."""
	complete_setup_wizard()
	set_site_language()


def make_rating(rating: dict) -> int:
	"""A rating of a finished demo case, recorded by a clerk of another window from the window's rating device or a phone
	call; a bad one starts its check by the window's department head."""
	from insurance_hall.services import rating as service

	case = frappe.db.get_value("Hall Case", {"applicant_name": rating["case_applicant"], "status": "已办结"})
	if not case or service.already_rated("Hall Case", case):
		return 0
	values = dict(rating["values"])
	values["level"] = level_on_this_scale(values["level"], service.rating_scale())
	previous = frappe.session.user
	try:
		frappe.set_user(rating["recorder"])
		service.new_rating("Hall Case", case, rating["channel"], values).insert()
	finally:
		frappe.set_user(previous)
	return 1


def level_on_this_scale(level: str, scale: list[tuple[str, bool]]) -> str:
	"""The demo's level on the county's own scale: the same label where the county has it, else its best
	level for a good rating and its worst for a bad one (the demo's levels are 沂南's five)."""
	labels = [label for label, _bad in scale]
	if level in labels or not scale:
		return level
	bad = level in ("不满意", "非常不满意")
	good_levels = [label for label, is_bad in scale if not is_bad]
	bad_levels = [label for label, is_bad in scale if is_bad]
	return (bad_levels[-1] if bad and bad_levels else good_levels[0]) if good_levels else labels[0]


def make_refusal_sheet(sheet: dict) -> int:
	"""A sheet of the demo day, filed by its clerk and taken up the chain through the refusal service,
	as each approver would from the Desk: some wait for a head, one for a deputy, one came back."""
	from frappe.utils import now_datetime

	from insurance_hall.rules import refusal as r
	from insurance_hall.services import refusal

	values = dict(sheet["values"])
	if values.get("refusal_chain") and not frappe.db.exists("Refusal Chain", values["refusal_chain"]):
		values.pop("refusal_chain")  # a chain of 沂南's: elsewhere the department's own chain applies
	if frappe.db.exists(
		"Refusal Sheet", {"applicant_name": values["applicant_name"], "matter": values["matter"]}
	):
		return 0
	previous = frappe.session.user
	try:
		frappe.set_user(sheet["clerk"])
		doc = frappe.get_doc({"doctype": "Refusal Sheet", "request_time": now_datetime(), **values}).insert()
		steps = [(sheet["clerk"], r.SUBMIT, "")] + [tuple(step) for step in sheet["actions"]]
		for named, action, opinion in steps:
			# an approver's step is taken by whoever the county's chain puts at the current level (the
			# demo names 沂南's people); a step the chain does not allow there ends the sheet's story
			user = named
			if action in r.APPROVER_ACTIONS:
				user = frappe.db.get_value("Refusal Sheet", doc.name, "current_approver") or named
			frappe.set_user(user)
			modified = str(frappe.db.get_value("Refusal Sheet", doc.name, "modified"))
			frappe.db.savepoint("demo_step")
			try:
				refusal.act(doc.name, action, opinion=opinion or None, seen_modified=modified)
			except frappe.ValidationError:
				frappe.db.rollback(save_point="demo_step")
				frappe.clear_messages()
				break
	finally:
		frappe.set_user(previous)
	return 1


def load_complaints(data: dict) -> int:
	"""The complaint window's leader and reviewer, and a few registered complaints (one referred)."""
	from insurance_hall.services import complaint

	frappe.db.set_single_value("Hall Settings", "complaint_window_leader", data["complaint_window_leader"])
	frappe.db.set_single_value("Hall Settings", "complaint_reviewer", data["complaint_reviewer"])
	made = 0
	for values in data.get("complaints", []):
		values = dict(values)
		refer = values.pop("refer_to_department", False)
		ago, at = values.pop("received_working_days_ago", 0), values.pop("received_time", "09:00:00")
		values["received_at"] = f"{working_days_ago(ago)} {at}"
		if frappe.db.exists("Hall Complaint", {"content": values["content"]}):
			continue
		if not frappe.db.exists("Complaint Channel", values["channel"]):
			continue  # the applied profile has no such channel
		doc = frappe.get_doc({"doctype": "Hall Complaint", **values})
		doc.insert(ignore_permissions=True)
		department = frappe.db.get_value("Service Window", doc.window, "department") if doc.window else None
		if refer and department and frappe.db.get_value("Hall Department", department, "head"):
			complaint.issue_referral(doc.name, department)
		made += 1
	return made


def demo_day():
	"""The day the demo is laid out on: today when the hall works today, else its last working day (a demo
	loaded on a Sunday or during the Spring Festival shows the hall's last day open)."""
	from frappe.utils import today

	from insurance_hall.services.calendar import last_working_day_on_or_before

	return last_working_day_on_or_before(today())


def working_days_ago(days: int):
	from insurance_hall.services.calendar import working_days_before

	return working_days_before(demo_day(), days)


HALL_WORKSPACE = "医保经办大厅"


def make_user(user: dict, password: str) -> int:
	if frappe.db.exists("User", user["email"]):
		doc = frappe.get_doc("User", user["email"])
		missing = set(user["roles"]) - {r.role for r in doc.roles}
		if missing:
			doc.add_roles(*missing)
		changed = False
		if not doc.module_profile and HALL_ADMIN not in user["roles"]:
			doc.module_profile = STAFF_MODULE_PROFILE
			changed = True
		if doc.meta.has_field("default_workspace") and not doc.default_workspace:
			doc.default_workspace = HALL_WORKSPACE
			changed = True
		if changed:
			doc.save(ignore_permissions=True)
		return 0
	doc = frappe.get_doc(
		{
			"doctype": "User",
			"email": user["email"],
			"first_name": user["first_name"],
			"language": "zh",
			"time_zone": "Asia/Shanghai",
			"send_welcome_email": 0,
			"user_type": "System User",
			"new_password": password,
			# staff see the hall's workspace, not Frappe's Build or Users; the admin keeps them all
			"module_profile": None if HALL_ADMIN in user["roles"] else STAFF_MODULE_PROFILE,
		}
	)
	# every hall user lands on the hall (the workspace sorts after other apps' for everyone else)
	if frappe.get_meta("User").has_field("default_workspace"):
		doc.default_workspace = HALL_WORKSPACE
	doc.flags.no_welcome_mail = True
	doc.insert(ignore_permissions=True)
	doc.add_roles(*user["roles"])
	return 1


def make_department(values: dict) -> int:
	values = dict(values)
	chain = values.pop("refusal_chain_if_present", None)
	if chain and frappe.db.exists("Refusal Chain", chain):
		values["refusal_chain"] = chain
	return make_record("Hall Department", values["department_name"], values)


def make_record(doctype: str, name: str, values: dict) -> int:
	if frappe.db.exists(doctype, name):
		return 0
	frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)
	return 1


def make_case(case: dict, leader: str) -> int:
	"""A case of the demo day, registered by its clerk and taken through its actions by the case
	service, as the clerk (and the main leader for an extension) would in the Desk."""
	from frappe.utils import today

	from insurance_hall.services import case as service
	from insurance_hall.services.calendar import add_working_days

	values = dict(case["values"])
	if frappe.db.exists(
		"Hall Case", {"applicant_name": values["applicant_name"], "service_matter": values["service_matter"]}
	):
		return 0
	received = set(values.pop("received", []))
	handed_over = set(values.pop("handed_over", []))
	previous = frappe.session.user
	frappe.set_user(case["clerk"])
	try:
		doc = frappe.get_doc({"doctype": "Hall Case", **values})
		doc.insert()
		for row in doc.materials:
			row.received = int(row.material in received)
			row.handed_over = int(row.material in handed_over)
		doc.save()
		for action in case["actions"]:
			if action == "accept":
				service.accept(doc.name)
			elif action == "finish":
				service.finish(doc.name)
			elif "rongque" in action and frappe.db.get_single_value("Hall Settings", "rongque_enabled"):
				promise = action["rongque"]
				service.accept_rongque(
					doc.name,
					[
						{
							"material": promise["material"],
							"supply_method": promise["supply_method"],
							"promised_date": add_working_days(today(), promise["working_days"]),
						}
					],
				)
			elif "refer" in action:
				service.refer(doc.name, action["refer"]["kind"], action["refer"]["department"])
			elif "extension" in action:
				ask = action["extension"]
				due = frappe.db.get_value("Hall Case", doc.name, "due_date")
				service.request_extension(doc.name, ask["reason"], add_working_days(due, ask["working_days"]))
				frappe.set_user(frappe.db.get_value("Hall Case", doc.name, "extension_approver") or leader)
				service.decide_extension(doc.name, True, ask["approver_opinion"])
				frappe.set_user(case["clerk"])
	finally:
		frappe.set_user(previous)
	return 1


def complete_setup_wizard() -> None:
	"""A demo site is ready to use: without this, every user but Administrator meets the setup wizard."""
	if int(frappe.db.get_single_value("System Settings", "setup_complete") or 0):
		return
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	setup_complete(
		{"language": "English", "country": "China", "timezone": "Asia/Shanghai", "currency": "CNY"}
	)


def set_site_language() -> None:
	frappe.db.set_single_value("System Settings", "language", "zh")
	frappe.db.set_single_value("System Settings", "time_zone", "Asia/Shanghai")


def ensure_demo_sms_gateway(port: int) -> None:
	"""The demo's SMS go to the local gateway sink scripts/demo starts (loopback only): Frappe's SMS
	Settings are the county's gateway in production, configuration like the mail account."""
	settings = frappe.get_single("SMS Settings")
	settings.update(
		{
			"sms_gateway_url": f"http://127.0.0.1:{port}/send",
			"message_parameter": "text",
			"receiver_parameter": "to",
			"use_post": 1,
		}
	)
	settings.save(ignore_permissions=True)


def ensure_demo_display_token() -> None:
	"""The hall's screen (叫号屏) opens only with a token: the demo sets a fixed one unless one is set."""
	from frappe.utils.password import get_decrypted_password

	if get_decrypted_password("Hall Settings", "Hall Settings", "queue_display_token", raise_exception=False):
		return
	settings = frappe.get_single("Hall Settings")
	settings.queue_display_token = DEMO_DISPLAY_TOKEN
	settings.save(ignore_permissions=True)


def ensure_demo_email_account(port: int) -> None:
	"""The demo's outgoing mail goes to the local SMTP sink scripts/demo starts (loopback only)."""
	values = {
		"email_id": "hall-demo@example.com",
		"enable_outgoing": 1,
		"default_outgoing": 1,
		"smtp_server": "127.0.0.1",
		"smtp_port": port,
		"use_tls": 0,
		"use_ssl": 0,
		"no_smtp_authentication": 1,
		"enable_incoming": 0,
	}
	if frappe.db.exists("Email Account", DEMO_EMAIL_ACCOUNT):
		doc = frappe.get_doc("Email Account", DEMO_EMAIL_ACCOUNT)
		doc.update(values)
		doc.save(ignore_permissions=True)
	else:
		frappe.get_doc(
			{"doctype": "Email Account", "email_account_name": DEMO_EMAIL_ACCOUNT, **values}
		).insert(ignore_permissions=True)


def make_delay_services(rows: list[dict]) -> int:
	"""A few delay-service records in every state, each made as its people would make it."""
	from insurance_hall.services import delay
	from insurance_hall.services.rating import rating_scale

	if frappe.db.count("Delay Service Record"):
		return 0
	signature = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	made = 0
	for row in rows:
		frappe.set_user(row["handler"])
		doc = frappe.get_doc(
			{
				"doctype": "Delay Service Record",
				"service_date": working_days_ago(row["days_ago"]),
				"window": row["window"],
				"served_until": row["served_until"],
				"service_matter": row.get("service_matter"),
				"matter_text": row.get("matter_text"),
				"citizen_name": row["citizen_name"],
				"citizen_phone": row["citizen_phone"],
				"handling_result": row["handling_result"],
				"satisfaction": level_on_this_scale(row["satisfaction"], rating_scale())
				if row.get("satisfaction")
				else None,
			}
		).insert()
		if row["confirm"]:
			delay.confirm_handler(doc.name)
			doc.reload()
			doc.citizen_confirmation = "屏幕签名"
			doc.citizen_signature = signature
			doc.save()
		if row["file"]:
			frappe.set_user(frappe.db.get_single_value("Hall Settings", "records_officer"))
			delay.file(doc.name)
		made += 1
	frappe.set_user("Administrator")
	return made


def make_bookings(rows: list[dict]) -> int:
	"""A few appointments on the next working days, each taken on its channel (the county's channels
	only), the clerk's at the desk, the citizen's from the public page."""
	from frappe.utils import today

	from insurance_hall.rules.booking import parse_channels
	from insurance_hall.services.calendar import add_working_days

	if frappe.db.count("Hall Booking"):
		return 0
	offered = parse_channels(frappe.db.get_single_value("Hall Settings", "booking_channels"))
	made = 0
	for row in rows:
		if row["channel"] not in offered:
			continue
		frappe.set_user(row["by"])
		doc = frappe.get_doc(
			{
				"doctype": "Hall Booking",
				"channel": row["channel"],
				"service_matter": row["service_matter"],
				"booking_date": add_working_days(today(), row["working_days_ahead"]),
				"slot_time": row["slot"],
				"applicant_name": row["applicant_name"],
				"contact_phone": row["contact_phone"],
			}
		)
		doc.flags.public_booking = row["by"] == "Guest"
		try:
			doc.insert(ignore_permissions=True)
			made += 1
		except frappe.ValidationError:
			# e.g. the matter has no window on this site: the demo goes on without it
			frappe.clear_messages()
	frappe.set_user("Administrator")
	return made
