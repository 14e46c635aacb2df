"""What only a form's actions may change, as data: one declaration per form, one guard for all.

A form's *managed* fields and child tables (its trail above all) change only through an action of its
service (`services/records.py` marks the save); any other path (REST PUT, `frappe.client.*`, a child-row
insert, Data Import) that changes one is refused, whatever the field's read_only flag says. Some content
is free until a moment in the record's life and frozen from then on (a case's materials and department
once it is accepted; a delay record's content once the citizen has signed it: a signature binds what was
signed). Nothing here imports Frappe: records come in as plain dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# what Frappe writes on every row by itself: never compared
ROW_META = frozenset(
	{
		"name",
		"owner",
		"creation",
		"modified",
		"modified_by",
		"parent",
		"parentfield",
		"parenttype",
		"idx",
		"doctype",
		"docstatus",
	}
)


@dataclass(frozen=True)
class Managed:
	"""`fields` and `tables` change only through an action; `frozen_once` maps a field or table to the field
	that, once set on the saved record, freezes it too."""

	fields: tuple[str, ...] = ()
	tables: tuple[str, ...] = ()
	frozen_once: Mapping[str, str] = field(default_factory=dict)


DELAY_SIGNED = (
	"service_date",
	"window",
	"served_until",
	"extension_minutes",
	"adjusted_minutes",
	"adjust_reason",
	"service_matter",
	"matter_text",
	"citizen_name",
	"citizen_phone",
	"handling_result",
)

MANAGED: dict[str, Managed] = {
	"Hall Case": Managed(
		tables=("steps",),
		frozen_once={"materials": "accepted_on", "department": "accepted_on"},
	),
	"Refusal Sheet": Managed(tables=("steps", "levels")),
	# a return visit is the visitor's own record: who visited, and which record, never change afterwards
	"Delay Service Visit": Managed(fields=("record", "visited_by", "window", "citizen_name")),
	"Delay Service Record": Managed(
		fields=("handler_confirmed", "handler_confirmed_at", "filed_by", "filed_on"),
		frozen_once={
			**{name: "handler_confirmed_at" for name in DELAY_SIGNED},
			# the citizen signs and ticks their satisfaction: what they signed stays as signed
			"citizen_confirmation": "citizen_confirmed_at",
			"citizen_signature": "citizen_confirmed_at",
			"satisfaction": "citizen_confirmed_at",
		},
	),
}


def _value(value: Any) -> str:
	return "" if value in (None, 0, "0", "") else str(value)


def _rows(rows: Any) -> list[tuple]:
	return [
		tuple(
			sorted(
				(k, _value(v)) for k, v in dict(row).items() if k not in ROW_META and not k.startswith("_")
			)
		)
		for row in rows or []
	]


def changed(spec: Managed, before: Mapping | None, after: Mapping) -> list[str]:
	"""The managed fields and tables `after` changes against the saved `before` (None: a new record, which
	may carry no managed table rows). Each name once, in declaration order."""
	if before is None:
		return [name for name in spec.tables if after.get(name)]
	guarded = list(spec.fields) + list(spec.tables)
	guarded += [
		name for name, trigger in spec.frozen_once.items() if before.get(trigger) and name not in guarded
	]
	found = []
	for name in guarded:
		old, new = before.get(name), after.get(name)
		if isinstance(old, list | tuple) or isinstance(new, list | tuple):
			if _rows(old) != _rows(new):
				found.append(name)
		elif _value(old) != _value(new):
			found.append(name)
	return found


def refusal_message(labels: list[str]) -> str:
	return f"“{'”“'.join(labels)}”只能通过本表的办理操作改变，不能直接修改、添加或删除"
