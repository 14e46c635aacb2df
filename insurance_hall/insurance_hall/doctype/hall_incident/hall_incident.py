# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from insurance_hall.hall_record import HallRecord
from insurance_hall.services import incident


class HallIncident(HallRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.hall_incident_report.hall_incident_report import (
			HallIncidentReport,
		)
		from insurance_hall.insurance_hall.doctype.hall_incident_step.hall_incident_step import (
			HallIncidentStep,
		)

		arrived_at: DF.Datetime | None
		arrived_by: DF.Link | None
		closed_at: DF.Datetime | None
		closed_by: DF.Link | None
		department: DF.Link | None
		description: DF.Text
		follow_up: DF.Text | None
		kind: DF.Literal[
			"\u4eba\u5458\u805a\u96c6",
			"\u77db\u76fe\u51b2\u7a81",
			"\u7cfb\u7edf\u6545\u969c",
			"\u7fa4\u4f17\u7a81\u53d1\u75be\u75c5",
			"\u5176\u4ed6",
		]
		measures: DF.Text | None
		occurred_at: DF.Datetime
		outcome: DF.Text | None
		place: DF.Data | None
		reports: DF.Table[HallIncidentReport]
		status: DF.Literal["\u5904\u7f6e\u4e2d", "\u5df2\u7ed3\u675f"] | None
		steps: DF.Table[HallIncidentStep]
		window: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		incident.prepare(self)
