"""The citizen's own thread without an account (pure): a reference and a proof (the last four digits of the
phone given, or the ID number) open where a case, a booking or a complaint stands, and nothing else.

002 沂南: "依托沂南政务服务网、临沂医保 APP、大厅自助查询终端建立多渠道综合查询窗口".
001 沂南: "信息公开，主动公开服务事项办理依据、流程、结果等信息".

A wrong proof and an unknown reference get the same answer (`NOT_FOUND`), so a reference cannot be probed;
both count against the same rate limit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from insurance_hall.rules.case import DONE

CASE, BOOKING, COMPLAINT = "Hall Case", "Hall Booking", "Hall Complaint"
# the prefixes of the references the hall hands out: 办件 BJ-2026-00001, 预约 YY-2026-00001, 投诉 TS-2026-00001
PREFIXES = {"BJ": CASE, "YY": BOOKING, "TS": COMPLAINT}
REFERENCE = re.compile(r"^(BJ|YY|TS)-\d{4}-\d{3,7}$")
NOT_FOUND = "未查到该编号的记录，请核对编号和电话后四位（或身份证号码）"
PROOF_HELP = "请填写办理或预约时所留电话号码的后四位，或身份证号码"


def normalise_reference(reference: object) -> str | None:
	"""A reference as typed (spaces, lower case, full-width dash) in the hall's form; None when it is none."""
	if not isinstance(reference, str) or len(reference) > 40:
		return None
	text = reference.strip().upper().replace("－", "-").replace("—", "-").replace(" ", "")
	return text if REFERENCE.match(text) else None


def kind_of(reference: str) -> str | None:
	return PREFIXES.get(reference.split("-", 1)[0]) if reference else None


def proof_error(proof: object) -> str | None:
	"""The proof is four digits or an 18-character ID number; anything else is refused before any lookup."""
	if not isinstance(proof, str | int):
		return PROOF_HELP
	text = str(proof).strip().upper()
	if re.fullmatch(r"\d{4}", text) or re.fullmatch(r"\d{17}[\dX]", text):
		return None
	return PROOF_HELP


def proof_matches(proof: str, phone: str | None, id_number: str | None) -> bool:
	"""The last four digits of the phone on the record, or its ID number."""
	text = str(proof).strip().upper()
	if len(text) == 4:
		digits = re.sub(r"\D", "", phone or "")
		return len(digits) >= 4 and digits[-4:] == text
	return bool(id_number) and str(id_number).strip().upper() == text


def missing_materials(rows: Sequence[Mapping]) -> list[str]:
	"""What the applicant still has to bring: the materials the window has not received."""
	return [str(row.get("material")) for row in rows if row.get("material") and not row.get("received")]


def case_lines(case: Mapping, missing: Sequence[str], today: date) -> list[str]:
	"""Where a case stands, in the words the window would use on the phone."""
	status = case.get("status") or ""
	lines = [f"办理状态：{status}"]
	if case.get("service_matter"):
		lines.append(f"办理事项：{case['service_matter']}")
	if case.get("closed_on"):
		lines.append(f"办结日期：{case['closed_on']}")
		if status == DONE:
			lines.append("已办结，请按窗口告知的方式领取结果")
	elif case.get("due_date"):
		lines.append(f"承诺办结日期：{case['due_date']}")
	if missing and not case.get("closed_on"):
		lines.append(f"尚需补交的材料：{'、'.join(missing)}")
		if case.get("rongque_promise_date"):
			lines.append(f"承诺补交日期：{case['rongque_promise_date']}")
	return lines


def booking_lines(booking: Mapping) -> list[str]:
	slot = str(booking.get("slot_time") or "")[:5]
	lines = [f"预约状态：{booking.get('status') or ''}", f"预约时间：{booking.get('booking_date')} {slot}"]
	if booking.get("service_matter"):
		lines.append(f"预约事项：{booking['service_matter']}")
	return lines


def complaint_lines(complaint: Mapping) -> list[str]:
	"""A complaint's state, never its content or the staff's notes: received, answered or still in hand."""
	lines = [f"受理时间：{str(complaint.get('received_at') or '')[:16]}"]
	if complaint.get("closed_on"):
		lines.append(f"办结日期：{complaint['closed_on']}")
		if complaint.get("outcome"):
			lines.append(f"处理结果：{complaint['outcome']}")
	else:
		lines.append("处理状态：正在办理，办结后将告知您处理结果")
	return lines
