from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.utils import IntegrationTestCase


class TestServiceMatter(IntegrationTestCase):
	def test_a_negative_promise_is_refused(self):
		data = {
			"matter_name": "负数承诺事项",
			"matter_type": "Promised",
			"promised_days": -5,
			"materials": [{"material": "身份证", "may_be_missing": 0}],
		}
		assert_refused(self, admin_client(), "Service Matter", data, "承诺办结时限不能为负数（-5）")

	def test_a_promised_matter_without_days_is_refused(self):
		data = {"matter_name": "无时限承诺事项", "matter_type": "Promised", "promised_days": 0}
		assert_refused(self, admin_client(), "Service Matter", data, "承诺件须填写承诺办结的工作日数")
