"""月度考评 (pure): seed 002's table, counted the way the seed says, and 004's best and worst windows."""

from insurance_hall.rules.score import (
	best_and_worst,
	entered_error,
	sheet_of,
	table_errors,
	table_of,
)

# 002 沂南 附件《医保服务窗口工作人员考评标准（100分）》, as a county profile's `score` would carry it.
# "局长信箱、电话投诉、网上投诉受理后,每查实一次扣3分" (服务对象监督) and "电话、行风热线、12345市民电话、
# 微信公众号、网上投诉每查实一次扣5分" (社会监督) both name 网上投诉: a channel counts under one item, here the first.
YINAN = {
	"items": [
		{
			"key": "client",
			"group": "服务监督",
			"label": "服务对象监督",
			"kind": "deduct",
			"cap": 15,
			"source": "complaint",
			"per_event": {"局长信箱": 3, "电话投诉": 3, "网上投诉": 3},
		},
		{"key": "internal", "group": "服务监督", "label": "内部监督", "kind": "entered", "cap": 15},
		{
			"key": "social",
			"group": "服务监督",
			"label": "社会监督",
			"kind": "deduct",
			"cap": 15,
			"source": "complaint",
			"per_event": {"行风热线": 5, "12345市民电话": 5, "微信公众号": 5},
		},
		{"key": "self", "group": "服务评价", "label": "自我评价", "kind": "entered", "cap": 15},
		{
			"key": "rated",
			"group": "服务评价",
			"label": "服务对象评价",
			"kind": "deduct",
			"cap": 15,
			"source": "rating",
			"per_event": {"基本满意": 0.5, "不满意": 1},
		},
		{
			"key": "third",
			"group": "服务评价",
			"label": "第三方评价",
			"kind": "deduct",
			"cap": 15,
			"source": "third_party",
			"per_event": {"基本满意": 3, "不满意": 5},
		},
		{
			"key": "praise",
			"group": "加分项",
			"label": "服务对象表扬",
			"kind": "bonus",
			"source": "praise",
			"per_event": {"书面表扬": 2},
		},
		{
			"key": "suggestion",
			"group": "加分项",
			"label": "意见建议",
			"kind": "bonus",
			"source": "suggestion",
			"per_event": {"采纳": 3},
		},
		{
			"key": "honour",
			"group": "加分项",
			"label": "表彰",
			"kind": "bonus",
			"source": "honour",
			"per_event": {"荣誉": 2},
		},
	],
	"bonus_cap": 10,
	"titles": ["党员示范岗", "优秀服务标兵", "流动红旗窗口", "医保经办服务能手"],
}


def test_the_yinan_table_is_a_hundred_points_with_ten_of_bonus():
	"""002: "医保服务窗口工作人员考评标准（100分）": six items of 15, 加分项 10."""
	assert table_errors(YINAN) == []
	table = table_of(YINAN)
	assert table.full_marks == 90 and table.bonus_cap == 10
	assert table.titles[2] == "流动红旗窗口"


def test_a_month_without_events_scores_the_entered_items_and_the_caps():
	table = table_of(YINAN)
	sheet = sheet_of(table, {}, {"internal": 15, "self": 14})
	assert sheet.total == 89 and sheet.bonus == 0


def test_each_complaint_found_true_deducts_by_its_channel_down_to_zero():
	"""002: 服务对象监督 "每查实一次扣3分"; 社会监督 "每查实一次扣5分"."""
	table = table_of(YINAN)
	sheet = sheet_of(
		table, {"client": {"网上投诉": 2}, "social": {"12345市民电话": 4}}, {"internal": 15, "self": 15}
	)
	lines = {line.key: line for line in sheet.lines}
	assert lines["client"].points == 9 and lines["client"].change == -6
	assert (
		lines["social"].points == 0 and lines["social"].change == -15
	)  # 4 × 5 = 20, capped at the item's 15
	assert sheet.total == 15 + 9 + 15 + 0 + 15 + 15


