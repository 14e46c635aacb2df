# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import queue


class HallQueueTicket(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		applicant_name: DF.Data | None
		booking: DF.Link | None
		called_at: DF.Datetime | None
		called_by: DF.Link | None
		finished_at: DF.Datetime | None
		from_window: DF.Link | None
		hall_case: DF.Link | None
		issued_at: DF.Datetime | None
		phone: DF.Data | None
		priority_group: DF.Data | None
		queue_date: DF.Date | None
		queue_prefix: DF.Data | None
		recalls: DF.Int
		seq: DF.Int
		served_at: DF.Datetime | None
		service_matter: DF.Link | None
		service_minutes: DF.Float
		slot_end: DF.Datetime | None
		slot_start: DF.Datetime | None
		status: DF.Literal[
			"\u7b49\u5019",
			"\u53eb\u53f7\u4e2d",
			"\u529e\u7406\u4e2d",
			"\u6682\u6302",
			"\u8fc7\u53f7",
			"\u5df2\u8f6c\u79fb",
			"\u5df2\u529e\u7ed3",
		]
		ticket_no: DF.Data | None
		transfers: DF.Int
		transferred_at: DF.Datetime | None
		wait_minutes: DF.Float
		window: DF.Link | None
	# end: auto-generated types

	def autoname(self) -> None:
		self.name = queue.record_name(self)

	def validate(self) -> None:
		queue.measure(self)
