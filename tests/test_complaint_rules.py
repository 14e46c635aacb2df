"""The "吐槽找茬" complaint window's rules (002 §十 and the 考评标准), each with the seed sentence behind it."""

from datetime import date

import pytest
from conftest import SEEDS

from insurance_hall.rules import complaint as c
from insurance_hall.rules.profile import complaint_channels_errors, load_profile
from insurance_hall.setup.permissions import (
	COMPLAINT_HANDLER,
	COMPLAINT_PRIVATE,
	DEPUTY,
	HALL_ADMIN,
	MAIN_LEADER,
	PERMISSIONS,
	RECORDS,
	SECTION_HEAD,
	WINDOW_STAFF,
)


def seed() -> str:
	"""002, read when a test quotes it (a missing seed fails that test, not the whole layer)."""
	return next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")


def quoted(sentence: str) -> str:
	assert sentence in seed(), sentence
	return sentence


def test_not_solved_needs_the_policy_reason():
	quoted("因政策性原因不能达到诉求人要求的，要依法依规和政策要求做出合理解释，力求得到诉求人的理解")
	assert (
		c.closing_error("否", "", "已说明")
		== "问题未解决的，须写明政策性原因及向诉求人所作的解释（窗口无否决权）"
	)
	assert c.closing_error("否", "   ", "已说明") is not None
	assert c.closing_error("否", "异地备案须本人办理，系省统一规定", "已说明") is None
	assert c.closing_error("是", None, "当场办结") is None
	assert c.closing_error("", None, "当场办结") == "请选择问题是否解决"
	assert c.closing_error("是", None, " ") == "请填写办理单位解决问题措施"


def test_simple_problems_are_closed_on_the_spot_with_the_measure():
	quoted("对于简单的或有成熟解决方案的问题，“吐槽找茬”窗口工作人员应当场提供服务或予以协调解决")
	assert c.spot_error(True, "") == "当场解决的，请填写找茬窗口处理措施"
	assert c.spot_error(True, "当场引导取号") is None
	assert c.spot_error(False, "") is None


def test_outcome_for_the_monthly_report():
	quoted("对于当天能解决的当天解决，比较复杂的3个工作日内解决")
	due = date(2026, 3, 12)
	assert c.outcome(True, None, None, None) == c.ON_THE_SPOT
	assert c.outcome(False, "是", date(2026, 3, 12), due) == c.IN_TIME
	assert c.outcome(False, "是", date(2026, 3, 13), due) == c.LATE
	assert c.outcome(False, "否", date(2026, 3, 10), due) == c.NOT_SOLVED
	assert c.outcome(False, None, None, due) == c.OPEN


def test_the_summary_is_signed_in_order():
	# 附件3: "经办人：	审核人：	分管领导："
	quoted("经办人：	审核人：	分管领导：")
	none = [False, False, False]
	assert c.sign_error("handler", none, "a", "a") is None
	assert "顺序" in c.sign_error("reviewer", none, "b", "b")
	assert "顺序" in c.sign_error("leader", [True, False, False], "c", "c")
	assert c.sign_error("reviewer", [True, False, False], "b", "b") is None
	assert "不是本表指定的审核人" in c.sign_error("reviewer", [True, False, False], "x", "b")
	assert c.sign_error("reviewer", [True, False, False], "s", "b", acting="s") is None  # the stand-in
	assert "重复" in c.sign_error("handler", [True, False, False], "a", "a")
	assert "未指定" in c.sign_error("leader", [True, True, False], "c", None)
	assert c.next_signer([True, True, True]) is None


def test_one_reminder_then_one_escalation_to_the_window_leader():
	quoted("“吐槽找茬”窗口设在医保服务大厅，由医保服务中心分管领导直接负责")
	due = date(2026, 3, 12)
	step = c.complaint_step(date(2026, 3, 12), due, True, False, False, True)
	assert (step.remind, step.escalate, step.overdue) == (True, False, False)
	step = c.complaint_step(date(2026, 3, 13), due, True, True, False, True)
	assert (step.remind, step.escalate, step.overdue) == (False, True, True)
	step = c.complaint_step(date(2026, 3, 16), due, True, True, True, True)
	assert (step.remind, step.escalate, step.overdue) == (False, False, True)
	assert not c.complaint_step(date(2026, 3, 13), due, True, True, False, False).escalate


def test_found_true_deducts_by_channel_from_the_profile():
	quoted("局长信箱、电话投诉、网上投诉受理后,每查实一次扣3分")
	quoted("电话、行风热线、12345市民电话、微信公众号、网上投诉每查实一次扣5分")
	channels = [c.Channel(ch["label"], ch["deduction"]) for ch in load_profile("yinan")["complaint_channels"]]
	assert c.deduction_for(channels, "局长信箱") == 3
	assert c.deduction_for(channels, "12345市民热线") == 5
	assert c.deduction_for(channels, "微信公众号") == 5
	assert c.deduction_for(channels, "不存在") == 0


