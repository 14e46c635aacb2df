# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt


from insurance_hall.hall_record import HallRecord
from insurance_hall.services import delay


class DelayServiceVisit(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		citizen_name: DF.Data | None
		opinion: DF.SmallText
		record: DF.Link
		satisfaction: DF.Autocomplete | None
		visited_by: DF.Link | None
		visited_on: DF.Date
		window: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		delay.prepare_visit(self)
