"""The refusal sheet's rules and its Workflow definition, each with the seed sentence behind it."""

import json
from datetime import date
from pathlib import Path

import pytest

from insurance_hall import hooks
from insurance_hall.rules import refusal as r
from insurance_hall.rules.workdays import WorkCalendar
from insurance_hall.setup.permissions import IF_OWNER, PERMISSIONS, WINDOW_STAFF

# 003 南阳: "构建“首问责任人——业务科（室）、局属单位负责人——局分管领导——局主要领导”四级责任链条"
NANYANG = r.levels_from_rows(
	[
		{"level": 1, "label": "科室负责人", "approver": "Department Head", "can_confirm": 0},
		{"level": 2, "label": "局分管领导", "approver": "Deputy In Charge", "can_confirm": 0},
		{"level": 3, "label": "局主要领导", "approver": "Main Leader", "can_confirm": 1},
	]
)


def test_the_sheet_climbs_one_level_at_a_time():
	assert r.next_level(NANYANG, 1).label == "局分管领导"
	assert r.next_level(NANYANG, 2).label == "局主要领导"
	assert r.next_level(NANYANG, 3) is None
	with pytest.raises(LookupError):
		r.level_at(NANYANG, 4)


def test_every_action_needs_an_opinion():
	for opinion in (None, "", "  \n"):
		assert (
			r.action_error(r.SOLVE, opinion, NANYANG[0], False) == "请填写审批意见：每一级审批都必须写明意见"
		)


def test_only_a_level_the_profile_allows_confirms():
	# 003 南阳: "把握不准或仍不能办的，提请局主要领导最后审定"
	assert (
		r.action_error(r.CONFIRM, "不能办", NANYANG[0], False)
		== "科室负责人无权确认说“不”，请提级或作出能办决定"
	)
	assert r.action_error(r.CONFIRM, "不能办", NANYANG[2], True) is None


def test_any_level_may_still_solve_it_and_the_top_cannot_escalate():
	# 003 南阳: "科室（单位）负责人要综合研判，能办的即时反馈服务对象"
	for level in NANYANG:
		assert r.action_error(r.SOLVE, "能办", level, level.level == 3) is None
	assert (
		r.action_error(r.ESCALATE, "再议", NANYANG[2], True)
		== "局主要领导已是最高一级，不能再提级，请作出决定"
	)
	assert r.action_error("批准", "好", NANYANG[0], False) == "“批准”不是审批操作"


def test_the_applicant_is_answered_within_three_working_days():
	# 003 南阳: "原则上要在3个工作日内向申请人作出电话或书面回复"
	cal = WorkCalendar.from_rows([(2026, "2026-10-01", "Holiday"), (2026, "2026-10-02", "Holiday")])
	assert r.deadline_due(date(2026, 9, 30), 3, cal.add_working_days) == date(2026, 10, 7)


@pytest.mark.parametrize(
	"today,pending,reminded,escalated,is_top,expected",
	[
		(date(2026, 3, 11), True, False, False, False, (False, False, False)),
		(date(2026, 3, 12), True, False, False, False, (True, False, False)),
		(date(2026, 3, 12), True, True, False, False, (False, False, False)),
		(date(2026, 3, 13), True, True, False, False, (False, True, True)),
		(date(2026, 3, 13), True, True, True, False, (False, False, True)),
		(date(2026, 3, 13), True, True, False, True, (False, False, True)),
		(date(2026, 3, 13), False, False, False, False, (False, False, True)),
	],
)
def test_the_daily_job_reminds_once_and_escalates_once(today, pending, reminded, escalated, is_top, expected):
	step = r.deadline_step(today, date(2026, 3, 12), pending, False, reminded, escalated, is_top)
	assert (step.remind, step.escalate, step.overdue) == expected


def test_an_answered_sheet_is_never_overdue():
	assert not r.deadline_step(date(2026, 4, 1), date(2026, 3, 12), False, True, True, True, True).overdue


