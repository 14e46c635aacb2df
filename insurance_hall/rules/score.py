"""月度考评: the monthly 100-point score of a window worker, from the county's own table (pure).

Seed 002 (沂南) 附件《医保服务窗口工作人员考评标准（100分）》: six items of 15 points in two groups
(服务监督: 服务对象监督, 内部监督, 社会监督; 服务评价: 自我评价, 服务对象评价, 第三方评价) and 加分项 up to 10
(服务对象表扬 +2, 意见建议被采纳 +3, 表彰 +2); "推行每月一考评和一年一考核相结合"; monthly titles
"党员示范岗""优秀服务标兵""流动红旗窗口""医保经办服务能手". Seed 004 (开原) 第八条: "每月窗口满意票数最高的评为
文明窗口，并在月考核中进行加分表彰，对于每月不满意票数最高的，将在月考核中进行扣分并通报".

The table is the county's (its profile's `score`): items, caps, points per event, which complaint channels
count under which item, which rating levels deduct how much, the titles. A county without one has none.
Nothing here imports Frappe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

DEDUCT = "deduct"  # the cap, less points per event found (never below 0)
ENTERED = "entered"  # entered by an evaluator, 0 to the cap (内部检查, 自我评价)
BONUS = "bonus"  # points per event, all bonus items together up to the table's bonus cap
KINDS = (DEDUCT, ENTERED, BONUS)
# where an item's events come from
SOURCES = ("complaint", "rating", "third_party", "praise", "suggestion", "honour", "")


@dataclass(frozen=True)
class Item:
	key: str
	group: str
	label: str
	kind: str
	cap: float = 0.0
	source: str = ""
	# event (a complaint channel, a rating level, "表扬"…) → points deducted or added per event
	per_event: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
	"""One level of the month's close chain: the role that acts there and what its act is called."""

	role: str
	label: str


# 002: "考评成绩由局办公室拟发通报统一公示": the evaluators' sheet goes to 局办公室, then the leader confirms it
DEFAULT_CHAIN = (
	Step("科室负责人", "考评人员评定"),
	Step("综合科", "局办公室审核"),
	Step("主要领导", "领导审定"),
)
DEFAULT_PUBLISHER = "综合科"  # 局办公室: the only one who publishes (公示)

# the month's course
OPEN = "评定中"
IN_REVIEW = "审核中"
CLOSED = "已确认"
PUBLISHED = "已公示"
MONTH_STATES = (OPEN, IN_REVIEW, CLOSED, PUBLISHED)
FROZEN_STATES = frozenset({IN_REVIEW, CLOSED, PUBLISHED})


@dataclass(frozen=True)
class Table:
	items: tuple[Item, ...]
	bonus_cap: float = 0.0
	titles: tuple[str, ...] = ()
	chain: tuple[Step, ...] = DEFAULT_CHAIN
	publisher: str = DEFAULT_PUBLISHER

	@property
	def full_marks(self) -> float:
		return sum(item.cap for item in self.items if item.kind != BONUS)


@dataclass(frozen=True)
class Line:
	"""One item of a worker's sheet: its points and how they came about."""

	key: str
	label: str
	cap: float
	points: float
	events: Mapping[str, int]
	change: float  # the deduction (negative) or the addition (positive) the events made
	waiting: bool = False  # an entered item nobody has entered yet (待录入)


@dataclass(frozen=True)
class Sheet:
	lines: tuple[Line, ...]
	bonus: float
	total: float


