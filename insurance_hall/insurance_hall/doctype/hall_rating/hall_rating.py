# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from insurance_hall.services import rating


class HallRating(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

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