def test_how_the_applicant_is_told():
	# 003 南阳: "电话回复时要做好记录"; 004 开原: "书面送达医保相对人"
	assert r.answer_error("电话", "", False, True) == "电话答复须记录通话情况（时间、接听人、答复内容）"
	assert r.answer_error("电话", "已告知", False, True) is None
	assert "须书面送达" in r.answer_error("电话", "已告知", True, True)
	assert r.answer_error("书面", "", True, True) is None
	assert r.answer_error(None, "", False, False) == "请选择答复方式：电话或书面"


FIXTURES = Path(__file__).resolve().parent.parent / "insurance_hall" / "fixtures"


def _fixture(doctype: str) -> list[dict]:
	return json.loads((FIXTURES / f"{doctype.lower().replace(' ', '_')}.json").read_text(encoding="utf-8"))


def test_the_shipped_workflow_holds_together():
	"""003 南阳: "构建……四级责任链条": the sheet climbs; only the named approver of the current level acts."""
	(workflow,) = _fixture("Workflow")
	assert (workflow["document_type"], workflow["is_active"]) == ("Refusal Sheet", 1)
	states = {row["state"]: int(row["doc_status"]) for row in workflow["states"]}
	transitions = workflow["transitions"]
	assert {t["state"] for t in transitions} | {t["next_state"] for t in transitions} <= set(states)
	assert states[r.SOLVED] == states[r.REFUSED] == states[r.ANSWERED] == 1
	assert states[r.DRAFT] == states[r.PENDING] == states[r.RETURNED] == 0
	assert {t["action"] for t in transitions} == set(r.APPROVER_ACTIONS) | set(r.CLERK_ACTIONS)
	for t in transitions:
		if t["action"] in r.APPROVER_ACTIONS:
			# only the named approver, never by role alone, and never the filer approving their own sheet
			assert "doc.current_approver == frappe.session.user" in t["condition"]
			assert t["allow_self_approval"] == 0
		else:
			assert t["allowed"] == WINDOW_STAFF and "doc.owner == frappe.session.user" in t["condition"]
	confirm = next(t for t in transitions if t["action"] == r.CONFIRM)
	assert "doc.current_can_confirm" in confirm["condition"]


def test_the_hooks_ship_exactly_the_fixture_records():
	wanted = {entry["dt"]: set(entry["filters"][0][2]) for entry in hooks.fixtures}
	for doctype, names in wanted.items():
		assert names == {row["name"] for row in _fixture(doctype)}, doctype
	assert sorted(path.stem for path in FIXTURES.glob("*.json")) == sorted(
		doctype.lower().replace(" ", "_") for doctype in wanted
	)
	# its states and actions are created when missing (shared with an app that has the same words)
	setup = FIXTURES.parent / "setup"
	states = json.loads((setup / "workflow_states.json").read_text(encoding="utf-8"))
	actions = json.loads((setup / "workflow_actions.json").read_text(encoding="utf-8"))
	(workflow,) = _fixture("Workflow")
	assert {row["state"] for row in workflow["states"]} == {row["name"] for row in states}
	assert {row["action"] for row in workflow["transitions"]} == {row["name"] for row in actions}


def test_clerks_see_only_their_own_sheets():
	assert IF_OWNER["Refusal Sheet"] == {WINDOW_STAFF}
	assert all(
		"W" not in letters for role, letters in PERMISSIONS["Refusal Sheet"].items() if role != WINDOW_STAFF
	)


def test_a_refusal_needs_its_filing_where_the_chain_requires_it():
	"""004 开原: "书面送达医保相对人,并在规定期限内抄送同级营商环境建设管理部门备案"."""
	assert "抄送同级营商环境建设管理部门备案" in r.filing_error(True, True, False)
	assert r.filing_error(True, True, True) is None
	assert r.filing_error(True, False, False) is None  # a county without the duty
	assert r.filing_error(False, True, False) is None  # solved (能办): nothing to file
