"""What the hall tells a citizen by SMS (rules/citizen.py)."""

from __future__ import annotations

from conftest import SEEDS

from insurance_hall.rules import citizen as c


def quoted(number: str, sentence: str) -> str:
	assert sentence in next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8"), sentence
	return sentence


def test_only_a_mobile_number_that_did_not_opt_out_gets_a_message():
	assert c.mobile_of("+86 137-0000-0001") == "13700000001"
	assert c.mobile_of("0539-3225318") is None  # a landline receives no SMS
	assert c.mobile_of(None) is None
	assert c.why_not(False, "13700000001") is None
	assert c.why_not(True, "13700000001") == "申请人要求不接收短信通知"
	assert c.why_not(False, "0539-3225318") == "未留手机号码，无法短信通知"


def test_each_message_is_signed_names_the_reference_and_says_what_to_do():
	quoted("001", "服务事项办结后，通知申请人现场领取或邮寄送达办理结果")
	text = c.case_done_text("沂南县医疗保障局", "BJ-2026-00042", "异地就医备案", "1号窗口 参保登记窗口")
	assert (
		text
		== "【沂南县医疗保障局】您办理的异地就医备案（编号BJ-2026-00042）已办结，请到1号窗口 参保登记窗口领取结果。"
	)
	assert c.case_done_text(None, "BJ-2026-00042", None, None).startswith("【医保经办大厅】您办理的医保业务")
	assert "请按时前往" in c.booking_tomorrow_text("局", "YY-2026-00001", "2026-12-04", "10:00", "2号窗口")
	assert "参保地备案表" in c.rongque_due_text("局", "BJ-2026-00042", "2026-12-10", ["参保地备案表"])
	assert c.complaint_answered_text("局", "TS-2026-00001", "0539-3227009").endswith(
		"如有疑问请拨打0539-3227009。"
	)
