# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import rectification


class HallRectification(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.hall_rectification_step.hall_rectification_step import (
			HallRectificationStep,
		)

		channel: DF.Literal["\u81ea\u6211\u6574\u6539", "\u534f\u8c03\u6574\u6539"] | None
		completed_at: DF.Datetime | None
		department: DF.Link | None
		due_date: DF.Date | None
		found_on: DF.Date
		measure: DF.SmallText | None
		problem: DF.Text
		problem_type: (
			DF.Literal["\u5373\u77e5\u5373\u6539", "\u9636\u6bb5\u6574\u6539", "\u957f\u671f\u6574\u6539"]
			| None
		)
		responsible: DF.Link
		result: DF.SmallText | None
		source: DF.Literal["\u68c0\u67e5", "\u6295\u8bc9", "\u8bc4\u4ef7", "\u81ea\u67e5"]
		source_doctype: DF.Link | None
		source_name: DF.DynamicLink | None
		status: DF.Literal["\u6574\u6539\u4e2d", "\u5f85\u9a8c\u8bc1", "\u5df2\u9500\u53f7"] | None
		steps: DF.Table[HallRectificationStep]
		verified_at: DF.Datetime | None
		verified_by: DF.Link | None
		verifier: DF.Link | None
		verify_note: DF.SmallText | None
	# end: auto-generated types

	def validate(self) -> None:
		rectification.prepare(self)

	def after_insert(self) -> None:
		rectification.after_insert(self)