@pytest.mark.parametrize(
	"channels,expected",
	[
		([], "至少需要一种"),
		([{"label": "电话", "deduction": -1}], "不小于0"),
		([{"label": "电话", "deduction": 3}, {"label": "电话", "deduction": 5}], "重复"),
		(
			[
				{"label": "网上", "deduction": 3, "public_page": True},
				{"label": "微信", "deduction": 5, "public_page": True},
			],
			"最多一种",
		),
		([{"label": "电话", "deduction": 3, "color": "red"}], "未知的配置项"),
	],
)
def test_bad_channels_are_refused(channels, expected):
	assert any(expected in e for e in complaint_channels_errors(channels))


def test_public_page_input_is_checked():
	assert c.public_complaint_errors({"content": "窗口态度不好，让我跑了三趟", "anonymous": True}) == []
	assert c.public_complaint_errors({"content": "短", "anonymous": True}) == [
		"请写明您反映的问题（至少5个字）"
	]
	assert any(
		"不是有效的电话号码" in e
		for e in c.public_complaint_errors({"content": "窗口态度不好", "complainant_contact": "<b>"})
	)
	# the same phone rule as /rate and /booking: "123" is no phone number, for the same reason everywhere
	assert c.public_complaint_errors({"content": "窗口态度不好", "complainant_contact": "123"}) == [
		"“123”不是有效的电话号码：请填写11位手机号，或带区号的固定电话（如 0539-3225318）"
	]
	assert any("匿名" in e for e in c.public_complaint_errors({"content": "窗口态度不好"}))
	assert any("2000" in e for e in c.public_complaint_errors({"content": "长" * 2001, "anonymous": True}))
	# what a page sends is text: a list or an object is refused, never stored as its Python spelling
	assert c.public_complaint_errors({"content": {"x": "窗口态度不好"}, "anonymous": True}) == [
		"反映的问题格式不正确"
	]
	assert c.public_complaint_errors({"content": "窗口态度不好", "complainant_name": ["王"]}) == [
		"姓名格式不正确"
	]


def test_who_complained_is_read_only_by_handlers_records_and_leaders():
	# 002: "做好保密工作，未经投诉人同意不得公开相关情况"
	quoted("做好保密工作，未经投诉人同意不得公开相关情况")
	assert set(COMPLAINT_PRIVATE) == {COMPLAINT_HANDLER, RECORDS, DEPUTY, MAIN_LEADER}
	readers = set(PERMISSIONS["Hall Complaint"])
	assert readers == set(COMPLAINT_PRIVATE)
	assert not readers & {WINDOW_STAFF, SECTION_HEAD, HALL_ADMIN}
	assert WINDOW_STAFF not in PERMISSIONS["Complaint Referral"]


def test_the_identity_fields_are_at_permlevel_1_for_exactly_those_roles():
	import json

	from conftest import ROOT

	meta = json.loads(
		(ROOT / "insurance_hall/insurance_hall/doctype/hall_complaint/hall_complaint.json").read_text(
			encoding="utf-8"
		)
	)
	levels = {f["fieldname"]: f.get("permlevel", 0) for f in meta["fields"]}
	assert levels["complainant_name"] == levels["complainant_contact"] == 1
	private = {
		p["role"]: "R" + ("W" if p.get("write") else "")
		for p in meta["permissions"]
		if p.get("permlevel") == 1
	}
	assert private == COMPLAINT_PRIVATE
	referral = json.loads(
		(ROOT / "insurance_hall/insurance_hall/doctype/complaint_referral/complaint_referral.json").read_text(
			encoding="utf-8"
		)
	)
	assert not {"complainant_name", "complainant_contact"} & {f["fieldname"] for f in referral["fields"]}


def test_a_signed_summary_reopens_only_with_a_reason_and_never_once_the_leader_signed():
	"""003 附件3 总结分析表: 经办人、审核人、分管领导 sign what they read."""
	from insurance_hall.rules.complaint import reopen_summary_error

	assert reopen_summary_error("回访记录有误", [True, False, False], False) is None
	assert reopen_summary_error("", [True, True, False], False).startswith("重新打开须写明理由")
	assert (
		reopen_summary_error("x" * 5, [False, False, False], False) == "总结分析表还没有人签字，可以直接修改"
	)
	assert reopen_summary_error("回访记录有误", [True, True, True], True).startswith("分管领导已签字")
