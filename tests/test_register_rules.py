"""应急处理 (001 §十) and 问题排查整改台账 (002), pure: each rule with the seed sentence it reads."""

import re
from datetime import date, datetime

import pytest
from conftest import SEEDS

from insurance_hall.rules import incident as i
from insurance_hall.rules import rectification as r
from insurance_hall.rules.profile import load_profile, validate_profile

NOW = datetime(2026, 12, 31, 17, 0)
EVENT = datetime(2026, 12, 31, 16, 40)


def quoted(number: str, sentence: str) -> str:
	text = re.sub(r"\s+", "", next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8"))
	assert re.sub(r"\s+", "", sentence) in text, sentence
	return sentence


# ---------------------------------------------------------------- 应急处理


def test_an_incident_says_what_happened_and_when():
	quoted("001", "发生群体性（突发性）事件后，立即电话或书面报告")
	assert i.filing_error("人员聚集", EVENT, NOW, "十余人聚集在3号窗口") is None
	assert (
		i.filing_error("地震", EVENT, NOW, "x")
		== "请选择事件类别：人员聚集、矛盾冲突、系统故障、群众突发疾病、其他"
	)
	assert i.filing_error("系统故障", None, NOW, "x") == "请填写事件发生时间"
	assert i.filing_error("系统故障", datetime(2027, 1, 1, 9), NOW, "x") == "事件发生时间不能晚于现在"
	assert i.filing_error("其他", EVENT, NOW, "  ") == "请填写事件经过"


def test_only_those_in_charge_keep_the_register():
	quoted("001", "分管负责，科室为主，协调配合")
	assert i.may_handle(["科室负责人"]) and i.may_handle(["综合科"]) and i.may_handle(["主要领导"])
	assert not i.may_handle(["窗口工作人员"])
	assert "只有科室负责人、分管领导、主要领导或综合科可以结束突发事件" in i.handler_error(
		["窗口工作人员"], "结束"
	)


def test_each_report_is_whom_how_and_when():
	quoted("001", "立即电话或书面报告")
	ways = list(i.WAYS)
	assert i.report_error(i.OPEN, "电话", ways, NOW, EVENT, NOW, "科室负责人 张三") is None
	assert i.report_error(i.OPEN, "微信", ways, NOW, EVENT, NOW, "张三") == "报告方式应为电话或书面"
	assert i.report_error(i.OPEN, "电话", ways, NOW, EVENT, NOW, " ") == "请填写报告对象"
	assert (
		i.report_error(i.OPEN, "书面", ways, datetime(2026, 12, 31, 16), EVENT, NOW, "县医保局")
		== "报告时间不能早于事件发生时间"
	)
	assert (
		i.report_error(i.OPEN, "书面", ways, datetime(2027, 1, 1), EVENT, NOW, "县医保局")
		== "报告时间不能晚于现在"
	)
	assert (
		i.report_error(i.CLOSED, "电话", ways, NOW, EVENT, NOW, "张三") == "该突发事件已结束，不能再登记报告"
	)
	# a county that takes reports in writing only
	assert i.report_error(i.OPEN, "电话", ["书面"], NOW, EVENT, NOW, "张三") == "报告方式应为书面"


def test_the_working_group_arrives_once():
	quoted("001", "应急维稳工作组第一时间赶往事件现场统一指挥")
	assert i.arrival_error(i.OPEN, False, NOW, EVENT, NOW) is None
	assert i.arrival_error(i.OPEN, True, NOW, EVENT, NOW) == "应急维稳工作组到场时间已登记，不能重复登记"
	assert (
		i.arrival_error(i.OPEN, False, datetime(2026, 12, 31, 16), EVENT, NOW)
		== "到场时间不能早于事件发生时间"
	)
	assert i.minutes_between(EVENT, NOW) == 20
	assert i.minutes_between(EVENT, None) is None


def test_an_incident_never_reported_is_not_closed():
	quoted("001", "做好各项善后处理并向有关上级部门及时报告")
	assert i.close_error(i.OPEN, [], "已疏导") == "突发事件须立即电话或书面报告：请先登记报告时间，再结束事件"
	assert (
		i.close_error(i.OPEN, [None], "已疏导")
		== "突发事件须立即电话或书面报告：请先登记报告时间，再结束事件"
	)
	assert i.close_error(i.OPEN, [NOW], " ") == "请填写处置结果后再结束事件"
	assert i.close_error(i.OPEN, [NOW], "群众已疏导，秩序恢复") is None
	assert i.close_error(i.CLOSED, [NOW], "x") == "该突发事件已结束"


def test_the_report_chain_is_the_countys():
	wanzhou = load_profile("wanzhou")
	assert wanzhou["incident"]["report_to"] == ["Department Head", "Deputy In Charge"]
	for path in ("incident.report_to", "incident.report_ways"):
		quoted("001", wanzhou["sources"][path])
	assert i.report_chain(None) == ["Department Head", "Deputy In Charge"]
	assert i.report_chain({"report_to": ["Main Leader"], "report_ways": ["书面"]}) == ["Main Leader"]
	assert i.chain_labels(["Department Head", "Main Leader"]) == "科室负责人、局主要领导"


@pytest.mark.parametrize(
	"section,message",
	[
		("x", "incident：应为对象"),
		({"report_to": [], "report_ways": ["电话"]}, "incident.report_to：至少需要报告一个岗位"),
		({"report_to": ["Clerk"], "report_ways": ["电话"]}, "incident.report_to[0]：岗位“Clerk”无效"),
		(
			{"report_to": ["Main Leader", "Main Leader"], "report_ways": ["电话"]},
			"incident.report_to：岗位重复",
		),
		(
			{"report_to": ["Main Leader"], "report_ways": ["微信"]},
			"incident.report_ways：报告方式应为 电话、书面",
		),
		({"report_to": ["Main Leader"], "report_ways": ["电话"], "x": 1}, "incident.x：未知的配置项"),
	],
)
def test_a_broken_incident_section_is_refused_by_key(section, message):
	profile = load_profile("wanzhou")
	profile["incident"] = section
	errors = validate_profile(profile)
	assert any(message in error for error in errors), errors


# ---------------------------------------------------------------- 问题排查整改台账


def test_a_line_names_the_problem_and_its_owner():
	quoted("002", "序号	查摆问题	整改措施	完成时限	责任人	整改渠道	问题类型")
	assert r.filing_error("检查", "窗口工作人员着装不规范", "a@x") is None
	assert r.filing_error("督查", "x", "a@x") == "请选择问题来源：检查、投诉、评价、自查"
	assert r.filing_error("自查", " ", "a@x") == "请填写查摆问题"
	assert r.filing_error("自查", "x", None) == "请选择整改责任人"


def test_only_the_keepers_register_a_problem():
	quoted("002", "由医保服务中心综合科、职工科每月一次组织自我评价活动")
	assert r.keeper_error(["综合科"]) is None and r.keeper_error(["科室负责人"]) is None
	assert r.keeper_error(["窗口工作人员"]) == "只有综合科、科室负责人或局领导可以登记整改问题"


def test_a_deadline_is_never_already_past():
	quoted("002", "要制定整改阶段目标，科学安排")
	assert r.due_error(date(2026, 12, 30), date(2026, 12, 31)) == "完成时限不能早于今天"
	assert r.due_error(date(2026, 12, 31), date(2026, 12, 31)) is None
	assert r.due_error(None, date(2026, 12, 31)) is None
	assert r.DEFAULT_DAYS == 10
	assert load_profile("yinan")["settings"]["rectification_days"] == 10


def test_the_owner_reports_the_fix():
	quoted("002", "做到问题不解决不放手")
	assert r.complete_error(r.FIXING, "a@x", "a@x", "已重新培训") is None
	assert r.complete_error(r.FIXING, "b@x", "a@x", "已重新培训") == "只有整改责任人本人可以提交完成整改"
	assert r.complete_error(r.FIXING, "a@x", "a@x", " ") == "请填写整改情况"
	assert r.complete_error(r.TO_VERIFY, "a@x", "a@x", "x") == "该问题待验证，不能再次完成整改"


def test_somebody_else_verifies_and_closes():
	quoted("002", "实行銷号管理，做到问题不解决不放手，解决不彻底不销号")
	assert r.verify_error(r.TO_VERIFY, "head@x", "a@x", True, True, None) is None
	assert (
		r.verify_error(r.TO_VERIFY, "a@x", "a@x", True, True, None)
		== "整改责任人不能验证销号本人的整改，请由综合科或科室负责人验证"
	)
	assert (
		r.verify_error(r.TO_VERIFY, "c@x", "a@x", False, True, None)
		== "只有被指定的验证人或综合科可以验证销号"
	)
	assert r.verify_error(r.FIXING, "head@x", "a@x", True, True, None) == "该问题尚未完成整改，不能验证销号"
	assert r.verify_error(r.CLOSED, "head@x", "a@x", True, True, None) == "该问题已销号，不能再次验证"
	assert (
		r.verify_error(r.TO_VERIFY, "head@x", "a@x", True, False, " ")
		== "验证不通过的，请写明原因（退回责任人继续整改）"
	)
	assert r.status_after_verify(True) == r.CLOSED and r.status_after_verify(False) == r.FIXING
