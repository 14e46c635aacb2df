from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.utils import IntegrationTestCase


class TestHallDepartment(IntegrationTestCase):
	def test_a_head_who_is_not_a_user_is_refused(self):
		data = {
			"department_name": "无效负责人科",
			"head": "nobody-here@example.com",
			"duties": [{"duty": "负责测试"}],
		}
		# the platform's link check, in the user's language
		assert_refused(self, admin_client(), "Hall Department", data, "nobody-here@example.com")
