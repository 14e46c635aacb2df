# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import score_month


class HallScoreMonth(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insurance_hall.insurance_hall.doctype.hall_score_month_step.hall_score_month_step import (
			HallScoreMonthStep,
		)
		from insurance_hall.insurance_hall.doctype.hall_score_title.hall_score_title import HallScoreTitle

		best_windows: DF.Data | None
		level: DF.Int
		month: DF.Int
		published_by: DF.Link | None
		published_on: DF.Datetime | None
		sheets: DF.LongText | None
		status: DF.Literal[
			"\u8bc4\u5b9a\u4e2d", "\u5ba1\u6838\u4e2d", "\u5df2\u786e\u8ba4", "\u5df2\u516c\u793a"
		]
		steps: DF.Table[HallScoreMonthStep]
		titles: DF.Table[HallScoreTitle]
		waiting_for: DF.Data | None
		worst_windows: DF.Data | None
		year: DF.Int
	# end: auto-generated types

	def autoname(self) -> None:
		score_month.span_or_refuse(self.year, self.month)
		self.name = score_month.month_name(self.year, self.month)

	def validate(self) -> None:
		score_month.prepare_month(self)
