"""Rules of the delay-service log (延时服务登记), pure.

002 沂南《服务窗口延时服务制度》: "延时服务是指医保经办窗口工作人员在正常工作时间临近结束时，对申请人的服务事项没有办结的，
窗口工作人员主动延长工作时间，为服务对象办理相关事项。"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time

HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

SCREEN = "屏幕签名"
PAPER = "纸质签字"
CONFIRMATION_METHODS = (SCREEN, PAPER)

DRAFT = "草稿"
TO_FILE = "待备案"
FILED = "已备案"


def parse_hhmm(text: str | None) -> time | None:
	"""'17:30' as a time; None for an empty value; ValueError for anything else."""
	if not text:
		return None
	match = HHMM.match(str(text).strip()[:5])
	if not match:
		raise ValueError(f"“{text}”不是有效的时间（应为 时:分，如 17:30）")
	return time(int(match.group(1)), int(match.group(2)))


def minutes(of: time) -> int:
	return of.hour * 60 + of.minute


def extension_minutes(
	served_until: time, closing: time, noon_closing: time | None = None, noon_opening: time | None = None
) -> int | None:
	"""How long the window stayed open past its hours, in minutes; None when `served_until` is inside
	working hours (then it is not a delay service).

	002 沂南: "每天上午和下午临近下班时间办结完毕所有业务，不能借故离开、拒绝受理或推迟至当日下午或次日办结" —
	both the noon break and the evening closing can be extended.
	"""
	end = minutes(served_until)
	if end > minutes(closing):
		return end - minutes(closing)
	if noon_closing and noon_opening and minutes(noon_closing) < end <= minutes(noon_opening):
		return end - minutes(noon_closing)
	return None


def hours_error(closing: time | None, noon_closing: time | None, noon_opening: time | None) -> str | None:
	"""The hall's hours make sense: a closing time, and a noon break that ends after it starts and
	before the closing."""
	if closing is None:
		return "请先在大厅设置中填写下班时间"
	if bool(noon_closing) != bool(noon_opening):
		return "午间下班时间和下午上班时间须同时填写或同时留空"
	if noon_closing and noon_opening and not (noon_closing < noon_opening < closing):
		return "午间下班时间须早于下午上班时间，且都早于下班时间"
	return None


def extension_error(computed: int | None, adjusted: int | None, reason: str | None) -> str | None:
	"""The length is computed from the hall's hours; it may be changed only with a reason, and is never
	zero or negative."""
	if adjusted is not None and adjusted != computed:
		if adjusted <= 0:
			return f"延时时长须大于零（填写的是 {adjusted} 分钟）"
		if not (reason or "").strip():
			return "修改延时时长须写明理由"
		return None
	if computed is None:
		return "服务结束时间在工作时间内，不属于延时服务：延时服务是下班后继续为群众办理"
	return None


def handler_error(handler: str, window: str, window_staff: Iterable[str | None]) -> str | None:
	"""The record is the window's own: its A or B post records it.

	002 沂南: "延时服务完成后，承办人及申请人在《…延时服务登记表》（一式两份）上签字确认"
	"""
	if handler not in {s for s in window_staff if s}:
		return f"您不是 {window} 号窗口的A角或B角，不能为该窗口登记延时服务"
	return None


def citizen_confirmation_error(
	method: str | None, signature: str | None, signed_copy: str | None
) -> str | None:
	"""The citizen (延时人) confirms for themselves: a signature drawn on the window's screen, or the
	printed copy signed and scanned. A tick by the clerk is not a confirmation."""
	if not method:
		return None
	if method not in CONFIRMATION_METHODS:
		return f"延时人确认方式“{method}”无效，应为{'或'.join(CONFIRMATION_METHODS)}"
	if method == SCREEN and not (signature or "").startswith("data:image"):
		return "延时人须在窗口屏幕上亲笔签名：签名为空，不能代为确认"
	if method == PAPER and not signed_copy:
		return "选择纸质签字时，须上传延时人签字的登记表扫描件"
	return None


def status_of(handler_confirmed: bool, citizen_confirmed: bool, filed: bool) -> str:
	"""Once both have confirmed the record goes to 综合科; once 综合科 files it, it is kept as it is.

	002 沂南: "并将登记表报送医保中心综合科备案"
	"""
	if filed:
		return FILED
	if handler_confirmed and citizen_confirmed:
		return TO_FILE
	return DRAFT


def reopen_error(reason: str | None, confirmed: bool, filed: bool) -> str | None:
	"""Seed 002 延时服务登记表 is signed by 承办人 and 延时人: a change after a signature reopens the record with
	a reason and clears both signatures, so what is filed is what both signed. A filed record stays as filed."""
	if filed:
		return "已备案的登记表不能重新打开"
	if not confirmed:
		return "登记表还没有人确认或签字，可以直接修改"
	if len((reason or "").strip()) < 2:
		return "重新打开须写明理由（确认和签字将被清除，须重新确认和签字）"
	return None
