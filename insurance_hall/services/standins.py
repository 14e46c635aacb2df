"""Stand-ins take over waiting work (代岗): when a Substitute Assignment covers today, everything
waiting for the absent person on every form moves to the stand-in; when it no longer does, what the
stand-in still holds for them goes back.

Each form that routes work to a named person registers a `Waiting` here: what waits for a person,
what a stand-in holds for them, and how one record moves (its ToDo, its trail). `reconcile` makes
the holder of every such record match today's assignments, so running it twice changes nothing;
the daily job and the assignment's own save both call it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import frappe
from frappe.utils import getdate, today

from insurance_hall.services import case, complaint, rating, refusal
from insurance_hall.rules.staffing import first_not_recused, recusal_note
from insurance_hall.services.routing import acting_for_today
from insurance_hall.services.routing import who_is as who


@dataclass(frozen=True)
class Waiting:
	"""A form whose records wait for a named person: `holder` names who holds a record now, `behalf`
	whom a stand-in holds it for (empty when the named person holds it), `pending` which records
	still wait. `move` hands one record over: (name, from_user, to_user, on_behalf_of or None, why),
	writing the form's own trail and moving its ToDo."""

	doctype: str
	pending: dict
	holder: str
	behalf: str
	move: Callable[[str, str, str, str | None, str], None]
	# the people a record is about (回避): a stand-in among them never takes it
	about: Callable[[str], tuple[str, ...]] = lambda name: ()

	def waiting_for(self, user: str) -> list[str]:
		"""Records waiting for `user` in person (nobody stands in yet)."""
		filters = {**self.pending, self.holder: user, self.behalf: ("is", "not set")}
		return frappe.get_all(self.doctype, filters=filters, pluck="name")

	def held_for(self, user: str) -> list[tuple[str, str]]:
		"""(record, holder) of the records a stand-in holds on behalf of `user`."""
		rows = frappe.get_all(
			self.doctype, filters={**self.pending, self.behalf: user}, fields=["name", self.holder]
		)
		return [(row.name, row[self.holder]) for row in rows]

	def absent_people(self) -> list[str]:
		"""Everyone a stand-in holds something for."""
		filters = {**self.pending, self.behalf: ("is", "set")}
		return frappe.get_all(self.doctype, filters=filters, pluck=self.behalf, distinct=True)


FORMS: tuple[Waiting, ...] = (
	# refusal sheets under approval wait for the current approver
	Waiting(
		refusal.DOCTYPE,
		{"workflow_state": refusal.r.PENDING},
		"current_approver",
		"acting_for",
		refusal.move_to,
		lambda name: (frappe.db.get_value(refusal.DOCTYPE, name, "first_responder"),),
	),
	# extension approvals of cases (办件延期) wait for the named approver
	Waiting(
		case.DOCTYPE,
		{"extension_status": case.r.EXT_PENDING},
		"extension_approver",
		"extension_acting_for",
		case.move_to,
		lambda name: (frappe.db.get_value(case.DOCTYPE, name, "handler"),),
	),
	# 承办单 (complaint referrals) still running wait for their receiver
	Waiting(
		complaint.REFERRAL,
		{"status": ("in", complaint.c.RUNNING)},
		"receiver",
		"acting_for",
		complaint.move_to,
		lambda name: (
			frappe.db.get_value(
				complaint.COMPLAINT, frappe.db.get_value(complaint.REFERRAL, name, "complaint"), "staff"
			),
		),
	),
	# bad ratings wait for their checker (核实, then 整改)
	Waiting(
		rating.DOCTYPE,
		{"state": ("in", rating.r.OPEN_STATES)},
		"checker",
		"checker_acting_for",
		rating.move_to,
		lambda name: (frappe.db.get_value(rating.DOCTYPE, name, "staff"),),
	),
)


def reconcile(user: str, on: date | str | None = None, why: str = "") -> int:
	"""Give every record waiting for `user` to whoever acts for them on `on`. Returns how many moved."""
	on = getdate(on or today())
	actor = acting_for_today(user, on)
	moved = 0
	for form in FORMS:
		if actor != user:
			reason = why or standin_reason(user, on)
			for name in form.waiting_for(user):
				taker, note = recused(form, name, actor, on)
				if not taker:
					continue
				form.move(
					name,
					user,
					taker,
					user,
					f"{who(user)} 不在岗（{reason}），由代岗人 {who(actor)} 办理{note}",
				)
				moved += 1
		for name, holder in form.held_for(user):
			if holder == actor:
				continue
			if actor == user:
				form.move(
					name,
					holder,
					user,
					None,
					f"{who(user)} 代岗期满返岗，{who(holder)} 代办的事项交回本人办理",
				)
			else:
				taker, note = recused(form, name, actor, on)
				if not taker or taker == holder:
					continue
				form.move(
					name,
					holder,
					taker,
					user,
					f"{who(user)} 的代岗人改为 {who(actor)}（{standin_reason(user, on)}）{note}",
				)
			moved += 1
	return moved


def recused(form: Waiting, name: str, actor: str, on: date) -> tuple[str | None, str]:
	"""回避: a stand-in the record is about never takes it; the main leader (or their stand-in) does, and the
	trail says why. (None, "") when the main leader is about it too: it stays where it is."""
	about = form.about(name)
	if actor not in about:
		return actor, ""
	leader = frappe.db.get_single_value("Hall Settings", "main_leader")
	found = first_not_recused([(leader, acting_for_today(leader, on))] if leader else [], about)
	if not found:
		return None, ""
	return found[1], f"；{recusal_note(who(actor), who(found[1]))}"


def standin_reason(user: str, on: date) -> str:
	row = frappe.get_all(
		"Substitute Assignment",
		filters={"absent_user": user, "from_date": ("<=", on), "to_date": (">=", on)},
		fields=["reason", "from_date", "to_date"],
		limit=1,
	)
	return f"{row[0].reason}，{row[0].from_date} 至 {row[0].to_date}" if row else "代岗授权已结束"


def run_daily(on: date | str | None = None) -> int:
	"""The daily job: assignments that start today take over, those that ended give back."""
	on = getdate(on or today())
	people = set(
		frappe.get_all(
			"Substitute Assignment",
			filters={"from_date": ("<=", on), "to_date": (">=", on)},
			pluck="absent_user",
		)
	)
	for form in FORMS:
		people.update(form.absent_people())
	moved = 0
	for user in sorted(people):
		frappe.db.savepoint("hall_standin")
		try:
			moved += reconcile(user, on)
		except Exception:
			frappe.db.rollback(save_point="hall_standin")
			frappe.log_error(title=f"{user} 的代岗交接失败")
	return moved
