# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import incident


class HallIncident(HallRecord):
	def validate(self) -> None:
		incident.prepare(self)
