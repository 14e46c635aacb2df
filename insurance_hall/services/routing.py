"""Who must act now on a chain level: the named person of the department or settings, or the
stand-in named by a Substitute Assignment covering the day (the trail keeps both names)."""

from __future__ import annotations

from datetime import date

import frappe

from insurance_hall.rules.chain import APPROVER_LABELS, DEPARTMENT_HEAD, DEPUTY_IN_CHARGE, MAIN_LEADER
from insurance_hall.rules.staffing import acting_user


class RoutingError(frappe.ValidationError):
	pass


def named_approver(approver_type: str, department: str) -> str | None:
	if approver_type == DEPARTMENT_HEAD:
		return frappe.db.get_value("Hall Department", department, "head")
	if approver_type == DEPUTY_IN_CHARGE:
		return frappe.db.get_value("Hall Department", department, "deputy_in_charge")
	if approver_type == MAIN_LEADER:
		return frappe.db.get_single_value("Hall Settings", "main_leader")
	return None


def assignments_on(user: str, on: date) -> list[tuple[str, str, date, date]]:
	rows = frappe.get_all(
		"Substitute Assignment",
		filters={"absent_user": user, "from_date": ("<=", on), "to_date": (">=", on)},
		fields=["absent_user", "substitute", "from_date", "to_date"],
		order_by="from_date asc",
	)
	return [(r.absent_user, r.substitute, r.from_date, r.to_date) for r in rows]


def resolve(approver_type: str, department: str, on: date) -> tuple[str, str | None]:
	"""(the person who acts, the person they stand in for or None)."""
	person = named_approver(approver_type, department)
	if not person:
		where = "大厅设置" if approver_type == MAIN_LEADER else f"科室“{department}”"
		raise RoutingError(f"{where}未指定{APPROVER_LABELS[approver_type]}，无法送审：请大厅管理员先补充")
	actor = acting_user(person, on, assignments_on(person, on))
	return actor, (person if actor != person else None)


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
