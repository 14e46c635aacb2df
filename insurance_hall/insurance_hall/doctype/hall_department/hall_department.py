# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document


class HallDepartment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from insurance_hall.insurance_hall.doctype.department_duty.department_duty import DepartmentDuty

		department_name: DF.Data
		deputy_in_charge: DF.Link | None
		duties: DF.Table[DepartmentDuty]
		head: DF.Link | None
		phone: DF.Data | None
		refusal_chain: DF.Link | None
		room: DF.Data | None
	# end: auto-generated types
	# people are Link fields to User: the platform refuses a head or deputy who is not a user
	pass
