"""The rating rules (好差评), pure: reasons for a bad level, the check's course, the signed link."""

from insurance_hall.rules import rating as r

KAIYUAN = [("很满意", False), ("满意", False), ("基本满意", False), ("不满意", True)]
KEY = b"site-secret"


def test_a_bad_rating_needs_a_reason():
	"""002 沂南: "如评价为差评时，单位和群众应至少勾选一项差评原因选填项。" """
	assert r.bad_reasons_error(True, [], None) == "差评须至少勾选一项差评原因"
	assert r.bad_reasons_error(True, ["办事程序不便利"], None) is None
	assert r.bad_reasons_error(False, [], None) is None
	assert "不在原因清单" in r.bad_reasons_error(True, ["太慢"], None)
	assert "改进意见" in r.bad_reasons_error(True, [r.OTHER_REASON], " ")


def test_the_optional_questions_are_those_of_002():
	"""002 沂南: "可设置服务指引是否清晰、办事程序是否便利、材料手续是否精简、操作界面是否友好、有何改进意见等项目" """
	assert [q for _f, q in r.QUESTIONS] == [
		"服务指引是否清晰",
		"办事程序是否便利",
		"材料手续是否精简",
		"操作界面是否友好",
	]
	assert r.answer_error("服务指引是否清晰", "也许") is not None
	assert r.answer_error("服务指引是否清晰", "否") is None


def test_staff_do_not_rate_their_own_service():
	assert r.self_rating_error("a@x", ["a@x", "b@x"]) == "工作人员不能评价自己经办的服务"
	assert r.self_rating_error("c@x", ["a@x", None]) is None


def test_the_check_decides_whether_the_rating_counts():
	"""004 开原: "经核实为误评或恶意差评的评价结果不予采纳;经核查确定为差评的,应当在15日内进行整改" """
	assert r.first_state(r.is_bad("不满意", KAIYUAN)) == r.TO_CHECK
	assert r.first_state(r.is_bad("满意", KAIYUAN)) == r.RATED
	assert r.state_after_check(r.MISTAKEN) == r.NOT_COUNTED
	assert r.state_after_check(r.MALICIOUS) == r.NOT_COUNTED
	assert r.state_after_check(r.CONFIRMED) == r.TO_FIX
	assert not r.counted(r.NOT_COUNTED)
	assert "理由" in r.check_error(r.TO_CHECK, r.MALICIOUS, "")
	assert r.check_error(r.TO_FIX, r.CONFIRMED, "x") is not None
	assert r.fix_error(r.TO_FIX, "") is not None


def test_a_named_rater_is_visited_back():
	"""002 沂南: "实名差评回访率和整改率要达到100%" """
	assert r.state_after_fix(named=True) == r.TO_VISIT
	assert r.state_after_fix(named=False) == r.CLOSED
	assert r.visit_error(r.TO_VISIT, "") is not None


def test_a_signed_link_is_read_and_an_altered_or_expired_one_refused():
	token = r.sign(r.token_payload("Hall Case", "BJ-2026-00001", 1000), KEY)
	assert r.read_token(token, KEY, 999) == (("Hall Case", "BJ-2026-00001"), None)
	assert "过期" in r.read_token(token, KEY, 1001)[1]
	assert "改动" in r.read_token(token, b"other", 999)[1]
	other = r.sign(r.token_payload("Hall Case", "BJ-2026-00002", 1000), KEY)
	assert "改动" in r.read_token(other.split(".")[0] + "." + token.split(".")[1], KEY, 999)[1]
	assert "改动" in r.read_token("garbage", KEY, 0)[1]


def test_a_typed_or_altered_link_and_malformed_reasons_are_told_in_chinese():
	"""A guest never gets an error page: a non-ASCII token, a huge one, or reasons that are not a list."""
	from insurance_hall.rules.rating import parse_reasons, read_token

	for token in ("评价.abc", "a" * 5000, None, ["x"], "abc"):
		service, message = read_token(token, b"k", 0)
		assert service is None and "评价链接无效" in message
	assert parse_reasons('["材料手续不精简"]') == (["材料手续不精简"], None)
	assert parse_reasons("材料手续不精简\n服务态度不好") == (["材料手续不精简", "服务态度不好"], None)
	assert parse_reasons("[") == (None, "差评原因格式不正确，请重新勾选")
	# read as one line of text: an unknown reason, which the reasons rule then refuses by name
	assert parse_reasons('{"a": 1}') == (['{"a": 1}'], None)
	assert parse_reasons(42) == (None, "差评原因格式不正确，请重新勾选")
	assert parse_reasons([1, 2]) == (None, "差评原因格式不正确，请重新勾选")
