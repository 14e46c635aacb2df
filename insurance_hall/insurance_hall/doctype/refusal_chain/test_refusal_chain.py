from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.utils import IntegrationTestCase


class TestRefusalChain(IntegrationTestCase):
	def test_a_chain_whose_top_cannot_confirm_is_refused(self):
		data = {
			"chain_name": "无人审定链",
			"levels": [
				{"level": 1, "label": "科室负责人", "approver": "Department Head", "can_confirm": 0},
				{"level": 2, "label": "局分管领导", "approver": "Deputy In Charge", "can_confirm": 0},
			],
		}
		assert_refused(self, admin_client(), "Refusal Chain", data, "最高一级必须有权确认说“不”")

	def test_a_missing_level_is_refused(self):
		data = {
			"chain_name": "缺级链",
			"levels": [
				{"level": 1, "label": "科室负责人", "approver": "Department Head", "can_confirm": 0},
				{"level": 3, "label": "局主要领导", "approver": "Main Leader", "can_confirm": 1},
			],
		}
		assert_refused(self, admin_client(), "Refusal Chain", data, "缺少第2级")
