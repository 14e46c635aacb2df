"""Apply a county profile to a site, and export a site's configuration as a profile.

Applying is all or nothing: the whole profile is checked (pure schema first, then against the
site's DocTypes) before anything is written, and a write that fails rolls the rest back.
Applying the same profile twice changes nothing: each record is saved only when it differs.
"""

from __future__ import annotations

import json

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import frappe
from frappe.model import no_value_fields

from insurance_hall.rules.clock import time_text
from insurance_hall.rules.profile import (
	CUSTOM_FIELD_OPTIONAL,
	REGISTERS,
	SCHEMA_VERSION,
	SETTINGS,
	BOOKING_TIME_SETTINGS,
	TIME_SETTINGS,
	ProfileError,
	calendar_rows,
	load_calendar,
	validate_profile,
)
from insurance_hall.rules.workdays import HOLIDAY, MAKEUP_WORKDAY
from insurance_hall.services.calendar import clear_calendar_cache
from insurance_hall.setup.roles import ensure_roles

MODULE = "Insurance Hall"
CHAIN_FLAGS = ("collective_meeting_allowed", "file_with_business_office", "written_notice_required")
PROPERTY_TYPES = {"Check", "Data", "Int", "Select", "Small Text", "Text", "Link", "Float"}


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", filters={"module": MODULE}, pluck="name", order_by="name")


# ---------------------------------------------------------------- checks against the site


def site_errors(profile: Mapping) -> list[str]:
	"""What the pure schema cannot know: that custom fields and property setters fit the DocTypes."""
	doctypes = set(app_doctypes())
	errors: list[str] = []
	for i, row in enumerate(profile.get("custom_fields", [])):
		where = f"custom_fields[{i}]"
		if row["dt"] not in doctypes:
			errors.append(f"{where}.dt：“{row['dt']}”不是本应用的单据类型")
			continue
		meta = frappe.get_meta(row["dt"])
		if row["fieldtype"] not in _valid_fieldtypes():
			errors.append(f"{where}.fieldtype：字段类型“{row['fieldtype']}”无效")
		if not meta.has_field(row["insert_after"]) and not _declared(profile, row["dt"], row["insert_after"]):
			errors.append(f"{where}.insert_after：{row['dt']} 没有字段“{row['insert_after']}”")
		standard = {df.fieldname for df in meta.fields if not df.get("is_custom_field")}
		if row["fieldname"] in standard:
			errors.append(f"{where}.fieldname：{row['dt']} 已有标准字段“{row['fieldname']}”")
	for i, row in enumerate(profile.get("property_setters", [])):
		where = f"property_setters[{i}]"
		if row["doc_type"] not in doctypes:
			errors.append(f"{where}.doc_type：“{row['doc_type']}”不是本应用的单据类型")
			continue
		field = row["field_name"]
		meta = frappe.get_meta(row["doc_type"])
		if field and not meta.has_field(field) and not _declared(profile, row["doc_type"], field):
			errors.append(f"{where}.field_name：{row['doc_type']} 没有字段“{field}”")
		if row["property_type"] not in PROPERTY_TYPES:
			errors.append(f"{where}.property_type：属性类型“{row['property_type']}”无效")
	return errors


def _declared(profile: Mapping, dt: str, fieldname: str) -> bool:
	return any(r["dt"] == dt and r["fieldname"] == fieldname for r in profile.get("custom_fields", []))


def _valid_fieldtypes() -> set[str]:
	options = frappe.get_meta("Custom Field").get_field("fieldtype").options or ""
	return {o for o in options.split("\n") if o}


def check_profile(profile: Any) -> None:
	errors = validate_profile(profile)
	if not errors:
		errors = site_errors(profile)
	if errors:
		raise ProfileError(errors)


# ---------------------------------------------------------------- apply


def apply_profile(profile: Mapping) -> dict[str, int]:
	"""Make the site's configuration what the profile says; returns how many records changed."""
	check_profile(profile)
	changed: dict[str, int] = {}
	try:
		changed["roles"] = ensure_roles(profile.get("roles", []))
		changed["calendars"] = apply_calendars(profile.get("calendars", []))
		changed["chains"] = apply_chains(profile["refusal_chains"])
		changed["settings"] = apply_settings(profile)
		changed["complaint_channels"] = apply_complaint_channels(profile.get("complaint_channels"))
		changed["chains"] += remove_other_chains(profile["refusal_chains"])
		changed["custom_fields"] = apply_custom_fields(profile.get("custom_fields", []))
		changed["property_setters"] = apply_property_setters(profile.get("property_setters", []))
	except Exception:
		frappe.db.rollback()
		raise
	return changed


