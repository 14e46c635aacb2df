"""Rules on who works where: A/B posts and substitute assignments (pure, no frappe).

001 万州《同岗替代制度》: "窗口常驻工作人员（即A角）不在岗时，应由相同或相似岗位的工作人员（即B角）代行其职责。"
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def same_ab_staff_error(a_staff: str | None, b_staff: str | None) -> str | None:
	"""The B role stands in when A is away, so A and B must be two people."""
	if a_staff and b_staff and a_staff == b_staff:
		return "A角和B角不能是同一人：B角须在A角不在岗时代行其职责"
	return None


def substitute_errors(
	absent_user: str | None, substitute: str | None, from_date: date, to_date: date
) -> list[str]:
	"""A stand-in is someone else, for a period that ends on or after the day it starts."""
	errors: list[str] = []
	if absent_user and substitute and absent_user == substitute:
		errors.append("代岗人不能是被代岗人本人")
	if from_date and to_date and to_date < from_date:
		errors.append(f"结束日期 {to_date} 早于开始日期 {from_date}")
	return errors


def overlapping_period(
	from_date: date, to_date: date, others: Iterable[tuple[str, date, date]]
) -> tuple[str, date, date] | None:
	"""The first other period (name, from, to) sharing a day with [from_date, to_date], if any.

	One absent person has one stand-in at a time, or routing could not tell who acts.
	"""
	for name, other_from, other_to in others:
		if other_from <= to_date and from_date <= other_to:
			return name, other_from, other_to
	return None


def acting_user(user: str, on: date, assignments: Iterable[tuple[str, str, date, date]]) -> str:
	"""Who acts for `user` on day `on`: the substitute of an assignment covering that day, else the user.

	`assignments` are (absent_user, substitute, from_date, to_date).
	"""
	for absent_user, substitute, from_date, to_date in assignments:
		if absent_user == user and from_date <= on <= to_date:
			return substitute
	return user


def first_not_recused(candidates: Iterable[tuple[str, str]], about: Iterable[str]) -> tuple[str, str] | None:
	"""回避: nobody handles a matter about themselves. `candidates` are (named person, who acts for them
	today) in the order the chain or the profile names them; the first pair whose actor and named person
	are both outside `about` (the people the matter names) takes it; None when every one is recused."""
	about = {person for person in about if person}
	for named, actor in candidates:
		if named and actor and named not in about and actor not in about:
			return named, actor
	return None


def recusal_note(skipped: str, taken_by: str) -> str:
	return f"回避：{skipped} 是本事项涉及的人员，不能办理，改由 {taken_by} 办理"


def window_title(window_no: str | None, window_name: str | None) -> str:
	"""How people name a window, on the Desk as on the public pages: "1号窗口 参保登记窗口"."""
	number = f"{window_no}号窗口" if window_no else ""
	return " ".join(part for part in (number, (window_name or "").strip()) if part)
