# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document


class HallIncidentReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		post: DF.Data | None
		reported_at: DF.Datetime | None
		reported_by: DF.Link | None
		reported_to: DF.Link | None
		to_whom: DF.Data | None
		way: DF.Literal["\u7535\u8bdd", "\u4e66\u9762"] | None
	# end: auto-generated types

	pass