def table_errors(raw: Any) -> list[str]:
	"""What is wrong with a profile's `score` table, in Chinese; empty when it can be used."""
	if not isinstance(raw, Mapping):
		return ["考评表（score）应为对象"]
	errors: list[str] = []
	items = raw.get("items")
	if not isinstance(items, list) or not items:
		return ["考评表须列出考评项目（items）"]
	keys: set[str] = set()
	for i, item in enumerate(items):
		where = f"考评项目第 {i + 1} 项"
		if not isinstance(item, Mapping):
			errors.append(f"{where}应为对象")
			continue
		key, kind = item.get("key"), item.get("kind")
		if not key or not isinstance(key, str):
			errors.append(f"{where}缺少代码（key）")
		elif key in keys:
			errors.append(f"{where}的代码“{key}”重复")
		else:
			keys.add(key)
		if not item.get("label"):
			errors.append(f"{where}缺少名称（label）")
		if kind not in KINDS:
			errors.append(f"{where}的类型应为 {'、'.join(KINDS)} 之一")
		cap = item.get("cap", 0)
		if not isinstance(cap, int | float) or cap < 0 or (kind != BONUS and cap <= 0):
			errors.append(f"{where}的分值（cap）应为正数")
		if item.get("source", "") not in SOURCES:
			errors.append(f"{where}的来源（source）应为 {'、'.join(s for s in SOURCES if s)} 之一")
		per_event = item.get("per_event", {})
		if not isinstance(per_event, Mapping) or any(
			not isinstance(v, int | float) or v < 0 for v in per_event.values()
		):
			errors.append(f"{where}的每次分值（per_event）应为非负数")
		if kind in (DEDUCT, BONUS) and not per_event:
			errors.append(f"{where}须写明每次扣分或加分（per_event）")
	# one complaint channel counts under one item only (002 names 网上投诉 under two: the county decides)
	seen: dict[str, str] = {}
	for item in items:
		if isinstance(item, Mapping) and item.get("source") == "complaint":
			for channel in item.get("per_event", {}):
				if channel in seen:
					errors.append(
						f"投诉渠道“{channel}”同时计入“{seen[channel]}”和“{item.get('label')}”，只能计入一项"
					)
				seen[channel] = str(item.get("label"))
	bonus_cap = raw.get("bonus_cap", 0)
	if not isinstance(bonus_cap, int | float) or bonus_cap < 0:
		errors.append("加分上限（bonus_cap）应为非负数")
	chain = raw.get("close_chain")
	if chain is not None and (
		not isinstance(chain, list)
		or not chain
		or not all(isinstance(step, Mapping) and step.get("role") and step.get("label") for step in chain)
	):
		errors.append("月度考评的确认流程（close_chain）应列出各级的角色（role）和名称（label）")
	if "publisher" in raw and not (isinstance(raw["publisher"], str) and raw["publisher"]):
		errors.append("公示人角色（publisher）应为角色名称")
	return errors


def table_of(raw: Mapping | None) -> Table | None:
	"""The county's table from its profile; None for a county without one (it gets no score)."""
	if not raw:
		return None
	return Table(
		items=tuple(
			Item(
				key=item["key"],
				group=item.get("group", ""),
				label=item["label"],
				kind=item["kind"],
				cap=float(item.get("cap", 0)),
				source=item.get("source", ""),
				per_event={str(k): float(v) for k, v in item.get("per_event", {}).items()},
			)
			for item in raw["items"]
		),
		bonus_cap=float(raw.get("bonus_cap", 0)),
		titles=tuple(raw.get("titles", ())),
		chain=tuple(Step(step["role"], step["label"]) for step in raw["close_chain"])
		if raw.get("close_chain")
		else DEFAULT_CHAIN,
		publisher=raw.get("publisher") or DEFAULT_PUBLISHER,
	)


def entered_error(item: Item, value: Any, closed: bool = False) -> str | None:
	"""An evaluator's entry for an entered item (内部监督, 自我评价): a number from 0 to its cap, and only
	while the month is open."""
	if closed:
		return "本月考评已确认，不能再修改；确需更正的，请先写明理由重新打开"
	if item.kind != ENTERED:
		return f"“{item.label}”由系统按记录计算，不能手工填写"
	try:
		number = float(value)
	except (TypeError, ValueError):
		return f"“{item.label}”的得分应为数字"
	if not 0 <= number <= item.cap:
		return f"“{item.label}”的得分应在 0 到 {_fmt(item.cap)} 分之间"
	return None


def item_of(table: Table, key: str | None) -> Item | None:
	return next((item for item in table.items if item.key == key), None)


# the sources an evaluator enters (the others are counted from the hall's own records)
ENTERED_SOURCES = frozenset({"third_party", "praise", "suggestion", "honour"})