def apply_calendars(entries: Iterable) -> int:
	changed = 0
	for entry in entries:
		calendar = load_calendar(entry) if isinstance(entry, str) else entry
		rows = sorted(calendar_rows(calendar))
		year = calendar["year"]
		source = calendar.get("source") or ""
		if frappe.db.exists("Work Calendar", str(year)):
			doc = frappe.get_doc("Work Calendar", str(year))
			current = sorted((row.date, row.day_type, row.description or "") for row in doc.days)
			current = [(frappe.utils.getdate(d), t, s) for d, t, s in current]
			if current == rows and (doc.source or "") == source:
				continue
			doc.days = []
		else:
			doc = frappe.new_doc("Work Calendar")
			doc.year = year
		doc.source = source
		for day, day_type, description in rows:
			doc.append("days", {"date": day, "day_type": day_type, "description": description})
		doc.save(ignore_permissions=True)
		changed += 1
	if changed:
		clear_calendar_cache()
	return changed


def _chain_values(chain: Mapping) -> dict:
	return {
		"disabled": 0,
		**{flag: int(bool(chain.get(flag))) for flag in CHAIN_FLAGS},
		"levels": [
			(level["level"], level["label"], level["approver"], int(bool(level.get("can_confirm"))))
			for level in chain["levels"]
		],
	}


def _current_chain_values(doc) -> dict:
	return {
		"disabled": doc.disabled or 0,
		**{flag: doc.get(flag) or 0 for flag in CHAIN_FLAGS},
		"levels": [(r.level, r.label, r.approver, r.can_confirm or 0) for r in doc.levels],
	}


def apply_chains(chains: list[Mapping]) -> int:
	"""Create or update the profile's chains."""
	changed = 0
	for chain in chains:
		values = _chain_values(chain)
		exists = frappe.db.exists("Refusal Chain", chain["chain_name"])
		doc = (
			frappe.get_doc("Refusal Chain", chain["chain_name"])
			if exists
			else frappe.new_doc("Refusal Chain")
		)
		if exists and _current_chain_values(doc) == values:
			continue
		doc.chain_name = chain["chain_name"]
		doc.disabled = 0
		for flag in CHAIN_FLAGS:
			doc.set(flag, values[flag])
		doc.levels = []
		for level, label, approver, can_confirm in values["levels"]:
			doc.append(
				"levels", {"level": level, "label": label, "approver": approver, "can_confirm": can_confirm}
			)
		doc.save(ignore_permissions=True)
		changed += 1
	return changed


def remove_other_chains(chains: list[Mapping]) -> int:
	"""A chain the profile does not name is deleted, or disabled while a department still uses it."""
	changed = 0
	wanted = [chain["chain_name"] for chain in chains]
	for name in frappe.get_all("Refusal Chain", filters={"name": ("not in", wanted)}, pluck="name"):
		if chain_in_use(name):
			if not frappe.db.get_value("Refusal Chain", name, "disabled"):
				frappe.db.set_value("Refusal Chain", name, "disabled", 1)
				changed += 1
		else:
			frappe.delete_doc("Refusal Chain", name, ignore_permissions=True)
			changed += 1
	return changed


def chain_in_use(name: str) -> bool:
	"""A department routes by it, or a refusal sheet climbed it (its trail must stay readable)."""
	return bool(
		frappe.db.exists("Hall Department", {"refusal_chain": name})
		or frappe.db.exists("Refusal Sheet", {"refusal_chain": name})
	)


def apply_settings(profile: Mapping) -> int:
	doc = frappe.get_single("Hall Settings")
	before = _settings_snapshot(doc)
	for key in SETTINGS:
		doc.set(key, profile["settings"][key])
	doc.profile_key = profile["key"]
	doc.default_refusal_chain = next(
		c["chain_name"] for c in profile["refusal_chains"] if c.get("is_default")
	)
	wanted_scale = [(level["label"], int(level["is_bad"])) for level in profile["rating_scale"]]
	if [(r.label, r.is_bad or 0) for r in doc.rating_levels] != wanted_scale:
		doc.rating_levels = []
		for label, is_bad in wanted_scale:
			doc.append("rating_levels", {"label": label, "is_bad": is_bad})
	# the county's score table (月度考评), or none: a county without one is not scored with another's
	score = profile.get("score")
	doc.score_table = json.dumps(score, ensure_ascii=False, indent=1) if score else ""
	# whom an incident is reported to (应急处理), or none: the register's default then stands
	incident = profile.get("incident")
	doc.incident_rules = json.dumps(incident, ensure_ascii=False, indent=1) if incident else ""
	wanted_registers = [REGISTERS[code] for code in profile["registers"]]
	if [r.register for r in doc.registers] != wanted_registers:
		doc.registers = []
		for register in wanted_registers:
			doc.append("registers", {"register": register})
	if _settings_snapshot(doc) == before:
		return 0
	doc.save(ignore_permissions=True)
	return 1