def test_ratings_deduct_half_a_point_for_basically_satisfied_and_one_for_dissatisfied():
	"""002 服务对象评价: "满意不扣分,基本满意每次扣0.5分,不满意每次扣1分"; a rating not on the table (满意)
	counts nothing."""
	table = table_of(YINAN)
	sheet = sheet_of(table, {"rated": {"满意": 40, "基本满意": 3, "不满意": 2}}, {"internal": 15, "self": 15})
	line = next(line for line in sheet.lines if line.key == "rated")
	assert line.points == 11.5 and line.events == {"基本满意": 3, "不满意": 2}


def test_bonus_items_add_together_up_to_ten():
	"""002 加分项: 书面表扬 +2, 意见建议被采纳 +3, 荣誉 +2, "10分" in all."""
	table = table_of(YINAN)
	small = sheet_of(
		table, {"praise": {"书面表扬": 1}, "suggestion": {"采纳": 1}}, {"internal": 15, "self": 15}
	)
	assert small.bonus == 5 and small.total == 95
	big = sheet_of(
		table, {"praise": {"书面表扬": 4}, "suggestion": {"采纳": 2}}, {"internal": 15, "self": 15}
	)
	assert big.bonus == 10 and big.total == 100


def test_an_entry_above_its_cap_or_for_a_closed_month_or_for_a_counted_item_is_refused():
	table = table_of(YINAN)
	internal = next(item for item in table.items if item.key == "internal")
	rated = next(item for item in table.items if item.key == "rated")
	assert entered_error(internal, 15) is None and entered_error(internal, "12.5") is None
	assert entered_error(internal, 16) == "“内部监督”的得分应在 0 到 15 分之间"
	assert entered_error(internal, -1) == "“内部监督”的得分应在 0 到 15 分之间"
	assert entered_error(internal, "十") == "“内部监督”的得分应为数字"
	assert entered_error(internal, 10, closed=True).startswith("本月考评已确认")
	assert entered_error(rated, 10) == "“服务对象评价”由系统按记录计算，不能手工填写"


def test_a_channel_counted_under_two_items_and_a_broken_table_are_told():
	twice = {**YINAN, "items": [*YINAN["items"][:2], {**YINAN["items"][2], "per_event": {"网上投诉": 5}}]}
	assert table_errors(twice) == ["投诉渠道“网上投诉”同时计入“服务对象监督”和“社会监督”，只能计入一项"]
	assert table_errors({"items": []}) == ["考评表须列出考评项目（items）"]
	assert "考评项目第 1 项的类型应为 deduct、entered、bonus 之一" in table_errors(
		{"items": [{"key": "a", "label": "甲", "kind": "x", "cap": 15}]}
	)
	assert table_of(None) is None  # a county without a score of its own gets none, not 沂南's


def test_the_month_s_best_and_worst_windows_by_votes():
	"""004 第八条: "每月窗口满意票数最高的评为文明窗口…对于每月不满意票数最高的，将在月考核中进行扣分并通报"."""
	best, worst = best_and_worst([("1", 30, 1), ("2", 42, 0), ("3", 42, 3), ("4", 10, 3)])
	assert best == ["2", "3"] and worst == ["3", "4"]
	assert best_and_worst([("1", 0, 0)]) == ([], [])


def test_a_year_is_the_mean_of_its_months_begun():
	from datetime import date

	from insurance_hall.rules.score import annual_average, months_counted

	from conftest import SEEDS

	assert "推行每月一考评和一年一考核相结合" in next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
	assert months_counted(2025, date(2026, 12, 3)) == list(range(1, 13))
	assert months_counted(2026, date(2026, 12, 3)) == list(range(1, 13))
	assert months_counted(2027, date(2027, 2, 5)) == [1, 2]
	assert months_counted(2028, date(2027, 12, 31)) == []
	assert annual_average([100, 95, 90.5]) == 95.2
	assert annual_average([]) == 0.0


# ---------------------------------------------------------------- the 考评登记 and the month's chain

from insurance_hall.rules import score as s  # noqa: E402


