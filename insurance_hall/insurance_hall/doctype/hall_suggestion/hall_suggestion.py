# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import suggestion


class HallSuggestion(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		adopted: DF.Check
		answer: DF.SmallText | None
		answered_by: DF.Link | None
		answered_on: DF.Datetime | None
		channel: DF.Literal[
			"\u7559\u8a00\u7c3f",
			"\u5c40\u957f\u4fe1\u7bb1",
			"\u670d\u52a1\u7535\u8bdd",
			"\u7a97\u53e3\u5f53\u9762",
			"\u5de5\u4f5c\u4eba\u5458\u63d0\u51fa",
			"\u7f51\u4e0a\u7559\u8a00",
		]
		content: DF.SmallText
		no_messages: DF.Check
		phone: DF.Data | None
		proposer: DF.Link | None
		proposer_name: DF.Data | None
		proposer_type: DF.Literal["\u670d\u52a1\u5bf9\u8c61", "\u5de5\u4f5c\u4eba\u5458"]
		received_on: DF.Date
		score_entry: DF.Link | None
		status: DF.Literal["\u5f85\u7b54\u590d", "\u5df2\u7b54\u590d"]
	# end: auto-generated types

	def validate(self) -> None:
		suggestion.prepare(self)

	def after_insert(self) -> None:
		suggestion.after_insert(self)
