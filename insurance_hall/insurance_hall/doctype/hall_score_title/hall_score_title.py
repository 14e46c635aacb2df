# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document


class HallScoreTitle(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.SmallText | None
		staff: DF.Link | None
		title: DF.Autocomplete
		window: DF.Link | None
	# end: auto-generated types
	pass
