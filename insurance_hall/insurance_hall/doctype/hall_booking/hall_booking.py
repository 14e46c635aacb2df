# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import booking


class HallBooking(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		applicant_confirmation: DF.Literal["", "\u5c4f\u5e55\u7b7e\u540d", "\u7eb8\u8d28\u7b7e\u5b57"]
		applicant_name: DF.Data
		applicant_signature: DF.Signature | None
		booking_date: DF.Date
		cancel_reason: DF.SmallText | None
		channel: DF.Literal["\u7a97\u53e3", "\u7535\u8bdd", "\u7f51\u4e0a"]
		contact_phone: DF.Data
		handled_at: DF.Datetime | None
		handler: DF.Link | None
		handling_result: DF.SmallText | None
		id_number: DF.Data | None
		materials_notice: DF.SmallText | None
		no_messages: DF.Check
		no_show_marked_at: DF.Datetime | None
		note: DF.SmallText | None
		on_duty: DF.Link | None
		phone_key: DF.Data | None
		received_at: DF.Datetime | None
		receiver: DF.Link | None
		reminder_sent: DF.Check
		satisfaction: DF.Autocomplete | None
		satisfaction_is_bad: DF.Check
		service_matter: DF.Link
		signed_copy: DF.Attach | None
		slot_end: DF.Time | None
		slot_time: DF.Time
		status: DF.Literal["\u5df2\u9884\u7ea6", "\u5df2\u529e\u7406", "\u723d\u7ea6", "\u5df2\u53d6\u6d88"]
		window: DF.Link
	# end: auto-generated types

	def validate(self) -> None:
		if self.is_new():
			booking.prepare_new(self)
		else:
			booking.prepare_existing(self)

	def after_insert(self) -> None:
		booking.after_insert(self)


def on_doctype_update() -> None:
	# the places of one slot are counted under a lock: an index range, not a scan
	frappe.db.add_index("Hall Booking", ["window", "booking_date", "slot_time"])
	# the no-show job reads the bookings still open up to today
	frappe.db.add_index("Hall Booking", ["status", "booking_date"])
