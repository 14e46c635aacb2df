from insurance_hall.setup.permissions import WINDOW_STAFF
from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.factories import make_user
from insurance_hall.tests.utils import IntegrationTestCase


class TestServiceWindow(IntegrationTestCase):
	def test_a_and_b_the_same_person_is_refused(self):
		clerk = make_user("window.clerk@example.com", WINDOW_STAFF)
		data = {"window_no": "W-AB", "a_staff": clerk, "b_staff": clerk}
		assert_refused(self, admin_client(), "Service Window", data, "A角和B角不能是同一人")