def test_an_entered_item_is_a_score_up_to_its_cap_and_an_event_is_one_the_table_names():
	"""002: 内部监督 (15), 自我评价 (15) are scored by the evaluators; 第三方评价 "基本满意扣3分，不满意扣5分";
	加分项 "书面表扬每次加2分"."""
	table = table_of(YINAN)
	internal, third, praise, client = (
		s.item_of(table, key) for key in ("internal", "third", "praise", "client")
	)
	assert s.entry_error(internal, None, None, 12.5) is None
	assert s.entry_error(internal, None, None, 15.5) == "“内部监督”的得分应在 0 到 15 分之间"
	assert s.entry_error(internal, None, None, -1) == "“内部监督”的得分应在 0 到 15 分之间"
	assert s.entry_error(internal, None, None, "很好") == "“内部监督”的得分应为数字"
	assert s.entry_error(third, "不满意", 1, None) is None
	assert s.entry_error(third, "很满意", 1, None) == "“第三方评价”的事项应为 基本满意、不满意 之一"
	assert s.entry_error(praise, "书面表扬", 2, None) is None
	assert s.entry_error(praise, "书面表扬", 0, None) == "次数应为正整数"
	assert s.entry_error(praise, "书面表扬", "1.5", None) == "次数应为正整数"
	# complaints 查实 and ratings are counted from their records, never entered by hand
	assert "不能手工录入" in s.entry_error(client, "局长信箱", 1, None)
	assert s.entry_error(None, None, None, None) == "请选择本县考评表中的考评项目"


def test_nothing_is_entered_in_a_month_sent_up_or_confirmed():
	table = table_of(YINAN)
	error = s.entry_error(s.item_of(table, "internal"), None, None, 10, closed=True)
	assert error.startswith("该月考评已提交审核或已确认")


def test_an_evaluator_enters_for_their_own_workers_and_never_about_themselves():
	assert s.evaluator_error("head@x", "clerk@x", True, True) is None
	assert s.evaluator_error("clerk@x", "clerk2@x", False, False).startswith("只有考评人员")
	assert s.evaluator_error("head@x", "head@x", True, True) == "不能为自己录入考评，请由其他考评人员录入"
	assert s.evaluator_error("head@x", "other@x", True, False) == "只能为本人分管科室窗口的工作人员录入考评"
	# 002's table is the "医保服务窗口工作人员考评标准": a leader or a clerk of no window is not on it
	assert s.evaluator_error("leader@x", "head@x", True, True, is_worker=False) == (
		"被考评人不是窗口工作人员：月度考评只考评窗口工作人员"
	)


def test_entered_events_count_in_the_sheet_and_an_entered_item_waits_until_entered():
	"""加分项 "书面表扬每次加2分"; 第三方评价 "不满意扣5分"."""
	table = table_of(YINAN)
	sheet = sheet_of(table, {"praise": {"书面表扬": 2}, "third": {"不满意": 1}}, {"internal": 14})
	lines = {line.key: line for line in sheet.lines}
	assert lines["praise"].points == 4
	assert lines["third"].points == 10
	assert lines["internal"].points == 14 and not lines["internal"].waiting
	assert lines["self"].points == 0 and lines["self"].waiting


def test_the_month_climbs_the_county_chain_to_局办公室_and_the_leader():
	"""002: "考评成绩由局办公室拟发通报统一公示，负责考核的人员不得自行公示成绩数据"."""
	chain = s.DEFAULT_CHAIN
	assert [step.role for step in chain] == ["科室负责人", "综合科", "主要领导"]
	assert s.advance_error(s.OPEN, 0, chain, {"科室负责人"}) is None
	assert s.advance_error(s.OPEN, 0, chain, {"窗口工作人员"}) == "“考评人员评定”须由科室负责人办理"
	assert s.after_advance(0, chain) == (s.IN_REVIEW, 1)
	assert s.advance_error(s.IN_REVIEW, 1, chain, {"科室负责人"}) == "“局办公室审核”须由综合科办理"
	assert s.after_advance(1, chain) == (s.IN_REVIEW, 2)
	assert s.after_advance(2, chain) == (s.CLOSED, 3)
	assert (
		s.advance_error(s.CLOSED, 3, chain, {"主要领导"})
		== "该月考评已确认，如需更正请由局办公室写明理由重新打开"
	)


