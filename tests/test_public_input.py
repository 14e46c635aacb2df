"""One phone rule, one name rule and one text rule for every public page (booking, complaint, rating).

002 沂南 预约服务: "申请人拨打医保服务电话：（0539-3225318）进行预约申请" — a landline with its area code is a
phone number as much as an 11-digit mobile.
"""

import pytest

from insurance_hall.rules.public_input import NAME_LIMIT, name_error, normalise_phone, phone_error, text_error


@pytest.mark.parametrize("raw", ["13900001111", "+86 139-0000-1111", "0539-3225318", "（0539）3225318"])
def test_real_phone_numbers_pass(raw):
	assert phone_error(raw) is None
	assert normalise_phone(raw)


@pytest.mark.parametrize("raw", ["123", "1234567", "12345678901", "<b>", "139000011112", "abc"])
def test_what_is_not_a_phone_number_is_refused_with_the_same_reason(raw):
	assert (
		phone_error(raw)
		== f"“{raw}”不是有效的电话号码：请填写11位手机号，或带区号的固定电话（如 0539-3225318）"
	)


def test_a_name_is_refused_not_cut_or_cleaned():
	assert name_error("张三") is None
	assert name_error("Li Lei") is None
	assert name_error("") == "请填写姓名"
	assert name_error("", required=False) is None
	assert name_error("张" * (NAME_LIMIT + 1)) == f"姓名不能超过{NAME_LIMIT}个字"
	assert name_error("张" * 10_000) == f"姓名不能超过{NAME_LIMIT}个字"
	assert name_error("\u200b\u200b\u200b") == "姓名含有无法显示的字符，请重新输入"
	assert name_error("张\u200b三") == "姓名含有无法显示的字符，请重新输入"
	assert name_error("123") == "姓名“123”无效，请填写真实姓名"


def test_a_text_is_checked_for_type_length_and_characters():
	assert text_error(["x"], "备注", 10) == "备注格式不正确"
	assert text_error("a\x00b", "备注", 10) == "备注含有无法显示的字符，请重新输入"
	assert text_error("第一行\n第二行", "备注", 10) is None
	assert text_error(None, "备注", 10, required=True) == "请填写备注"


# ---------------------------------------------------------------- the address the site trusts


def test_a_client_reaching_the_site_directly_is_counted_at_its_own_address():
	"""Issue: a client that sends its own X-Forwarded-For was not limited at all."""
	from insurance_hall.rules.public_input import LOOPBACK, client_address

	assert client_address("203.0.113.9", "1.2.3.4", LOOPBACK) == "203.0.113.9"
	assert client_address("203.0.113.9", None, LOOPBACK) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_citizen_is_the_nearest_untrusted_hop():
	from insurance_hall.rules.public_input import LOOPBACK, client_address

	assert client_address("127.0.0.1", "198.51.100.7", LOOPBACK) == "198.51.100.7"
	# a forged first hop does not help: the proxy appended the real one
	assert client_address("10.0.0.2", "6.6.6.6, 198.51.100.7", ["10.0.0.0/8"]) == "198.51.100.7"
	assert client_address("10.0.0.2", "198.51.100.7, 10.0.0.3", ["10.0.0.0/8"]) == "198.51.100.7"
	# garbage in the header: the proxy itself is what is known
	assert client_address("127.0.0.1", "not-an-address", LOOPBACK) == "127.0.0.1"


def test_one_person_is_one_count_whatever_the_spelling_of_the_phone():
	from insurance_hall.rules.public_input import limit_identity

	assert limit_identity("138 0013 8000") == limit_identity("+86 13800138000") == "13800138000"
	assert limit_identity("YY-2026-00001") == "YY-2026-00001"
	assert limit_identity("") is None and limit_identity(None) is None


def test_the_hall_answers_a_visitor_in_chinese_on_its_own_paths_only():
	from insurance_hall.rules.public_input import hall_request

	def hall():
		return ["Hall Booking", "Hall Complaint"]

	assert hall_request("/api/method/insurance_hall.api.booking.book", None, hall)
	assert hall_request("/api/v2/method/insurance_hall.api.rating.view", None, hall)
	assert hall_request("/api/resource/Hall%20Booking/HB-1", None, hall)
	assert hall_request("/api/v2/document/Hall%20Complaint", None, hall)
	assert hall_request("/api/method/frappe.client.set_value", "Hall Booking", hall)
	# another app's records and pages keep the language Frappe chose for the visitor
	assert not hall_request("/api/resource/CRM%20Lead", None, hall)
	assert not hall_request("/api/method/frappe.client.get_value", "CRM Lead", hall)
	assert not hall_request("/api/method/frappe.client.get_value", ["Hall Booking"], hall)
	assert not hall_request("/api/method/crm.api.session.get_users", None, hall)
	assert not hall_request("/api/resource/", None, hall)
