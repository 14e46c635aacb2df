# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import rating


class HallRating(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		auto_escalated: DF.Check
		bad_reasons: DF.SmallText | None
		channel: DF.Literal[
			"\u94fe\u63a5\u6216\u4e8c\u7ef4\u7801",
			"\u7a97\u53e3\u8bc4\u4ef7\u5668",
			"\u7535\u8bdd",
			"\u5ef6\u65f6\u670d\u52a1\u767b\u8bb0\u8868",
			"\u9884\u7ea6\u670d\u52a1\u7533\u8bf7\u8868",
		]
		check_conclusion: DF.Literal[
			"", "\u8bef\u8bc4", "\u6076\u610f\u5dee\u8bc4", "\u5dee\u8bc4\u5c5e\u5b9e"
		]
		check_note: DF.SmallText | None
		checked_on: DF.Datetime | None
		checker: DF.Link | None
		checker_full_name: DF.Data | None
		checker_acting_for: DF.Link | None
		department: DF.Link | None
		due_at: DF.Datetime | None
		due_date: DF.Date | None
		fix_report: DF.Text | None
		fixed_on: DF.Datetime | None
		guidance_clear: DF.Literal["", "\u662f", "\u5426"]
		interface_friendly: DF.Literal["", "\u662f", "\u5426"]
		is_bad: DF.Check
		is_overdue: DF.Check
		level: DF.Data
		materials_lean: DF.Literal["", "\u662f", "\u5426"]
		matter_text: DF.Data | None
		procedure_convenient: DF.Literal["", "\u662f", "\u5426"]
		rated_on: DF.Datetime | None
		rater_name: DF.Data | None
		rater_phone: DF.Data | None
		recorded_by: DF.Link | None
		reference_doctype: DF.Link
		reference_name: DF.DynamicLink
		reminder_sent: DF.Check
		service_date: DF.Date | None
		service_matter: DF.Link | None
		staff: DF.Link | None
		staff_full_name: DF.Data | None
		state: DF.Literal[
			"\u5df2\u8bc4\u4ef7",
			"\u5f85\u6838\u5b9e",
			"\u5f85\u6574\u6539",
			"\u5f85\u56de\u8bbf",
			"\u5df2\u529e\u7ed3",
			"\u4e0d\u4e88\u91c7\u7eb3",
		]
		suggestion: DF.SmallText | None
		visit_note: DF.SmallText | None
		visited_by: DF.Link | None
		visited_on: DF.Datetime | None
		window: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		rating.prepare(self)

	def after_insert(self) -> None:
		rating.after_insert(self)

	def on_trash(self) -> None:
		rating.refuse_delete(self)


def on_doctype_update() -> None:
	# 一事一评: one rating per service, kept by the database, not only by a check
	frappe.db.add_unique("Hall Rating", ["reference_doctype", "reference_name"], "unique_rated_service")
	# the monthly tally reads one month per window and staff member: an index range scan
	frappe.db.add_index("Hall Rating", ["service_date", "window"])