def test_a_level_the_settings_give_one_person_is_theirs_or_their_stand_ins():
	"""The leader's 审定 goes to the main leader the settings name, or to whoever stands in for them that day
	(the one router): the role alone is not enough, and the stand-in needs no leader's role."""
	chain = s.DEFAULT_CHAIN
	assert s.advance_error(s.IN_REVIEW, 2, chain, set(), "standin@x", "standin@x", "李代岗") is None
	assert s.advance_error(s.IN_REVIEW, 2, chain, {"主要领导"}, "other@x", "standin@x", "李代岗") == (
		"“领导审定”由李代岗办理"
	)
	assert s.send_back_error(s.IN_REVIEW, 2, chain, set(), "退回", "standin@x", "standin@x") is None


def test_a_reviewer_sends_back_with_a_reason():
	chain = s.DEFAULT_CHAIN
	assert s.send_back_error(s.IN_REVIEW, 1, chain, {"综合科"}, "内部检查分数有误") is None
	assert s.send_back_error(s.IN_REVIEW, 1, chain, {"综合科"}, " ") == "退回时请写明需要更正的内容"
	assert s.send_back_error(s.OPEN, 0, chain, {"科室负责人"}, "x") == "只有审核中的月度考评可以退回"


def test_only_局办公室_publishes_and_only_a_confirmed_month():
	assert s.publish_error(s.CLOSED, {"综合科"}, "综合科") is None
	assert s.publish_error(s.CLOSED, {"科室负责人", "主要领导"}, "综合科") == (
		"月度考评只能由综合科（局办公室）统一公示，考评人员不得自行公示"
	)
	assert s.publish_error(s.IN_REVIEW, {"综合科"}, "综合科").endswith("须经确认流程全部审定后才能公示")
	assert s.publish_error(s.PUBLISHED, {"综合科"}, "综合科") == "该月考评已公示"


def test_a_correction_reopens_a_confirmed_month_with_a_reason():
	assert s.reopen_error(s.CLOSED, {"综合科"}, "综合科", "漏计一次表扬") is None
	assert s.reopen_error(s.PUBLISHED, {"综合科"}, "综合科", "漏计一次表扬") is None
	assert s.reopen_error(s.CLOSED, {"综合科"}, "综合科", "") == "重新打开时请写明更正的理由"
	assert s.reopen_error(s.OPEN, {"综合科"}, "综合科", "x") == "该月考评当前为“评定中”，无需重新打开"
	assert (
		s.reopen_error(s.CLOSED, {"科室负责人"}, "综合科", "x")
		== "只有综合科（局办公室）可以重新打开月度考评"
	)


def test_a_month_is_sent_up_once_it_is_over():
	from datetime import date

	assert s.month_ended_error(date(2027, 1, 1), date(2026, 12, 31)).startswith("该月尚未结束")
	assert s.month_ended_error(date(2027, 1, 1), date(2027, 1, 1)) is None


def test_the_titles_are_the_county_s():
	"""002: "党员示范岗""优秀服务标兵""流动红旗窗口""医保经办服务能手"."""
	table = table_of({**YINAN, "titles": ["党员示范岗", "优秀服务标兵", "流动红旗窗口", "医保经办服务能手"]})
	assert s.title_error("优秀服务标兵", table) is None
	assert s.title_error("劳动模范", table).startswith("评选称号应为 党员示范岗")


def test_a_county_names_its_own_chain_and_publisher():
	raw = {
		**YINAN,
		"close_chain": [
			{"role": "分管领导", "label": "分管领导评定"},
			{"role": "主要领导", "label": "局长审定"},
		],
		"publisher": "大厅管理员",
	}
	assert table_errors(raw) == []
	table = table_of(raw)
	assert [step.label for step in table.chain] == ["分管领导评定", "局长审定"]
	assert table.publisher == "大厅管理员"
	assert table_errors({**YINAN, "close_chain": [{"role": "综合科"}]}) == [
		"月度考评的确认流程（close_chain）应列出各级的角色（role）和名称（label）"
	]


# ---------------------------------------------------------------- 意见建议

from insurance_hall.rules import suggestion as sg  # noqa: E402


