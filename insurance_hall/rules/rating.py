"""The hall's one rating scale (好差评), pure: every form that asks "how satisfied?" asks it here.

002 沂南: "必选项按照“非常满意”、“满意”、“基本满意”、“不满意”、“非常不满意”五个等级设置，后两个等级为差评"
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
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


# ---------------------------------------------------------------- the rating itself

# 002 沂南: "选填项针对具体服务事项细化评价问询表单，可设置服务指引是否清晰、办事程序是否便利、材料手续是否精简、
# 操作界面是否友好、有何改进意见等项目，由单位和群众自愿填写。"
QUESTIONS: tuple[tuple[str, str], ...] = (
	("guidance_clear", "服务指引是否清晰"),
	("procedure_convenient", "办事程序是否便利"),
	("materials_lean", "材料手续是否精简"),
	("interface_friendly", "操作界面是否友好"),
)
ANSWERS = ("是", "否")

# 002 沂南: "如评价为差评时，单位和群众应至少勾选一项差评原因选填项。" The reasons are the optional items,
# answered the bad way.
BAD_REASONS: tuple[str, ...] = (
	"服务指引不清晰",
	"办事程序不便利",
	"材料手续不精简",
	"操作界面不友好",
	"服务态度不好",
	"其他（见改进意见）",
)
OTHER_REASON = BAD_REASONS[-1]

# 002 沂南: "评价渠道涵盖政务服务大厅医保窗口、“掌上办”、“网上办”各类医保政务服务平台、热线电话平台、自助服务终端等"
LINK, DEVICE, PHONE, DELAY_FORM = "链接或二维码", "窗口评价器", "电话", "延时服务登记表"
BOOKING_FORM = "预约服务申请表"
# a form's own satisfaction tick, signed by the citizen on that form
FORM_TICKS = (DELAY_FORM, BOOKING_FORM)
CHANNELS = (LINK, DEVICE, PHONE, *FORM_TICKS)
STAFF_CHANNELS = (DEVICE, PHONE)


def answer_error(question: str, answer: str | None) -> str | None:
	if answer and answer not in ANSWERS:
		return f"“{question}”只能回答“是”或“否”"
	return None


def bad_reasons_error(bad: bool, reasons: Sequence[str], suggestion: str | None) -> str | None:
	"""002 沂南: "如评价为差评时，单位和群众应至少勾选一项差评原因选填项。" """
	unknown = [reason for reason in reasons if reason not in BAD_REASONS]
	if unknown:
		return f"差评原因“{'、'.join(unknown)}”不在原因清单中，应为：{'、'.join(BAD_REASONS)}"
	if not bad:
		return None
	if not reasons:
		return "差评须至少勾选一项差评原因"
	if OTHER_REASON in reasons and not (suggestion or "").strip():
		return "勾选“其他”原因时，请在改进意见中写明"
	return None


def self_rating_error(rater: str, staff: Sequence[str | None]) -> str | None:
	"""One cannot rate one's own service (004 开原: "医保服务机构和工作人员不得强迫或干扰评价主体的评价行为")."""
	if rater and rater in [s for s in staff if s]:
		return "工作人员不能评价自己经办的服务"
	return None


# ---------------------------------------------------------------- the bad rating's course

# 004 开原: "对“不满意”或“非常不满意”评价要在24小时内进行核实,经核实为误评或恶意差评的评价结果不予采纳;
# 经核查确定为差评的,应当在15日内进行整改,并将整改情况书面反馈至市营商局。"
MISTAKEN, MALICIOUS, CONFIRMED = "误评", "恶意差评", "差评属实"
CONCLUSIONS = (MISTAKEN, MALICIOUS, CONFIRMED)
RATED, TO_CHECK, TO_FIX, TO_VISIT, CLOSED, NOT_COUNTED = (
	"已评价",
	"待核实",
	"待整改",
	"待回访",
	"已办结",
	"不予采纳",
)
STATES = (RATED, TO_CHECK, TO_FIX, TO_VISIT, CLOSED, NOT_COUNTED)
OPEN_STATES = (TO_CHECK, TO_FIX)


def first_state(bad: bool) -> str:
	return TO_CHECK if bad else RATED


def check_error(state: str, conclusion: str | None, note: str | None) -> str | None:
	if state != TO_CHECK:
		return f"该评价当前为“{state}”，不在待核实状态"
	if conclusion not in CONCLUSIONS:
		return f"核实结论应为：{'、'.join(CONCLUSIONS)}"
	if not (note or "").strip():
		return "请写明核实情况" if conclusion == CONFIRMED else f"认定为“{conclusion}”须写明理由"
	return None


def state_after_check(conclusion: str) -> str:
	"""误评 / 恶意差评 are not counted; a true bad rating must be fixed."""
	return TO_FIX if conclusion == CONFIRMED else NOT_COUNTED


def fix_error(state: str, report: str | None) -> str | None:
	if state != TO_FIX:
		return f"该评价当前为“{state}”，不在待整改状态"
	if not (report or "").strip():
		return "请填写整改情况报告（书面反馈营商环境部门）"
	return None


def state_after_fix(named: bool) -> str:
	"""002 沂南: "实名差评回访率和整改率要达到100%": a named rater is visited back after the fix."""
	return TO_VISIT if named else CLOSED


def visit_error(state: str, note: str | None) -> str | None:
	if state != TO_VISIT:
		return f"该评价当前为“{state}”，不需要回访"
	if not (note or "").strip():
		return "请填写回访情况"
	return None


def counted(state: str) -> bool:
	"""A rating found mistaken or malicious is not counted (004: "评价结果不予采纳")."""
	return state != NOT_COUNTED


# ---------------------------------------------------------------- the invitation token


def token_payload(doctype: str, name: str, expires: int) -> str:
	return f"{doctype}\n{name}\n{expires}"


def sign(payload: str, key: bytes) -> str:
	body = base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")
	mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]
	return f"{body}.{mac}"


def read_token(token: str | None, key: bytes, now: int) -> tuple[tuple[str, str] | None, str | None]:
	"""((doctype, name), None) for a good token; (None, message) for an altered or expired one."""
	bad = "评价链接无效或已被改动，请向窗口工作人员重新索取"
	if not isinstance(token, str) or len(token) > 1000 or not token.isascii():
		return None, bad  # a link the app made is short and ASCII: anything else was typed or altered
	body, _, mac = token.partition(".")
	if not body or not mac:
		return None, bad
	expected = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]
	if not hmac.compare_digest(expected, mac):
		return None, bad
	try:
		doctype, name, expires = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode().split("\n")
		expires_at = int(expires)
	except ValueError:
		return None, bad
	if now > expires_at:
		return None, "评价链接已过期，请向窗口工作人员重新索取"
	return (doctype, name), None


def parse_reasons(raw) -> tuple[list[str] | None, str | None]:
	"""The bad-rating reasons a page sent (a JSON list, or one reason a line): (reasons, None), or (None, the
	reason it cannot be read) — never an error page."""
	bad = "差评原因格式不正确，请重新勾选"
	if raw in (None, ""):
		return [], None
	if isinstance(raw, str):
		text = raw.strip()
		if text.startswith("["):
			try:
				raw = json.loads(text)
			except ValueError:
				return None, bad
		else:
			raw = text.splitlines()
	if not isinstance(raw, list | tuple) or len(raw) > 20:
		return None, bad
	if not all(isinstance(item, str) and len(item) <= 200 for item in raw):
		return None, bad
	return [item.strip() for item in raw if item.strip()], None
