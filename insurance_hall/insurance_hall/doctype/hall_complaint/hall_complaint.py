# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.rules import complaint as c
from insurance_hall.services import complaint as service


class HallComplaint(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		anonymous: DF.Check
		channel: DF.Link
		closed_on: DF.Date | None
		closed_on_spot: DF.Check
		complainant_contact: DF.Data | None
		complainant_name: DF.Data | None
		content: DF.Text
		deduction: DF.Int
		department: DF.Link | None
		found_true: DF.Check
		found_true_by: DF.Link | None
		found_true_on: DF.Date | None
		handler_signed_at: DF.Datetime | None
		leader_signed_at: DF.Datetime | None
		no_messages: DF.Check
		outcome: DF.Literal[
			"\u529e\u7406\u4e2d",
			"\u5f53\u573a\u89e3\u51b3",
			"\u6309\u65f6\u89e3\u51b3",
			"\u8d85\u671f\u89e3\u51b3",
			"\u672a\u89e3\u51b3",
		]
		place: DF.Data | None
		received_at: DF.Datetime
		receiver: DF.Link | None
		reviewer_signed_at: DF.Datetime | None
		satisfied: DF.Literal["", "\u6ee1\u610f", "\u57fa\u672c\u6ee1\u610f", "\u4e0d\u6ee1\u610f"]
		staff: DF.Link | None
		summary_analysis: DF.Text | None
		summary_handler: DF.Link | None
		summary_leader: DF.Link | None
		summary_reviewer: DF.Link | None
		supervision_measures: DF.SmallText | None
		visit_by: DF.Link | None
		visit_satisfied: DF.Literal["", "\u6ee1\u610f", "\u57fa\u672c\u6ee1\u610f", "\u4e0d\u6ee1\u610f"]
		visit_solved: DF.Literal["", "\u662f", "\u5426"]
		visit_time: DF.Datetime | None
		window: DF.Link | None
		window_measures: DF.SmallText | None

	# end: auto-generated types
	def autoname(self) -> None:
		self.name = make_reference(self.received_at)

	def before_validate(self) -> None:
		service.defaults(self)

	def validate(self) -> None:
		self.validate_anonymous()
		self.validate_spot()
		self.validate_concerned()
		service.settle_on_spot(self)

	def on_trash(self) -> None:
		self.guard_delete()

	def validate_anonymous(self) -> None:
		if self.anonymous:
			self.complainant_name = None
			self.complainant_contact = None

	def validate_spot(self) -> None:
		error = c.spot_error(bool(self.closed_on_spot), self.window_measures)
		if error:
			frappe.throw(error)
		before = self.get_doc_before_save()
		if (
			before
			and before.closed_on_spot != self.closed_on_spot
			and (frappe.db.exists(service.REFERRAL, {"complaint": self.name}))
		):
			frappe.throw("该投诉已交办承办单，不能再改为当场解决")

	def validate_concerned(self) -> None:
		if self.window and not self.department:
			self.department = frappe.db.get_value("Service Window", self.window, "department")

	def guard_delete(self) -> None:
		if frappe.db.exists(service.REFERRAL, {"complaint": self.name}):
			frappe.throw("该投诉已交办承办单，登记记录须留存备查，不能删除", frappe.PermissionError)


def make_reference(received_at) -> str:
	"""TS-2026-00042: a short reference a citizen can read out on the phone, numbered per year of receipt.
	Knowing it opens nothing: the register is read by roles only, never by the reference alone."""
	from frappe.model.naming import make_autoname

	day = frappe.utils.getdate(received_at or frappe.utils.now_datetime())
	return make_autoname(f"TS-{day.year}-.#####")


def on_doctype_update() -> None:
	# the monthly report groups a month's complaints by window, department, channel and outcome
	# (covering: the aggregate reads the index only)
	frappe.db.add_index(
		"Hall Complaint",
		["received_at", "department", "window", "channel", "outcome", "satisfied", "found_true"],
		index_name="complaint_month_report",
	)