def apply_complaint_channels(channels: list[Mapping] | None) -> int:
	"""The county's complaint channels (Complaint Channel records); a channel no longer listed is removed
	unless a complaint was registered through it. A profile without the key leaves the channels alone."""
	if channels is None:
		return 0
	changed = 0
	wanted = {ch["label"]: (int(ch["deduction"]), int(bool(ch.get("public_page")))) for ch in channels}
	for label, (deduction, public_page) in wanted.items():
		if frappe.db.exists("Complaint Channel", label):
			doc = frappe.get_doc("Complaint Channel", label)
			if (doc.deduction, doc.public_page) == (deduction, public_page):
				continue
		else:
			doc = frappe.new_doc("Complaint Channel")
			doc.channel_name = label
		doc.deduction = deduction
		doc.public_page = public_page
		doc.save(ignore_permissions=True)
		changed += 1
	for name in frappe.get_all("Complaint Channel", filters={"name": ("not in", list(wanted))}, pluck="name"):
		if not frappe.db.exists("Hall Complaint", {"channel": name}):
			frappe.delete_doc("Complaint Channel", name, ignore_permissions=True, force=True)
			changed += 1
	return changed


def export_complaint_channels() -> list[dict]:
	rows = frappe.get_all(
		"Complaint Channel", fields=["channel_name", "deduction", "public_page"], order_by="creation asc"
	)
	return [
		{"label": r.channel_name, "deduction": int(r.deduction or 0), "public_page": bool(r.public_page)}
		for r in rows
	]


def _settings_snapshot(doc) -> tuple:
	return (
		tuple(_setting_value(doc, key) for key in SETTINGS),
		(doc.profile_key, doc.default_refusal_chain),
		tuple((r.label, r.is_bad or 0) for r in doc.rating_levels),
		tuple(r.register for r in doc.registers),
		json.loads(doc.score_table) if doc.score_table else None,
		json.loads(doc.incident_rules) if doc.incident_rules else None,
	)


def apply_custom_fields(rows: list[Mapping]) -> int:
	changed = 0
	for row in rows:
		name = f"{row['dt']}-{row['fieldname']}"
		values = {k: v for k, v in row.items()}
		if frappe.db.exists("Custom Field", name):
			doc = frappe.get_doc("Custom Field", name)
			if all(_same(doc.get(k), v) for k, v in values.items()):
				continue
			doc.update(values)
		else:
			doc = frappe.get_doc({"doctype": "Custom Field", **values})
		doc.flags.ignore_permissions = True
		doc.save()
		changed += 1
	if changed:
		for dt in {row["dt"] for row in rows}:
			frappe.clear_cache(doctype=dt)
	return changed


def apply_property_setters(rows: list[Mapping]) -> int:
	changed = 0
	for row in rows:
		filters = {
			"doc_type": row["doc_type"],
			"field_name": row["field_name"] or "",
			"property": row["property"],
		}
		existing = frappe.db.get_value(
			"Property Setter", filters, ["name", "value", "property_type"], as_dict=True
		)
		if (
			existing
			and _same(existing.value, row["value"])
			and existing.property_type == row["property_type"]
		):
			continue
		frappe.make_property_setter(
			{
				"doctype": row["doc_type"],
				"doctype_or_field": "DocField" if row["field_name"] else "DocType",
				"fieldname": row["field_name"],
				"property": row["property"],
				"value": row["value"],
				"property_type": row["property_type"],
			},
			validate_fields_for_doctype=False,
		)
		changed += 1
	return changed


def _same(current: Any, wanted: Any) -> bool:
	if isinstance(wanted, bool) or (isinstance(current, int) and isinstance(wanted, int)):
		return int(current or 0) == int(wanted)
	return str(current if current is not None else "") == str(wanted if wanted is not None else "")


# ---------------------------------------------------------------- export


