# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import rectification


class HallRectification(HallRecord):
	def validate(self) -> None:
		rectification.prepare(self)

	def after_insert(self) -> None:
		rectification.after_insert(self)
