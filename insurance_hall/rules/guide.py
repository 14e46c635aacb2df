"""办事指南: what the public guide of a service matter says (pure).

001 沂南: "信息公开，主动公开服务事项办理依据、流程、结果等信息".
002 沂南: "实现所有医保经办服务事项办事指南“触手可及”“一站通晓”，深度优化信息内容，即时更新、同步更新".

The guide is read from the catalogue the hall keeps (Service Matter, its window, its department): what the
admin edits in the Desk is what the citizen reads, dated by the last change of what the citizen reads.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from insurance_hall.rules.catalogue import IMMEDIATE

# the fields of a Service Matter a citizen reads: a change to any of them dates the guide
GUIDE_FIELDS: tuple[str, ...] = (
	"matter_name",
	"department",
	"window",
	"matter_type",
	"promised_days",
	"no_visit_needed",
	"not_bookable",
	"guide_basis",
	"guide_conditions",
	"guide_process",
	"guide_fees",
	"guide_published",
)
NO_FEE = "不收费"


def time_limit_text(matter_type: str | None, promised_days: int | None) -> str:
	"""即办件 are finished on the spot; 承诺件 within the promised working days."""
	if matter_type == IMMEDIATE or not promised_days:
		return "即办（材料齐全当场办结）"
	return f"承诺件，{int(promised_days)}个工作日内办结"


def hours_text(
	opening: str | None, noon_closing: str | None, noon_opening: str | None, closing: str | None
) -> str:
	"""The hall's hours on working days, as the guide and the window post them ("08:30–12:00，14:00–17:00")."""
	morning = f"{opening or '08:30'}–{noon_closing}" if noon_closing else None
	afternoon = f"{noon_opening}–{closing or '17:00'}" if noon_opening else None
	if morning and afternoon:
		return f"法定工作日 {morning}，{afternoon}"
	return f"法定工作日 {opening or '08:30'}–{closing or '17:00'}"


def material_lines(rows: Sequence[Mapping], rongque: bool) -> list[tuple[str, str]]:
	"""(material, note) of each material the citizen brings; under 容缺受理 the ones that may follow later
	say so (002: "但次要条件或手续有欠缺的服务事项，应先行受理，并一次性告知需补正的材料及补正时限")."""
	lines = []
	for row in rows:
		name = str(row.get("material") or "").strip()
		if not name:
			continue
		note = "可容缺：先行受理，承诺后补" if rongque and row.get("may_be_missing") else ""
		lines.append((name, note))
	return lines


def guide_changed(before: Mapping | None, after: Mapping, tables_changed: bool = False) -> bool:
	"""Does the citizen read something new: a new matter, a changed guide field, or changed materials."""
	if before is None or tables_changed:
		return True
	return any((before.get(f) or None) != (after.get(f) or None) for f in GUIDE_FIELDS)


def updated_on_error(before: object, after: object, changed: bool) -> str | None:
	"""The guide's date says when the citizen's text last changed (002: "即时更新、同步更新"): the system
	stamps it when the guide changes; nobody sets it by hand to make an old guide look new."""
	if not changed and str(before or "") != str(after or ""):
		return "公开指南的更新日期由系统在指南内容变化时自动记录，不能手工修改"
	return None


def lines_of(text: str | None) -> list[str]:
	"""An admin's free text as the paragraphs a phone shows (blank lines dropped), as the admin typed it:
	Frappe stores markup escaped, and the page escapes once more when it shows the text, so it is unescaped
	here (shown as typed, never run)."""
	return [line.strip() for line in html.unescape(str(text or "")).splitlines() if line.strip()]
