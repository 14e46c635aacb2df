"""办事指南 (rules/guide.py): what a citizen reads about a matter, quoted from the seeds."""

from __future__ import annotations

from conftest import SEEDS

from insurance_hall.rules import guide as g
from insurance_hall.rules.catalogue import IMMEDIATE, PROMISED, window_text


def quoted(number: str, sentence: str) -> str:
	assert sentence in next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8"), sentence
	return sentence


def test_the_guide_publishes_the_basis_the_process_and_the_time_limit():
	quoted("001", "主动公开服务事项办理依据、流程、结果等信息")
	assert g.time_limit_text(IMMEDIATE, 0) == "即办（材料齐全当场办结）"
	assert g.time_limit_text(PROMISED, 15) == "承诺件，15个工作日内办结"
	assert g.time_limit_text(PROMISED, None) == "即办（材料齐全当场办结）"
	assert g.lines_of("《医疗保障法》\n\n  鲁医保发〔2021〕1号 \n") == [
		"《医疗保障法》",
		"鲁医保发〔2021〕1号",
	]
	assert g.lines_of(None) == []
	# stored escaped by Frappe, read as typed (the page escapes it once when it shows it)
	assert g.lines_of("&lt;b&gt;医保&lt;/b&gt;") == ["<b>医保</b>"]


def test_materials_that_may_follow_say_so_only_where_the_county_accepts_them_missing():
	quoted("002", "但次要条件或手续有欠缺的服务事项，应先行受理，并一次性告知需补正的材料及补正时限")
	rows = [
		{"material": "身份证", "may_be_missing": 0},
		{"material": "参保地备案表", "may_be_missing": 1},
		{},
	]
	assert g.material_lines(rows, rongque=True) == [
		("身份证", ""),
		("参保地备案表", "可容缺：先行受理，承诺后补"),
	]
	assert g.material_lines(rows, rongque=False) == [("身份证", ""), ("参保地备案表", "")]


def test_the_guide_is_dated_by_what_the_citizen_reads():
	quoted("002", "深度优化信息内容，即时更新、同步更新")
	before = {"matter_name": "异地就医备案", "guide_fees": "不收费", "description": "内部备注"}
	assert g.guide_changed(None, before)
	assert not g.guide_changed(before, {**before, "description": "另一条内部备注"})
	assert g.guide_changed(before, {**before, "guide_fees": "工本费5元"})
	assert g.guide_changed(before, before, tables_changed=True)
	assert not g.guide_changed({**before, "guide_basis": None}, {**before, "guide_basis": ""})


def test_nobody_dates_an_old_guide_new_by_hand():
	quoted("002", "即时更新、同步更新")
	assert g.updated_on_error("2026-01-05", "2026-12-01", changed=False) == (
		"公开指南的更新日期由系统在指南内容变化时自动记录，不能手工修改"
	)
	assert g.updated_on_error("2026-01-05", "2026-01-05", changed=False) is None
	assert g.updated_on_error("2026-01-05", "2026-12-01", changed=True) is None  # the system stamps it


def test_hours_and_windows_as_the_hall_posts_them():
	assert g.hours_text("08:30", "12:00", "14:00", "17:30") == "法定工作日 08:30–12:00，14:00–17:30"
	assert g.hours_text(None, None, None, None) == "法定工作日 08:30–17:00"
	assert window_text("1", "参保登记窗口") == "1号窗口 参保登记窗口"
	assert window_text("3") == "3号窗口"
	assert window_text(None) == "（未指定窗口）"
