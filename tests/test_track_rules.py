"""进度查询 (rules/track.py): a reference and a proof open one record's state, and nothing else."""

from __future__ import annotations

from datetime import date

from conftest import SEEDS

from insurance_hall.rules import track as t


def quoted(number: str, sentence: str) -> str:
	assert sentence in next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8"), sentence
	return sentence


def test_a_reference_is_read_as_the_citizen_types_it():
	quoted("002", "大厅自助查询终端建立多渠道综合查询窗口")
	assert t.normalise_reference(" bj-2026-00042 ") == "BJ-2026-00042"
	assert t.normalise_reference("YY－2026－00001") == "YY-2026-00001"
	assert t.kind_of("TS-2026-00007") == t.COMPLAINT
	assert t.kind_of("BJ-2026-00042") == t.CASE
	assert t.kind_of("YY-2026-00001") == t.BOOKING
	for junk in (
		"",
		"XX-2026-00001",
		"BJ-2026",
		"BJ-2026-00042; drop table",
		["BJ-2026-00042"],
		None,
		"B" * 50,
	):
		assert t.normalise_reference(junk) is None, junk


def test_the_proof_is_four_digits_of_the_phone_or_the_id_number():
	assert t.proof_error("0001") is None
	assert t.proof_error("11010119900307457X") is None
	for bad in ("", "123", "12345", "abcd", None, ["0001"], "1101011990030745"):
		assert t.proof_error(bad) == t.PROOF_HELP, bad
	assert t.proof_matches("0001", "137 0000 0001", None)
	assert t.proof_matches("0001", "+86 137-0000-0001", None)
	assert not t.proof_matches("0002", "13700000001", None)
	assert not t.proof_matches("0001", None, None)
	assert t.proof_matches("11010119900307457x".upper(), None, "11010119900307457X")
	assert not t.proof_matches("110101199003074578", None, None)


def test_a_case_says_what_is_missing_until_it_is_finished():
	quoted("001", "主动公开服务事项办理依据、流程、结果等信息")
	rows = [{"material": "身份证", "received": 1}, {"material": "参保地备案表", "received": 0}]
	assert t.missing_materials(rows) == ["参保地备案表"]
	running = {"status": "已受理", "due_date": "2026-12-31", "rongque_promise_date": "2026-12-10"}
	lines = t.case_lines(running, ["参保地备案表"], date(2026, 12, 3))
	assert "承诺办结日期：2026-12-31" in lines
	assert "尚需补交的材料：参保地备案表" in lines
	assert "承诺补交日期：2026-12-10" in lines
	done = {**running, "status": "已办结", "closed_on": "2026-12-20"}
	lines = t.case_lines(done, ["参保地备案表"], date(2026, 12, 21))
	assert "已办结，请按窗口告知的方式领取结果" in lines
	assert not any("补交" in line for line in lines)


def test_a_complaint_shows_its_state_never_its_content():
	lines = t.complaint_lines(
		{"received_at": "2026-12-01 09:30:00", "content": "窗口态度不好", "closed_on": None}
	)
	assert lines == ["受理时间：2026-12-01 09:30", "处理状态：正在办理，办结后将告知您处理结果"]
	closed = t.complaint_lines(
		{"received_at": "2026-12-01 09:30:00", "closed_on": "2026-12-03", "outcome": "按时解决"}
	)
	assert "处理结果：按时解决" in closed
	assert t.booking_lines({"status": "已预约", "booking_date": "2026-12-04", "slot_time": "10:00:00"}) == [
		"预约状态：已预约",
		"预约时间：2026-12-04 10:00",
	]


def test_a_month_is_published_once_it_is_over():
	from insurance_hall.rules.period import month_after, month_before, previous_month, published_month

	assert previous_month(date(2027, 1, 1)) == (2026, 12)
	assert previous_month(date(2026, 12, 31)) == (2026, 11)
	assert published_month(None, None, date(2027, 1, 15)) == (2026, 12)
	assert published_month("2026", "11月", date(2027, 1, 15)) == (2026, 11)
	assert published_month(2027, 1, date(2027, 1, 15)) == (2026, 12)  # the running month is not out yet
	assert published_month(2099, 5, date(2027, 1, 15)) == (2026, 12)
	assert published_month("0", "5", date(2027, 1, 15)) == (2026, 12)
	assert published_month("<b>", "x", date(2027, 1, 15)) == (2026, 12)
	assert month_after(2026, 12) == (2027, 1)
	assert month_before(2027, 1) == (2026, 12)