def entry_error(
	item: Item | None, event: str | None, times: Any, points: Any, closed: bool = False
) -> str | None:
	"""One line of the 考评登记: an entered item (内部检查, 自我评价) is a score from 0 to its cap; an event of a
	source the hall keeps no record of (a third-party survey, a written praise, an honour, an adopted
	suggestion) is one of the events the county's table names, at least once. Complaints and ratings are
	counted from their records: never entered by hand. Nothing changes in a month already confirmed."""
	if closed:
		return "该月考评已提交审核或已确认，不能再录入或修改；确需更正的，请由局办公室写明理由重新打开"
	if item is None:
		return "请选择本县考评表中的考评项目"
	if item.kind == ENTERED:
		return entered_error(item, points)
	if item.source not in ENTERED_SOURCES:
		return f"“{item.label}”由系统按投诉查实、好差评等记录计算，不能手工录入"
	if not event or event not in item.per_event:
		return f"“{item.label}”的事项应为 {'、'.join(item.per_event)} 之一"
	try:
		count = int(times)
	except (TypeError, ValueError):
		return "次数应为正整数"
	if count < 1 or str(times).strip() not in (str(count), f"{count}.0"):
		return "次数应为正整数"
	return None


def evaluator_error(
	user: str, staff: str | None, is_evaluator: bool, in_scope: bool, is_worker: bool = True
) -> str | None:
	"""Who enters a worker's month: an evaluator (科室负责人, 分管领导, 主要领导, 局办公室), for a worker of
	their own departments, and never about themselves (a person never handles a matter about themselves)."""
	if not is_evaluator:
		return "只有考评人员（科室负责人、分管领导、主要领导、局办公室）可以录入月度考评"
	if not staff:
		return "请选择被考评的窗口工作人员"
	if staff == user:
		return "不能为自己录入考评，请由其他考评人员录入"
	if not is_worker:
		return "被考评人不是窗口工作人员：月度考评只考评窗口工作人员"
	if not in_scope:
		return "只能为本人分管科室窗口的工作人员录入考评"
	return None


# ---------------------------------------------------------------- the month's close chain and publication


def advance_error(
	status: str,
	level: int,
	chain: tuple[Step, ...],
	roles: set[str],
	user: str = "",
	holder: str | None = None,
	holder_name: str = "",
) -> str | None:
	"""The month goes up the county's chain one level at a time (002: evaluators → 局办公室 → leader), each
	level by a holder of its role; a confirmed month goes nowhere. A level the settings give to one named
	person (the main leader) is theirs alone, or their stand-in's while they are away (`holder`: whoever
	acts for the post today), as on every other form of the hall."""
	if status in (CLOSED, PUBLISHED):
		return f"该月考评{status}，如需更正请由局办公室写明理由重新打开"
	if not 0 <= level < len(chain):
		return "该月考评的确认流程有误，请联系大厅管理员"
	step = chain[level]
	if holder:
		return None if user == holder else f"“{step.label}”由{holder_name or holder}办理"
	if step.role not in roles:
		return f"“{step.label}”须由{step.role}办理"
	return None


def after_advance(level: int, chain: tuple[Step, ...]) -> tuple[str, int]:
	"""(status, level) once the level `level` has acted: the next level, or confirmed after the last."""
	nxt = level + 1
	return (CLOSED, nxt) if nxt >= len(chain) else (IN_REVIEW, nxt)


def send_back_error(
	status: str,
	level: int,
	chain: tuple[Step, ...],
	roles: set[str],
	opinion: str,
	user: str = "",
	holder: str | None = None,
	holder_name: str = "",
) -> str | None:
	"""A reviewer returns the month to the evaluators, with what is to be corrected (who may: as for
	`advance_error`)."""
	if status != IN_REVIEW:
		return "只有审核中的月度考评可以退回"
	error = advance_error(status, level, chain, roles, user, holder, holder_name)
	if error:
		return error
	if not (opinion or "").strip():
		return "退回时请写明需要更正的内容"
	return None


def publish_error(status: str, roles: set[str], publisher: str) -> str | None:
	"""002: "考评成绩由局办公室拟发通报统一公示，负责考核的人员不得自行公示成绩数据": only the publisher's role,
	and only a confirmed month."""
	if publisher not in roles:
		return f"月度考评只能由{publisher}（局办公室）统一公示，考评人员不得自行公示"
	if status == PUBLISHED:
		return "该月考评已公示"
	if status != CLOSED:
		return f"该月考评当前为“{status}”：须经确认流程全部审定后才能公示"
	return None