def export_profile() -> dict:
	"""The site's configuration as a profile that `apply_profile` accepts."""
	settings = frappe.get_single("Hall Settings")
	codes = {name: code for code, name in REGISTERS.items()}
	score = {"score": json.loads(settings.score_table)} if settings.score_table else {}
	incident = {"incident": json.loads(settings.incident_rules)} if settings.incident_rules else {}
	return {
		"schema": SCHEMA_VERSION,
		"key": settings.profile_key or "exported",
		"title": f"{settings.bureau_name}（导出配置）",
		"seed": "",
		"settings": {key: _setting_value(settings, key) for key in SETTINGS},
		"rating_scale": [{"label": r.label, "is_bad": bool(r.is_bad)} for r in settings.rating_levels],
		"complaint_channels": export_complaint_channels(),
		"refusal_chains": export_chains(settings.default_refusal_chain),
		"registers": [codes[r.register] for r in settings.registers],
		"calendars": export_calendars(),
		"custom_fields": export_custom_fields(),
		"property_setters": export_property_setters(),
		**score,
		**incident,
	}


def _setting_value(settings, key: str):
	kind, _minimum = SETTINGS[key]
	value = settings.get(key)
	if key in (*TIME_SETTINGS, *BOOKING_TIME_SETTINGS, "opening_time"):
		return time_text(value)
	return int(value or 0) if kind is int else (value or "")


def export_chains(default_chain: str | None) -> list[dict]:
	chains = []
	for name in frappe.get_all("Refusal Chain", filters={"disabled": 0}, pluck="name", order_by="name"):
		doc = frappe.get_doc("Refusal Chain", name)
		chains.append(
			{
				"chain_name": doc.chain_name,
				"is_default": doc.name == default_chain,
				**{flag: bool(doc.get(flag)) for flag in CHAIN_FLAGS},
				"levels": [
					{
						"level": r.level,
						"label": r.label,
						"approver": r.approver,
						"can_confirm": bool(r.can_confirm),
					}
					for r in doc.levels
				],
			}
		)
	return chains


def export_calendars() -> list[dict]:
	calendars = []
	for year in frappe.get_all("Work Calendar", pluck="name", order_by="year asc"):
		doc = frappe.get_doc("Work Calendar", year)
		days = sorted((frappe.utils.getdate(r.date), r.day_type, r.description or "") for r in doc.days)
		calendars.append(
			{
				"year": int(doc.year),
				"source": doc.source or "",
				"holidays": _holiday_ranges([(d, n) for d, t, n in days if t == HOLIDAY]),
				"makeup_workdays": [
					{"date": d.isoformat(), "for": n} for d, t, n in days if t == MAKEUP_WORKDAY
				],
			}
		)
	return calendars


def _holiday_ranges(days: list[tuple[date, str]]) -> list[dict]:
	"""Consecutive holidays of one name, as the State Council notice writes them: from, to."""
	ranges: list[dict] = []
	for day, name in days:
		last = ranges[-1] if ranges else None
		if last and last["name"] == name and date.fromisoformat(last["to"]) + timedelta(days=1) == day:
			last["to"] = day.isoformat()
		else:
			ranges.append({"name": name, "from": day.isoformat(), "to": day.isoformat()})
	return ranges


def export_custom_fields() -> list[dict]:
	fields = ["dt", "fieldname", "label", "fieldtype", "insert_after", *sorted(CUSTOM_FIELD_OPTIONAL)]
	rows = frappe.get_all(
		"Custom Field",
		filters={"dt": ("in", app_doctypes())},
		fields=fields,
		order_by="dt asc, fieldname asc",
	)
	out = []
	for row in rows:
		item = {k: row[k] for k in ("dt", "fieldname", "label", "fieldtype", "insert_after")}
		for key in sorted(CUSTOM_FIELD_OPTIONAL):
			value = row.get(key)
			if value not in (None, "", 0) and not (row.fieldtype in no_value_fields and key == "default"):
				item[key] = value
		out.append(item)
	return out


def export_property_setters() -> list[dict]:
	rows = frappe.get_all(
		"Property Setter",
		filters={"doc_type": ("in", app_doctypes())},
		fields=["doc_type", "field_name", "property", "value", "property_type"],
		order_by="doc_type asc, field_name asc, property asc",
	)
	return [
		{
			"doc_type": r.doc_type,
			"field_name": r.field_name or "",
			"property": r.property,
			"value": r.value,
			"property_type": r.property_type,
		}
		for r in rows
	]
