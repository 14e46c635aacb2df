# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import score_month


class HallScoreEntry(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		basis: DF.SmallText
		entered_by: DF.Link | None
		entered_on: DF.Datetime | None
		event: DF.Autocomplete | None
		item: DF.Autocomplete
		item_label: DF.Data | None
		month: DF.Int
		points: DF.Float
		staff: DF.Link
		staff_name: DF.Data | None
		times: DF.Int
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		score_month.prepare_entry(self)

	def on_trash(self) -> None:
		score_month.guard_entry_delete(self)


def on_doctype_update() -> None:
	"""The month's entries are read by (year, month) and worker (services/score.month_events)."""
	frappe.db.add_index("Hall Score Entry", ["year", "month", "staff"])
