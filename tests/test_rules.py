"""The small rules the controllers call, each with the seed sentence it comes from."""

from datetime import date

from insurance_hall.rules.catalogue import IMMEDIATE, PROMISED, promise_error
from insurance_hall.rules.chain import DEPARTMENT_HEAD, DEPUTY_IN_CHARGE, MAIN_LEADER, chain_level_errors
from insurance_hall.rules.staffing import (
	acting_user,
	overlapping_period,
	same_ab_staff_error,
	substitute_errors,
)

# 001 万州: "窗口常驻工作人员（即A角）不在岗时，应由相同或相似岗位的工作人员（即B角）代行其职责。"


def test_a_and_b_must_be_two_people():
	assert same_ab_staff_error("a@x.cn", "a@x.cn") == "A角和B角不能是同一人：B角须在A角不在岗时代行其职责"
	assert same_ab_staff_error("a@x.cn", "b@x.cn") is None
	assert same_ab_staff_error("a@x.cn", None) is None


def test_a_substitute_is_someone_else_for_a_forward_period():
	assert substitute_errors("a", "a", date(2026, 3, 1), date(2026, 3, 2)) == ["代岗人不能是被代岗人本人"]
	assert substitute_errors("a", "b", date(2026, 3, 2), date(2026, 3, 1)) == [
		"结束日期 2026-03-01 早于开始日期 2026-03-02"
	]
	assert substitute_errors("a", "b", date(2026, 3, 1), date(2026, 3, 1)) == []


def test_one_stand_in_at_a_time():
	others = [("S1", date(2026, 3, 1), date(2026, 3, 5))]
	assert overlapping_period(date(2026, 3, 5), date(2026, 3, 9), others) == others[0]
	assert overlapping_period(date(2026, 2, 20), date(2026, 3, 1), others) == others[0]
	assert overlapping_period(date(2026, 3, 6), date(2026, 3, 9), others) is None


def test_the_stand_in_acts_only_within_the_period():
	assignments = [("head", "deputy", date(2026, 3, 1), date(2026, 3, 5))]
	assert acting_user("head", date(2026, 3, 3), assignments) == "deputy"
	assert acting_user("head", date(2026, 3, 6), assignments) == "head"
	assert acting_user("other", date(2026, 3, 3), assignments) == "other"


# 004 开原: "承诺办理事项:  10项待遇等业务承诺时限压缩至21天。"


def test_promised_matters_need_days_and_immediate_matters_none():
	assert promise_error(PROMISED, 21) is None
	assert promise_error(IMMEDIATE, 0) is None
	assert promise_error(PROMISED, -1) == "承诺办结时限不能为负数（-1）"
	assert promise_error(IMMEDIATE, -3) == "承诺办结时限不能为负数（-3）"
	assert promise_error(PROMISED, 0) == "承诺件须填写承诺办结的工作日数（大于 0）"
	assert promise_error(IMMEDIATE, 5) == "即办件当场办结，不应填写承诺办结时限"


# 003 南阳: "构建“首问责任人——业务科（室）、局属单位负责人——局分管领导——局主要领导”四级责任链条"
# and "把握不准或仍不能办的，提请局主要领导最后审定"

NANYANG = [
	{"level": 1, "label": "科室负责人", "approver": DEPARTMENT_HEAD, "can_confirm": False},
	{"level": 2, "label": "局分管领导", "approver": DEPUTY_IN_CHARGE, "can_confirm": False},
	{"level": 3, "label": "局主要领导", "approver": MAIN_LEADER, "can_confirm": True},
]


def test_nanyang_chain_is_valid():
	assert chain_level_errors(NANYANG) == []


def test_a_missing_level_is_named():
	errors = chain_level_errors([NANYANG[0], NANYANG[2]])
	assert errors == ["审批层级：层级序号应为 [1, 2]，缺少第2级"]


def test_the_top_must_be_able_to_confirm():
	top = dict(NANYANG[2], can_confirm=False)
	assert chain_level_errors([*NANYANG[:2], top]) == [
		"审批层级：最高一级必须有权确认说“不”，否则说“不”事项无人能最终审定"
	]


def test_an_empty_chain_and_bad_approver_are_refused():
	assert chain_level_errors([]) == ["审批层级：至少需要一个审批层级"]
	errors = chain_level_errors([{"level": 1, "label": "", "approver": "Mayor", "can_confirm": True}])
	assert "审批层级第1行：缺少层级名称" in errors
	assert any("审批人“Mayor”无效" in e for e in errors)


def test_a_window_is_named_as_the_public_pages_name_it():
	from insurance_hall.rules.staffing import window_title

	assert window_title("1", "参保登记窗口") == "1号窗口 参保登记窗口"
	assert window_title("3", None) == "3号窗口"
