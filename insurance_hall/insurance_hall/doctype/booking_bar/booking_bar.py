# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord


class BookingBar(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		applicant_name: DF.Data | None
		barred_on: DF.Datetime | None
		id_number: DF.Data | None
		lift_reason: DF.SmallText | None
		lifted_by: DF.Link | None
		lifted_on: DF.Datetime | None
		no_shows: DF.Int
		phone_key: DF.Data | None
		status: DF.Literal["\u9650\u5236\u4e2d", "\u5df2\u89e3\u9664"]
	# end: auto-generated types
