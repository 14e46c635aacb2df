"""County profiles: each shipped one is valid and quotes its seed; a broken one is refused by key."""

import copy
import json
import re

import pytest
from conftest import SEEDS

from insurance_hall.rules.profile import (
	DEFAULT_SOURCE_PREFIX,
	SETTINGS,
	SOURCED_KEYS,
	ProfileError,
	load_profile,
	shipped_profiles,
	validate_profile,
)

SEED_COUNTIES = {"yinan": "002", "nanyang": "003", "kaiyuan": "004", "wanzhou": "001", "linyi": "000"}


def _squash(text: str) -> str:
	return re.sub(r"\s+", "", text)


def test_every_seed_county_and_the_default_ship():
	assert set(shipped_profiles()) >= {"default", *SEED_COUNTIES}


@pytest.mark.parametrize("key", ["default", *SEED_COUNTIES])
def test_shipped_profile_is_valid(key):
	profile = load_profile(key)
	assert validate_profile(profile) == []
	assert profile["key"] == key


@pytest.mark.parametrize("key", SEED_COUNTIES)
def test_every_value_names_the_seed_sentence_it_comes_from(key):
	profile = load_profile(key)
	seed_file = next(SEEDS.glob(f"{SEED_COUNTIES[key]}_*.txt"))
	assert profile["seed"] == seed_file.name
	seed = _squash(seed_file.read_text(encoding="utf-8"))
	needed = {f"settings.{k}" for k in SETTINGS} | set(SOURCED_KEYS)
	assert needed <= set(profile["sources"]), sorted(needed - set(profile["sources"]))
	quoted = 0
	for path, source in profile["sources"].items():
		if source.startswith(DEFAULT_SOURCE_PREFIX):
			continue
		assert _squash(source) in seed, f"{key} {path}: not in the seed: {source}"
		quoted += 1
	assert quoted >= 1


def test_county_differences_are_data():
	# 003 南阳: only the main leader decides; 004 开原: the deputy or a collective meeting decides
	nanyang = load_profile("nanyang")["refusal_chains"][0]
	assert [lv["approver"] for lv in nanyang["levels"]] == [
		"Department Head",
		"Deputy In Charge",
		"Main Leader",
	]
	assert [lv["can_confirm"] for lv in nanyang["levels"]] == [False, False, True]
	kaiyuan = load_profile("kaiyuan")
	assert kaiyuan["refusal_chains"][0]["collective_meeting_allowed"] is True
	assert kaiyuan["refusal_chains"][0]["file_with_business_office"] is True
	# 004 开原 第五条: "很满意、满意、基本满意和不满意四种评价结果"; 002 沂南: five levels, the last two bad
	assert [r["label"] for r in kaiyuan["rating_scale"]] == ["很满意", "满意", "基本满意", "不满意"]
	yinan = load_profile("yinan")
	assert [r["is_bad"] for r in yinan["rating_scale"]] == [False, False, False, True, True]
	assert yinan["settings"]["no_show_limit"] == 3
	assert {c["chain_name"] for c in yinan["refusal_chains"]} >= {"综合科经办"}


@pytest.fixture
def good():
	return copy.deepcopy(load_profile("nanyang"))


def _errors(profile):
	return validate_profile(profile, known_calendars={"cn-2026"})


def test_unknown_key_is_named(good):
	good["settings"]["refusal_days"] = 3
	good["colour"] = "red"
	errors = _errors(good)
	assert "settings.refusal_days：未知的配置项" in errors
	assert "colour：未知的配置项" in errors


def test_missing_key_is_named(good):
	del good["settings"]["no_show_limit"]
	assert _errors(good) == [
		"settings.no_show_limit：缺少此项",
		"sources.settings.no_show_limit：指向不存在的配置项",
	]


def test_missing_level_is_named(good):
	del good["refusal_chains"][0]["levels"][1]
	assert any("refusal_chains[0].levels：层级序号应为 [1, 2]，缺少第2级" in e for e in _errors(good))


@pytest.mark.parametrize(
	"mutate,expected",
	[
		(lambda p: p["settings"].update(refusal_answer_days=0), "settings.refusal_answer_days：不能小于 1"),
		(lambda p: p["settings"].update(no_show_limit="three"), "settings.no_show_limit：应为整数"),
		(lambda p: p["settings"].update(bureau_name=" "), "settings.bureau_name：不能为空"),
		(
			lambda p: [r.update(is_bad=False) for r in p["rating_scale"]],
			"rating_scale：须既有好评等级又有差评等级",
		),
		(lambda p: p["rating_scale"][1].update(label="非常满意"), "rating_scale：评价等级重复：非常满意"),
		(lambda p: p["registers"].append("diary"), "registers：未知的台账“diary”"),
		(lambda p: p.update(calendars=["cn-2099"]), "calendars[0]：没有名为“cn-2099”的工作日历"),
		(lambda p: p["refusal_chains"][0].update(is_default=False), "须恰好有一条默认审批链"),
		(lambda p: p["refusal_chains"][0]["levels"][0].update(approver="Mayor"), "审批人“Mayor”无效"),
		(lambda p: p.update(schema=2), "schema：只支持版本 1"),
		(
			lambda p: p.update(custom_fields=[{"dt": "Service Matter", "fieldname": "Bad Name"}]),
			"custom_fields[0].label：缺少此项",
		),
		(
			lambda p: p.update(
				calendars=[
					{
						"year": 2027,
						"holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}],
						"makeup_workdays": [{"date": "2027-01-01", "for": "x"}],
					}
				]
			),
			"2027-01-01 不能既是法定节假日又是调休上班日",
		),
	],
)
def test_bad_values_are_refused_with_their_key(good, mutate, expected):
	mutate(good)
	errors = _errors(good)
	assert any(expected in e for e in errors), errors


def test_profile_error_lists_every_reason():
	err = ProfileError(["a：x", "b：y"])
	assert str(err) == "县区配置有误，未做任何修改：\na：x\nb：y"


def test_unknown_profile_and_broken_json_are_refused(tmp_path):
	with pytest.raises(ProfileError) as err:
		load_profile("atlantis")
	assert "找不到县区配置“atlantis”" in str(err.value)
	broken = tmp_path / "broken.json"
	broken.write_text("{", encoding="utf-8")
	with pytest.raises(ProfileError) as err:
		load_profile(str(broken))
	assert "不是有效的 JSON" in str(err.value)


def test_profile_files_are_plain_json_with_sorted_structure():
	for key in shipped_profiles():
		text = (load_profile.__globals__["PROFILES_DIR"] / f"{key}.json").read_text(encoding="utf-8")
		assert json.loads(text)["schema"] == 1
