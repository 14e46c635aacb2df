# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document


class HallDepartment(Document):
	# people are Link fields to User: the platform refuses a head or deputy who is not a user
	pass
