# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import json

import frappe
from frappe import _
from frappe.model.document import Document

from insurance_hall.rules.booking import booking_hours_error, channels_error
from insurance_hall.rules.delay import hours_error, parse_hhmm
from insurance_hall.rules.incident import section_errors as incident_errors
from insurance_hall.rules.score import table_errors
from insurance_hall.rules.profile import (
	BOOKING_TIME_SETTINGS,
	SETTINGS,
	TIME_SETTINGS,
	rating_scale_errors,
)
from insurance_hall.services import scope


class HallSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.hall_register.hall_register import HallRegister
		from insurance_hall.insurance_hall.doctype.rating_level.rating_level import RatingLevel

		appointment_phone: DF.Data | None
		bad_rating_check_hours: DF.Int
		bad_rating_checker: DF.Literal["Department Head", "Deputy In Charge", "Main Leader"]
		bad_rating_fix_days: DF.Int
		booking_capacity: DF.Int
		booking_channels: DF.Data | None
		booking_days_ahead: DF.Int
		booking_end_time: DF.Time | None
		booking_on_rest_days: DF.Check
		booking_slot_minutes: DF.Int
		booking_start_time: DF.Time | None
		bureau_name: DF.Data
		business_env_office: DF.Data | None
		case_remind_days: DF.Int
		closing_time: DF.Time | None
		complaint_phone: DF.Data | None
		complaint_reviewer: DF.Link | None
		complaint_solve_days: DF.Int
		complaint_window_leader: DF.Link | None
		complaint_window_leader_post: DF.Data | None
		county_name: DF.Data
		default_refusal_chain: DF.Link | None
		extension_approver: DF.Literal["Department Head", "Deputy In Charge", "Main Leader"]
		extension_notice_days: DF.Int
		incident_rules: DF.Code | None
		main_leader: DF.Link | None
		no_show_limit: DF.Int
		noon_closing_time: DF.Time | None
		noon_opening_time: DF.Time | None
		opening_time: DF.Time | None
		profile_key: DF.Data | None
		proxy_promised_matters: DF.Check
		proxy_special_groups_only: DF.Check
		queue_display_token: DF.Password | None
		queue_priority_groups: DF.Data | None
		rating_levels: DF.Table[RatingLevel]
		rating_link_hours: DF.Int
		rectification_days: DF.Int
		records_officer: DF.Link | None
		refusal_answer_days: DF.Int
		registers: DF.Table[HallRegister]
		rongque_enabled: DF.Check
		rongque_remind_days: DF.Int
		score_table: DF.Code | None

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_score_table()
		self.validate_incident_rules()
		self.validate_thresholds()
		self.validate_rating_scale()
		self.validate_hours()
		self.validate_booking()

	def validate_score_table(self) -> None:
		"""The admin tailors the county's 月度考评表 here: it must be one the score can be counted from."""
		if not (self.score_table or "").strip():
			self.score_table = ""
			return
		try:
			table = json.loads(self.score_table)
		except ValueError:
			frappe.throw(_("月度考评表不是有效的 JSON"), title=_("月度考评表有误"))
		errors = table_errors(table)
		if errors:
			frappe.throw("<br>".join(errors), title=_("月度考评表有误"))

	def validate_incident_rules(self) -> None:
		"""The admin tailors whom an incident is reported to here: a section the register can route by."""
		if not (self.incident_rules or "").strip():
			self.incident_rules = ""
			return
		try:
			section = json.loads(self.incident_rules)
		except ValueError:
			frappe.throw(_("突发事件报告设置不是有效的 JSON"), title=_("突发事件报告设置有误"))
		errors = incident_errors(section)
		if errors:
			frappe.throw("<br>".join(errors), title=_("突发事件报告设置有误"))

	def validate_hours(self) -> None:
		from insurance_hall.setup.profile import time_text

		times = [parse_hhmm(time_text(self.get(key))) for key in TIME_SETTINGS]
		if times[0] is None and not any(times):
			return  # a site not yet set up; the delay-service log asks for the closing time when used
		error = hours_error(*times)
		if error:
			frappe.throw(error, title=_("作息时间设置有误"))

	def validate_booking(self) -> None:
		from insurance_hall.setup.profile import time_text

		start, end = (parse_hhmm(time_text(self.get(k))) for k in BOOKING_TIME_SETTINGS)
		if start is None and end is None and not self.booking_channels:
			return  # a site not yet set up: the profile fills these in
		error = booking_hours_error(start, end) or channels_error(self.booking_channels)
		if error:
			frappe.throw(error, title=_("预约服务设置有误"))

	def on_update(self) -> None:
		self.sync_main_leader_scope()

	def sync_main_leader_scope(self) -> None:
		"""The main leader sees every department; a former one is limited to what they still lead."""
		before = self.get_doc_before_save()
		scope.sync_users([self.main_leader, before.main_leader if before else None])

	def validate_thresholds(self) -> None:
		for key, (kind, minimum) in SETTINGS.items():
			if kind is int and minimum is not None and (self.get(key) or 0) < minimum:
				label = _(self.meta.get_label(key))
				frappe.throw(_("{0} 不能小于 {1}").format(label, minimum), title=_("设置有误"))

	def validate_rating_scale(self) -> None:
		if not self.rating_levels:
			return
		scale = [{"label": row.label, "is_bad": bool(row.is_bad)} for row in self.rating_levels]
		errors = rating_scale_errors(scale)
		if errors:
			frappe.throw("<br>".join(errors), title=_("评价等级设置有误"))
