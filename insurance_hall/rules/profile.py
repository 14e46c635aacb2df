"""The county profile: its schema and its validation, pure (docs/profile-schema.md).

A profile is refused whole when anything in it is wrong; every message names the key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from insurance_hall.rules.booking import booking_hours_error, channels_error
from insurance_hall.rules.chain import APPROVERS, chain_level_errors
from insurance_hall.rules.delay import HHMM, hours_error, parse_hhmm
from insurance_hall.rules.incident import section_errors as incident_errors
from insurance_hall.rules.score import table_errors
from insurance_hall.rules.workdays import HOLIDAY, MAKEUP_WORKDAY, calendar_day_errors

SCHEMA_VERSION = 1
PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"
CALENDARS_DIR = Path(__file__).resolve().parent.parent / "data" / "calendars"

# setting key -> (type, minimum)
SETTINGS: dict[str, tuple[type, int | None]] = {
	"bureau_name": (str, None),
	"county_name": (str, None),
	"business_env_office": (str, None),
	"complaint_phone": (str, None),
	"appointment_phone": (str, None),
	"refusal_answer_days": (int, 1),
	"complaint_solve_days": (int, 1),
	"complaint_window_leader_post": (str, None),
	"bad_rating_check_hours": (int, 1),
	"bad_rating_fix_days": (int, 1),
	"no_show_limit": (int, 1),
	"rongque_remind_days": (int, 0),
	"extension_notice_days": (int, 0),
	"opening_time": (str, None),
	"closing_time": (str, None),
	"noon_closing_time": (str, None),
	"noon_opening_time": (str, None),
	# the case (办件): who approves an extension, the handler's reminder lead, 容缺 and proxy service
	"extension_approver": (str, None),
	"case_remind_days": (int, 0),
	"rongque_enabled": (int, 0),
	"proxy_promised_matters": (int, 0),
	"proxy_special_groups_only": (int, 0),
	# 好差评: how long a rating link stays valid, and who checks a bad rating (an approver type)
	"rating_link_hours": (int, 1),
	"bad_rating_checker": (str, None),
	# 预约服务: the hours and slots offered, how many per slot, how far ahead, rest days, channels
	"booking_start_time": (str, None),
	"booking_end_time": (str, None),
	"booking_slot_minutes": (int, 5),
	"booking_capacity": (int, 1),
	"booking_days_ahead": (int, 1),
	"booking_on_rest_days": (int, 0),
	"booking_channels": (str, None),
	# 问题排查整改台账: working days a problem put on the register without its own deadline is due in
	"rectification_days": (int, 1),
	# 排队叫号: the 绿色通道 groups a citizen may name when taking a number ("老年人,残疾人,军人")
	"queue_priority_groups": (str, None),
}
# settings that are a yes (1) or no (0)
FLAG_SETTINGS = ("rongque_enabled", "proxy_promised_matters", "proxy_special_groups_only")
REQUIRED_TEXT_SETTINGS = (
	"bureau_name",
	"county_name",
	"closing_time",
	"booking_start_time",
	"booking_end_time",
	"booking_channels",
)
# times of day, written "17:30"
TIME_SETTINGS = ("closing_time", "noon_closing_time", "noon_opening_time")
# the hours in which appointments are offered, "08:30" to "17:30"
BOOKING_TIME_SETTINGS = ("booking_start_time", "booking_end_time")

# register code -> the register's name on the site (Hall Register.register)
REGISTERS: dict[str, str] = {
	"refusal": "否定报备登记",
	"delay_service": "延时服务登记",
	"appointment": "预约服务登记",
	"complaint": "吐槽找茬登记",
	"rongque": "容缺受理登记",
	"rating": "好差评台账",
	"extension_notice": "延期办结告知",
}

TOP_KEYS = {
	"schema": True,
	"key": True,
	"title": True,
	"seed": True,
	"extends": False,
	"settings": True,
	"rating_scale": True,
	"complaint_channels": False,
	"refusal_chains": True,
	"registers": True,
	"calendars": False,
	"roles": False,
	"custom_fields": False,
	"property_setters": False,
	"score": False,
	"incident": False,
	"sources": False,
}
CHAIN_KEYS = {
	"chain_name",
	"is_default",
	"collective_meeting_allowed",
	"file_with_business_office",
	"written_notice_required",
	"levels",
}
LEVEL_KEYS = {"level", "label", "approver", "can_confirm"}
RATING_KEYS = {"label", "is_bad"}
CHANNEL_KEYS = {"label", "deduction", "public_page"}
CUSTOM_FIELD_REQUIRED = {"dt", "fieldname", "label", "fieldtype", "insert_after"}
CUSTOM_FIELD_OPTIONAL = {"options", "reqd", "description", "default", "in_list_view", "read_only", "hidden"}
PROPERTY_SETTER_KEYS = {"doc_type", "field_name", "property", "value", "property_type"}
SOURCED_KEYS = ("rating_scale", "refusal_chains", "registers", "complaint_channels")
DEFAULT_SOURCE_PREFIX = "默认："
KEY_PATTERN = re.compile(r"^[a-z0-9_]+$")


class ProfileError(ValueError):
	"""A profile that cannot be applied; `errors` lists every reason."""

	def __init__(self, errors: list[str]):
		self.errors = errors
		super().__init__("县区配置有误，未做任何修改：\n" + "\n".join(errors))


def _is_int(value: Any) -> bool:
	return isinstance(value, int) and not isinstance(value, bool)


def _unknown_keys(data: Mapping, allowed: set[str] | dict, where: str) -> list[str]:
	return [f"{where}{key}：未知的配置项" for key in sorted(set(data) - set(allowed))]


def settings_errors(settings: Any) -> list[str]:
	if not isinstance(settings, Mapping):
		return ["settings：应为对象"]
	errors = _unknown_keys(settings, SETTINGS, "settings.")
	for key, (kind, minimum) in SETTINGS.items():
		where = f"settings.{key}"
		if key not in settings:
			errors.append(f"{where}：缺少此项")
			continue
		value = settings[key]
		if kind is int:
			if not _is_int(value):
				errors.append(f"{where}：应为整数，实际为“{value}”")
			elif minimum is not None and value < minimum:
				errors.append(f"{where}：不能小于 {minimum}，实际为 {value}")
		elif not isinstance(value, str):
			errors.append(f"{where}：应为文字")
		elif key in REQUIRED_TEXT_SETTINGS and not value.strip():
			errors.append(f"{where}：不能为空")
		elif (
			key in (*TIME_SETTINGS, *BOOKING_TIME_SETTINGS, "opening_time")
			and value
			and not HHMM.match(value)
		):
			errors.append(f"{where}：“{value}”不是有效的时间，应为 时:分（如 17:30）")
		if key in FLAG_SETTINGS and _is_int(value) and value not in (0, 1):
			errors.append(f"{where}：应为 0 或 1，实际为 {value}")
	approver = settings.get("extension_approver")
	if isinstance(approver, str) and approver not in APPROVERS:
		errors.append(
			f"settings.extension_approver：审批人“{approver}”无效，应为 {'、'.join(APPROVERS)} 之一"
		)
	checker = settings.get("bad_rating_checker")
	if isinstance(checker, str) and checker not in APPROVERS:
		errors.append(f"settings.bad_rating_checker：核实人“{checker}”无效，应为 {'、'.join(APPROVERS)} 之一")
	if not errors:
		error = hours_error(*(parse_hhmm(settings[key]) for key in TIME_SETTINGS))
		if error:
			errors.append(f"settings.closing_time：{error}")
		error = booking_hours_error(*(parse_hhmm(settings[key]) for key in BOOKING_TIME_SETTINGS))
		if error:
			errors.append(f"settings.booking_start_time：{error}")
		if settings["booking_on_rest_days"] not in (0, 1):
			errors.append("settings.booking_on_rest_days：应为 0（只在工作日）或 1（休息日也可约定）")
		error = channels_error(settings["booking_channels"])
		if error:
			errors.append(f"settings.booking_channels：{error}")
	return errors


def rating_scale_errors(scale: Any) -> list[str]:
	"""A scale of at least two levels, with unique labels, some good and some bad.

	002 沂南: "必选项按照“非常满意”、“满意”、“基本满意”、“不满意”、“非常不满意”五个等级设置，后两个等级为差评。"
	004 开原: "服务评价评分为很满意、满意、基本满意和不满意四种评价结果。"
	"""
	if not isinstance(scale, list) or len(scale) < 2:
		return ["rating_scale：至少需要两个评价等级"]
	errors: list[str] = []
	labels: list[str] = []
	for i, level in enumerate(scale):
		where = f"rating_scale[{i}]"
		if not isinstance(level, Mapping):
			errors.append(f"{where}：应为对象")
			continue
		errors += _unknown_keys(level, RATING_KEYS, f"{where}.")
		label = level.get("label")
		if not isinstance(label, str) or not label.strip():
			errors.append(f"{where}.label：缺少评价等级名称")
		else:
			labels.append(label)
		if not isinstance(level.get("is_bad"), bool):
			errors.append(f"{where}.is_bad：应为 true 或 false")
	duplicates = sorted({label for label in labels if labels.count(label) > 1})
	if duplicates:
		errors.append(f"rating_scale：评价等级重复：{'、'.join(duplicates)}")
	flags = [level.get("is_bad") for level in scale if isinstance(level, Mapping)]
	if True not in flags or False not in flags:
		errors.append("rating_scale：须既有好评等级又有差评等级")
	return errors


def complaint_channels_errors(channels: Any) -> list[str]:
	"""The ways a complaint reaches the hall, each with the points a complaint found true (查实) deducts.

	002 考评标准: "局长信箱、电话投诉、网上投诉受理后,每查实一次扣3分" and
	"电话、行风热线、12345市民电话、微信公众号、网上投诉每查实一次扣5分".
	"""
	if not isinstance(channels, list) or not channels:
		return ["complaint_channels：至少需要一种投诉受理方式"]
	errors: list[str] = []
	labels: list[str] = []
	for i, channel in enumerate(channels):
		where = f"complaint_channels[{i}]"
		if not isinstance(channel, Mapping):
			errors.append(f"{where}：应为对象")
			continue
		errors += _unknown_keys(channel, CHANNEL_KEYS, f"{where}.")
		label = channel.get("label")
		if not isinstance(label, str) or not label.strip():
			errors.append(f"{where}.label：缺少受理方式名称")
		else:
			labels.append(label)
		deduction = channel.get("deduction")
		if not _is_int(deduction) or deduction < 0:
			errors.append(f"{where}.deduction：查实扣分应为不小于0的整数")
		if not isinstance(channel.get("public_page", False), bool):
			errors.append(f"{where}.public_page：应为 true 或 false")
	duplicates = sorted({label for label in labels if labels.count(label) > 1})
	if duplicates:
		errors.append(f"complaint_channels：受理方式重复：{'、'.join(duplicates)}")
	if sum(1 for ch in channels if isinstance(ch, Mapping) and ch.get("public_page") is True) > 1:
		errors.append("complaint_channels：最多一种受理方式对应网上投诉页面（public_page）")
	return errors


def chains_errors(chains: Any) -> list[str]:
	if not isinstance(chains, list) or not chains:
		return ["refusal_chains：至少需要一条说“不”审批链"]
	errors: list[str] = []
	names: list[str] = []
	defaults = 0
	for i, chain in enumerate(chains):
		where = f"refusal_chains[{i}]"
		if not isinstance(chain, Mapping):
			errors.append(f"{where}：应为对象")
			continue
		errors += _unknown_keys(chain, CHAIN_KEYS, f"{where}.")
		name = chain.get("chain_name")
		if not isinstance(name, str) or not name.strip():
			errors.append(f"{where}.chain_name：缺少审批链名称")
		else:
			names.append(name)
		for flag in CHAIN_KEYS - {"chain_name", "levels"}:
			if not isinstance(chain.get(flag, False), bool):
				errors.append(f"{where}.{flag}：应为 true 或 false")
		defaults += 1 if chain.get("is_default") is True else 0
		levels = chain.get("levels")
		if not isinstance(levels, list) or not all(isinstance(level, Mapping) for level in levels):
			errors.append(f"{where}.levels：应为审批层级的列表")
			continue
		for j, level in enumerate(levels):
			errors += _unknown_keys(level, LEVEL_KEYS, f"{where}.levels[{j}].")
			if not isinstance(level.get("can_confirm", False), bool):
				errors.append(f"{where}.levels[{j}].can_confirm：应为 true 或 false")
		errors += chain_level_errors(levels, f"{where}.levels")
	duplicates = sorted({n for n in names if names.count(n) > 1})
	if duplicates:
		errors.append(f"refusal_chains：审批链名称重复：{'、'.join(duplicates)}")
	if defaults != 1:
		errors.append(f"refusal_chains：须恰好有一条默认审批链（is_default），实际 {defaults} 条")
	return errors


def registers_errors(registers: Any) -> list[str]:
	if not isinstance(registers, list):
		return ["registers：应为台账代码的列表"]
	errors = [
		f"registers：未知的台账“{code}”，应为 {'、'.join(REGISTERS)} 之一"
		for code in registers
		if code not in REGISTERS
	]
	if len(set(map(str, registers))) != len(registers):
		errors.append("registers：台账重复")
	return errors


def inline_calendar_errors(calendar: Mapping, where: str) -> list[str]:
	errors = _unknown_keys(calendar, {"year", "source", "holidays", "makeup_workdays"}, f"{where}.")
	year = calendar.get("year")
	if not _is_int(year):
		return [*errors, f"{where}.year：应为年份整数"]
	try:
		days = calendar_rows(calendar)
	except (KeyError, TypeError, ValueError) as exc:
		return [*errors, f"{where}：日期格式有误（{exc}）"]
	return errors + [f"{where}：{e}" for e in calendar_day_errors(year, [(d, t) for d, t, _ in days])]


def calendar_rows(calendar: Mapping) -> list[tuple[date, str, str]]:
	"""(date, day_type, description) rows of a calendar given as the State Council file or inline.

	Holidays come as ranges {"name", "from", "to"}; make-up days as {"date", "for"}.
	"""
	rows: list[tuple[date, str, str]] = []
	for holiday in calendar.get("holidays", []):
		start, end = date.fromisoformat(holiday["from"]), date.fromisoformat(holiday["to"])
		if end < start:
			raise ValueError(f"{holiday['from']} 至 {holiday['to']} 起止颠倒")
		day = start
		while day <= end:
			rows.append((day, HOLIDAY, holiday.get("name", "")))
			day = date.fromordinal(day.toordinal() + 1)
	for makeup in calendar.get("makeup_workdays", []):
		rows.append((date.fromisoformat(makeup["date"]), MAKEUP_WORKDAY, makeup.get("for", "")))
	return rows


def calendars_errors(calendars: Any, known: set[str]) -> list[str]:
	if not isinstance(calendars, list):
		return ["calendars：应为列表"]
	errors: list[str] = []
	years: list[int] = []
	for i, entry in enumerate(calendars):
		where = f"calendars[{i}]"
		if isinstance(entry, str):
			if entry not in known:
				errors.append(f"{where}：没有名为“{entry}”的工作日历，可用：{'、'.join(sorted(known))}")
		elif isinstance(entry, Mapping):
			errors += inline_calendar_errors(entry, where)
			if _is_int(entry.get("year")):
				years.append(entry["year"])
		else:
			errors.append(f"{where}：应为日历名称或日历对象")
	if len(set(years)) != len(years):
		errors.append("calendars：同一年份的日历重复")
	return errors


def custom_rows_errors(rows: Any, key: str, required: set[str], optional: set[str]) -> list[str]:
	if not isinstance(rows, list):
		return [f"{key}：应为列表"]
	errors: list[str] = []
	for i, row in enumerate(rows):
		where = f"{key}[{i}]"
		if not isinstance(row, Mapping):
			errors.append(f"{where}：应为对象")
			continue
		errors += _unknown_keys(row, required | optional, f"{where}.")
		errors += [f"{where}.{k}：缺少此项" for k in sorted(required - set(row))]
		if key == "custom_fields" and isinstance(row.get("fieldname"), str):
			if not KEY_PATTERN.match(row["fieldname"]):
				errors.append(f"{where}.fieldname：只能使用小写字母、数字和下划线")
	return errors


def sources_errors(profile: Mapping) -> list[str]:
	sources = profile.get("sources", {})
	if not isinstance(sources, Mapping):
		return ["sources：应为对象"]
	errors: list[str] = []
	settings = profile.get("settings") if isinstance(profile.get("settings"), Mapping) else {}
	for path in sources:
		head, _, tail = str(path).partition(".")
		if head == "settings" and tail in settings:
			continue
		if not tail and head in profile:
			continue
		if tail and isinstance(profile.get(head), Mapping) and tail in profile[head]:
			continue
		errors.append(f"sources.{path}：指向不存在的配置项")
	return errors


def validate_profile(profile: Any, known_calendars: set[str] | None = None) -> list[str]:
	"""Every reason the profile cannot be applied, each naming its key; [] when it is valid."""
	if not isinstance(profile, Mapping):
		return ["配置文件应为 JSON 对象"]
	known = available_calendars() if known_calendars is None else known_calendars
	errors = _unknown_keys(profile, TOP_KEYS, "")
	errors += [f"{key}：缺少此项" for key, required in TOP_KEYS.items() if required and key not in profile]
	if "schema" in profile and profile["schema"] != SCHEMA_VERSION:
		errors.append(f"schema：只支持版本 {SCHEMA_VERSION}，实际为“{profile['schema']}”")
	if "key" in profile and (not isinstance(profile["key"], str) or not KEY_PATTERN.match(profile["key"])):
		errors.append("key：只能使用小写字母、数字和下划线")
	if "settings" in profile:
		errors += settings_errors(profile["settings"])
	if "rating_scale" in profile:
		errors += rating_scale_errors(profile["rating_scale"])
	if "refusal_chains" in profile:
		errors += chains_errors(profile["refusal_chains"])
	if "complaint_channels" in profile:
		errors += complaint_channels_errors(profile["complaint_channels"])
	if "registers" in profile:
		errors += registers_errors(profile["registers"])
	if profile.get("score") is not None:
		errors += [f"score：{error}" for error in table_errors(profile["score"])]
	if "incident" in profile:
		errors += incident_errors(profile["incident"])
	errors += calendars_errors(profile.get("calendars", []), known)
	roles = profile.get("roles", [])
	if not isinstance(roles, list) or not all(isinstance(r, str) and r.strip() for r in roles):
		errors.append("roles：应为角色名称的列表")
	errors += custom_rows_errors(
		profile.get("custom_fields", []), "custom_fields", CUSTOM_FIELD_REQUIRED, CUSTOM_FIELD_OPTIONAL
	)
	errors += custom_rows_errors(
		profile.get("property_setters", []), "property_setters", PROPERTY_SETTER_KEYS, set()
	)
	errors += sources_errors(profile)
	return errors


def available_calendars() -> set[str]:
	return {p.stem for p in CALENDARS_DIR.glob("*.json")}


def load_calendar(name: str) -> dict:
	return json.loads((CALENDARS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def profile_path(key_or_path: str) -> Path:
	path = Path(key_or_path)
	if path.suffix == ".json" and path.exists():
		return path
	return PROFILES_DIR / f"{key_or_path}.json"


def load_profile(key_or_path: str) -> dict:
	"""Read a shipped profile by key (e.g. "yinan") or a profile file by path; no validation."""
	path = profile_path(key_or_path)
	if not path.exists():
		shipped = "、".join(sorted(p.stem for p in PROFILES_DIR.glob("*.json")))
		raise ProfileError([f"找不到县区配置“{key_or_path}”，可用：{shipped}"])
	try:
		return json.loads(path.read_text(encoding="utf-8"))
	except json.JSONDecodeError as exc:
		raise ProfileError([f"{path.name}：不是有效的 JSON（第{exc.lineno}行：{exc.msg}）"]) from None


def shipped_profiles() -> list[str]:
	return sorted(p.stem for p in PROFILES_DIR.glob("*.json"))
