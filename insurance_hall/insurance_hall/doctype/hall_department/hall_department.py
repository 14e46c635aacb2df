# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

from frappe.model.document import Document

from insurance_hall.services import scope


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
	def on_update(self) -> None:
		self.sync_leaders_scope()

	def on_trash(self) -> None:
		self.drop_leaders_scope()

	def sync_leaders_scope(self) -> None:
		"""The head and deputy, old and new, see exactly the departments they lead (User Permission)."""
		before = self.get_doc_before_save()
		old = (before.head, before.deputy_in_charge) if before else ()
		scope.sync_users([self.head, self.deputy_in_charge, *old])

	def drop_leaders_scope(self) -> None:
		scope.forget_department(self.name)
