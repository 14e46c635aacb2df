"""Who must act now on a chain level: the named person of the department or settings, or the
stand-in named by a Substitute Assignment covering the day (the trail keeps both names)."""

from __future__ import annotations

from datetime import date

import frappe

from insurance_hall.rules.chain import (
	APPROVER_LABELS,
	APPROVERS,
	DEPARTMENT_HEAD,
	DEPUTY_IN_CHARGE,
	MAIN_LEADER,
)
from insurance_hall.rules.staffing import acting_user, first_not_recused, recusal_note


class RoutingError(frappe.ValidationError):
	pass


def named_approver(approver_type: str, department: str) -> str | None:
	# plain statements: every routed item reads these, and the query builder's parsing costs more than the read
	if approver_type in (DEPARTMENT_HEAD, DEPUTY_IN_CHARGE):
		column = "head" if approver_type == DEPARTMENT_HEAD else "deputy_in_charge"
		found = frappe.db.sql(f"select `{column}` from `tabHall Department` where name=%s", (department,))
		return found[0][0] if found else None
	if approver_type == MAIN_LEADER:
		return frappe.db.get_single_value("Hall Settings", "main_leader")
	return None


def assignments_on(user: str, on: date) -> list[tuple[str, str, date, date]]:
	rows = frappe.db.sql(
		"""select absent_user, substitute, from_date, to_date from `tabSubstitute Assignment`
		where absent_user=%s and from_date<=%s and to_date>=%s order by from_date asc""",
		(user, on, on),
	)
	return [(absent, substitute, start, end) for absent, substitute, start, end in rows]


def resolve(
	approver_type: str, department: str, on: date, about: tuple[str, ...] = ()
) -> tuple[str, str | None]:
	"""(the person who acts, the person they stand in for or None). `about`: the people the matter names
	(回避): when the named person or their stand-in is one of them, the next post up the chain (科室负责人 →
	分管领导 → 主要领导) takes it; `last_recusal()` then says why, for the trail."""
	person = named_approver(approver_type, department)
	if not person:
		where = "大厅设置" if approver_type == MAIN_LEADER else f"科室“{department}”"
		raise RoutingError(f"{where}未指定{APPROVER_LABELS[approver_type]}，无法送审：请大厅管理员先补充")
	actor = acting_user(person, on, assignments_on(person, on))
	frappe.local.insurance_hall_recusal = None
	if about and ({person, actor} & set(about)):
		return resolve_recused(approver_type, department, on, about, actor)
	return actor, (person if actor != person else None)


def resolve_recused(
	approver_type: str, department: str, on: date, about: tuple[str, ...], skipped: str
) -> tuple[str, str | None]:
	above = APPROVERS[APPROVERS.index(approver_type) + 1 :] if approver_type in APPROVERS else (MAIN_LEADER,)
	candidates = []
	for kind in above:
		named = named_approver(kind, department)
		if named:
			candidates.append((named, acting_user(named, on, assignments_on(named, on))))
	found = first_not_recused(candidates, about)
	if found is None:
		raise RoutingError("回避：本事项涉及的人员之外，审批链上已没有可以办理的人员，请大厅管理员另行指定")
	named, actor = found
	frappe.local.insurance_hall_recusal = recusal_note(who_is(skipped), who_is(actor))
	return actor, (named if actor != named else None)


def last_recusal() -> str | None:
	"""Why the last `resolve` passed someone over (回避), for the record's trail; None when it did not."""
	return getattr(frappe.local, "insurance_hall_recusal", None)


def who_is(user: str) -> str:
	"""A person as the trail names them: full name and login, so two namesakes stay apart (one helper for
	every trail: stand-ins, 回避)."""
	from frappe.utils import get_fullname

	name = get_fullname(user)
	return f"{name}（{user}）" if name and name != user else user


def name_of(user: str | None) -> str:
	"""A person as a message, a ToDo or a refusal names them: the full name (the login only when the account
	has none)."""
	from frappe.utils import get_fullname

	return (get_fullname(user) or user) if user else "（无人）"


def posts_of(user: str) -> list[str]:
	"""The approval posts `user` holds, in words: what a stand-in would take over from them."""
	posts = [
		f"{name}{APPROVER_LABELS[DEPARTMENT_HEAD]}"
		for name in frappe.get_all("Hall Department", filters={"head": user}, pluck="name")
	]
	posts += [
		f"{name}{APPROVER_LABELS[DEPUTY_IN_CHARGE]}"
		for name in frappe.get_all("Hall Department", filters={"deputy_in_charge": user}, pluck="name")
	]
	if frappe.db.get_single_value("Hall Settings", "main_leader") == user:
		posts.append(APPROVER_LABELS[MAIN_LEADER])
	# a window's A or B post: booked citizens are served by whoever stands in (预约服务)
	for post, field in (("A角", "a_staff"), ("B角", "b_staff")):
		posts += [
			f"{name}号窗口{post}"
			for name in frappe.get_all("Service Window", filters={field: user}, pluck="name")
		]
	return posts


def named_post(role: str) -> str | None:
	"""The one person the settings name for a role that is a single post (主要领导: the main leader), or None
	for a role many hold (科室负责人, 综合科): who acts there is then any holder of the role."""
	from insurance_hall.rules.roles import MAIN_LEADER as MAIN_LEADER_ROLE

	if role == MAIN_LEADER_ROLE:
		return frappe.db.get_single_value("Hall Settings", "main_leader") or None
	return None


def acting_for_today(user: str, on: date) -> str:
	"""Who acts for `user` on `on`: their stand-in, or themselves."""
	return acting_user(user, on, assignments_on(user, on))


def window_of(user: str) -> str | None:
	"""The window `user` staffs: the one where they hold the A post, else one where they are B."""
	for post in ("a_staff", "b_staff"):
		window = frappe.db.get_value("Service Window", {post: user, "in_service": 1}, "name")
		if window:
			return window
	return None
