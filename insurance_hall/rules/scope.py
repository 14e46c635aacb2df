"""Whose records a leader sees (pure).

003 南阳: "科室（单位）负责人要综合研判" and "分管领导要组织审核研判": a department head answers for the
records of their own department, a deputy for the departments in their charge, and the main leader
("局主要领导最后审定") for every department.
"""

from __future__ import annotations

from collections.abc import Iterable


def department_scope(
	sees_everything: bool, headed: Iterable[str], in_charge_of: Iterable[str]
) -> frozenset[str] | None:
	"""The departments whose records the person may see, or None when nothing limits them: those who
	see everything (the main leader, the records office) and those who lead no department (whose
	roles alone decide what they read)."""
	if sees_everything:
		return None
	departments = frozenset(headed) | frozenset(in_charge_of)
	return departments or None