def reopen_error(status: str, roles: set[str], publisher: str, reason: str) -> str | None:
	"""A correction reopens a confirmed (or published) month, by 局办公室 only, with a reason on the trail."""
	if publisher not in roles:
		return f"只有{publisher}（局办公室）可以重新打开月度考评"
	if status not in (CLOSED, PUBLISHED):
		return f"该月考评当前为“{status}”，无需重新打开"
	if not (reason or "").strip():
		return "重新打开时请写明更正的理由"
	return None


def title_error(title: str | None, table: Table) -> str | None:
	"""A monthly title is one the county awards (沂南: 党员示范岗, 优秀服务标兵, 流动红旗窗口, 医保经办服务能手)."""
	if title not in table.titles:
		return f"评选称号应为 {'、'.join(table.titles) or '（本县未设称号）'} 之一"
	return None


def line_of(item: Item, events: Mapping[str, int], entered: float | None = None) -> Line:
	"""One item: a deduct item loses points per event down to 0 (002: "每查实一次扣3分"); an entered item is
	what the evaluator entered; a bonus item adds points per event (capped with the others by the table)."""
	counted = {event: int(n) for event, n in events.items() if n and event in item.per_event}
	change = sum(item.per_event[event] * n for event, n in counted.items())
	if item.kind == DEDUCT:
		points = max(0.0, item.cap - change)
		return Line(item.key, item.label, item.cap, round(points, 2), counted, -round(item.cap - points, 2))
	if item.kind == ENTERED:
		return Line(item.key, item.label, item.cap, round(float(entered or 0), 2), {}, 0.0, entered is None)
	return Line(item.key, item.label, item.cap, round(change, 2), counted, round(change, 2))


def sheet_of(
	table: Table, events: Mapping[str, Mapping[str, int]], entered: Mapping[str, float] | None = None
) -> Sheet:
	"""A worker's month: each item's line, the bonus (all bonus items together, up to the table's cap) and
	the total. `events[item.key]` counts the month's events of that item (complaints found true by channel,
	ratings by level…); `entered[item.key]` is an evaluator's entry."""
	entered = entered or {}
	lines = tuple(line_of(item, events.get(item.key, {}), entered.get(item.key)) for item in table.items)
	base = sum(line.points for line, item in zip(lines, table.items, strict=True) if item.kind != BONUS)
	bonus = min(
		table.bonus_cap,
		sum(line.points for line, item in zip(lines, table.items, strict=True) if item.kind == BONUS),
	)
	return Sheet(lines, round(bonus, 2), round(base + bonus, 2))


def best_and_worst(votes: Iterable[tuple[str, int, int]]) -> tuple[list[str], list[str]]:
	"""004 第八条: the windows with the most satisfied votes (文明窗口) and those with the most dissatisfied
	votes of the month, from (window, satisfied, dissatisfied). Ties share the place; no votes, no window."""
	rows = list(votes)
	top = max((s for _w, s, _d in rows), default=0)
	bottom = max((d for _w, _s, d in rows), default=0)
	best = sorted(w for w, s, _d in rows if top and s == top)
	worst = sorted(w for w, _s, d in rows if bottom and d == bottom)
	return best, worst


def month_ended_error(end: date, today: date) -> str | None:
	"""A month is evaluated once it is over: its sheet goes up the chain from the first day after it."""
	if today < end:
		return f"该月尚未结束（{end.isoformat()} 起才能提交），不能提交月度考评"
	return None


def months_counted(year: int, today: date) -> list[int]:
	"""The months of `year` a roll-up counts: those begun by `today` (a month still to come has no score)."""
	if year < today.year:
		return list(range(1, 13))
	if year == today.year:
		return list(range(1, today.month + 1))
	return []


def annual_average(totals: Iterable[float]) -> float:
	"""002: "推行每月一考评和一年一考核相结合": the year's result is the mean of its monthly scores (one decimal);
	a year with no month counted reads 0."""
	values = list(totals)
	return round(sum(values) / len(values), 1) if values else 0.0


def _fmt(number: float) -> str:
	return str(int(number)) if float(number).is_integer() else str(number)
