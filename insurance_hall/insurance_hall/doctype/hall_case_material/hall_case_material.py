# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document


class HallCaseMaterial(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		handed_over: DF.Check
		material: DF.Data
		may_be_missing: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		promised_date: DF.Date | None
		received: DF.Check
		supplied_on: DF.Date | None
		supply_method: DF.Data | None
	# end: auto-generated types
	pass