def test_a_suggestion_names_its_proposer_and_what_it_proposes():
	"""002: "鼓励服务对象、工作人员提出服务改进的意见建议"."""
	assert sg.filing_error("工作人员", "clerk@x", None, "增设老年人绿色通道") is None
	assert sg.filing_error("服务对象", None, "王先生", "延长午间服务") is None
	assert sg.filing_error("工作人员", None, None, "x").startswith("工作人员提出的意见建议请选择提出人")
	assert sg.filing_error("服务对象", None, " ", "x").startswith("请填写提出意见建议的服务对象姓名")
	assert sg.filing_error("服务对象", None, "王先生", " ") == "请填写意见建议的内容"
	assert sg.filing_error(None, None, None, "x") == "请选择提出人类别：服务对象、工作人员"


def test_a_worker_files_a_suggestion_in_their_own_name_only():
	"""002: "定期征集窗口工作人员合理化意见建议": 综合科 and the leaders collect them for anyone."""
	assert sg.proposer_error("clerk@x", "工作人员", "clerk@x", False) is None
	assert sg.proposer_error("clerk@x", "工作人员", "other@x", False) == (
		"工作人员只能以本人名义提出意见建议；代他人登记请交综合科"
	)
	assert sg.proposer_error("records@x", "工作人员", "other@x", True) is None
	assert sg.proposer_error("clerk@x", "服务对象", None, False) is None


def test_a_leader_answers_once_and_never_their_own():
	"""002: "对群众诉求、工作人员意见建议，报领导研究后，及时给予反馈"."""
	assert sg.answer_error("待答复", "采纳，下月起实行", "leader@x", "clerk@x", True) is None
	assert sg.answer_error("待答复", "x", "head@x", "clerk@x", False).startswith("意见建议须报领导研究后答复")
	assert sg.answer_error("已答复", "x", "leader@x", "clerk@x", True) == "该意见建议已答复，不能再次答复"
	assert sg.answer_error("待答复", "x", "leader@x", "leader@x", True).startswith(
		"不能答复自己提出的意见建议"
	)
	assert sg.answer_error("待答复", " ", "leader@x", "clerk@x", True) == "请填写答复意见"


def test_an_adopted_suggestion_of_a_worker_scores():
	"""002: "对工作人员提交的意见建议被采纳的按照工作人员考评制度相应加分"."""
	assert sg.scores("工作人员", True, True)
	assert not sg.scores("服务对象", True, True)
	assert not sg.scores("工作人员", False, True)
	assert not sg.scores("工作人员", True, False)


def test_what_was_filed_is_its_filers_to_correct():
	"""A worker does not rewrite a colleague's or a citizen's suggestion; 综合科 (who collects) may correct any."""
	assert sg.editor_error("clerk@x", "clerk@x", False) is None
	assert sg.editor_error("records@x", "clerk@x", True) is None
	assert (
		sg.editor_error("clerk2@x", "clerk@x", False) == "只能修改本人登记的意见建议；如需更正，请联系综合科"
	)


def test_a_citizen_suggests_on_the_public_page():
	"""002: "通过局长信箱、留言簿，服务电话等形式广泛征集服务对象意见建议": the text required; name and phone
	optional, checked by the one public-input rule when given."""
	assert sg.public_errors("", "", "大厅增加老花镜") == []
	assert sg.public_errors("王先生", "138 0539 1234", "大厅增加老花镜") == []
	assert sg.public_errors("王先生", "", " ") == ["请填写意见建议内容"]
	assert sg.public_errors("王先生", "123", "x")[0].startswith("“123”不是有效的电话号码")
	assert sg.public_errors("123", "", "x") == ["姓名“123”无效，请填写真实姓名"]
	assert sg.public_errors("", "", "x" * 1001) == ["意见建议内容不能超过1000个字"]
	assert sg.public_errors("\u200b\u200b", "", "x") == ["姓名含有无法显示的字符，请重新输入"]


def test_the_citizen_is_told_the_answer():
	"""002: "对群众诉求、工作人员意见建议，报领导研究后，及时给予反馈"."""
	from insurance_hall.rules import citizen

	assert citizen.suggestion_answered_text("沂南县医疗保障局", "HS-1", True, "0539-1") == (
		"【沂南县医疗保障局】您提出的意见建议（编号HS-1）已被采纳，感谢您的支持，详情请拨打0539-1。"
	)
	assert citizen.suggestion_answered_text(None, "HS-2", False, "") == (
		"【医保经办大厅】您提出的意见建议（编号HS-2）领导已研究答复。"
	)
