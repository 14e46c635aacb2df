"""The hall's one rating scale (好差评), pure: every form that asks "how satisfied?" asks it here.

002 沂南: "必选项按照“非常满意”、“满意”、“基本满意”、“不满意”、“非常不满意”五个等级设置，后两个等级为差评"
"""

from __future__ import annotations

from collections.abc import Sequence


def rating_error(label: str | None, scale: Sequence[tuple[str, bool]]) -> str | None:
	"""A rating is one of the county's levels (an empty answer is allowed: the citizen may not tick)."""
	if not label:
		return None
	labels = [level for level, _bad in scale]
	if label not in labels:
		return f"“{label}”不是本县的评价等级，应为：{'、'.join(labels)}"
	return None


def is_bad(label: str | None, scale: Sequence[tuple[str, bool]]) -> bool:
	"""Which levels are bad is the county's data (沂南: the last two of five)."""
	return any(level == label and bad for level, bad in scale)
