# Copyright (c) 2026, insurance_hall developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from insurance_hall.rules.staffing import overlapping_period, substitute_errors
from insurance_hall.services import standins
from insurance_hall.services.routing import posts_of


class SubstituteAssignment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		absent_user: DF.Link
		department: DF.Link | None
		from_date: DF.Date
		reason: DF.SmallText
		substitute: DF.Link
		to_date: DF.Date

	# end: auto-generated types
	def validate(self) -> None:
		self.validate_people_and_dates()
		self.validate_absent_holds_a_post()
		self.validate_no_overlap()

	def on_update(self) -> None:
		self.hand_over_waiting_work()

	def after_delete(self) -> None:
		self.hand_over_waiting_work()

	def validate_absent_holds_a_post(self) -> None:
		if not posts_of(self.absent_user):
			frappe.throw(
				_(
					"{0} 不是任何科室的负责人、分管领导、局主要领导或窗口的A角、B角，没有需要他人代为办理的事项，无需代岗授权"
				).format(self.absent_user),
				title=_("代岗授权有误"),
			)

	def hand_over_waiting_work(self) -> None:
		"""What waits for the absent person moves to the stand-in today, or comes back (idempotent)."""
		standins.reconcile(self.absent_user)

	def validate_people_and_dates(self) -> None:
		errors = substitute_errors(
			self.absent_user, self.substitute, getdate(self.from_date), getdate(self.to_date)
		)
		if errors:
			frappe.throw("<br>".join(errors), title=_("代岗授权有误"))

	def validate_no_overlap(self) -> None:
		others = frappe.get_all(
			"Substitute Assignment",
			filters={"absent_user": self.absent_user, "name": ("!=", self.name or "")},
			fields=["name", "from_date", "to_date"],
			as_list=True,
		)
		clash = overlapping_period(getdate(self.from_date), getdate(self.to_date), others)
		if clash:
			frappe.throw(
				_("{0} 在 {1} 至 {2} 已有代岗授权（{3}），同一时段只能指定一名代岗人").format(
					self.absent_user, clash[1], clash[2], clash[0]
				),
				title=_("代岗授权有误"),
			)
