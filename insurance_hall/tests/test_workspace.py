"""The hall's workspace and number cards ship as standard records synced by migrate, and every card
counts only what the person looking may read (a clerk sees their own sheets, not another clerk's)."""

from __future__ import annotations

import json

import frappe

from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.utils import IntegrationTestCase

WORKSPACE = "医保经办大厅"
GET_RESULT = "frappe.desk.doctype.number_card.number_card.get_result"


class TestWorkspace(IntegrationTestCase):
	def test_the_workspace_and_its_cards_are_standard_records_of_the_app(self):
		workspace = frappe.get_doc("Workspace", WORKSPACE)
		self.assertEqual((workspace.module, workspace.public, workspace.is_hidden), ("Insurance Hall", 1, 0))
		cards = [row.number_card_name for row in workspace.number_cards]
		self.assertIn("审批中的说不事项", cards)
		for card in cards:
			doc = frappe.get_doc("Number Card", card)
			self.assertEqual((doc.is_standard, doc.module), (1, "Insurance Hall"))
		content = json.loads(workspace.content)
		self.assertEqual(
			{block["data"].get("number_card_name") for block in content if block["type"] == "number_card"},
			set(cards),
		)
		self.assertIn("ToDo", [row.link_to for row in workspace.shortcuts])

	def test_a_card_counts_only_what_the_viewer_may_read(self):
		w = RefusalWorld("nanyang", department="工作台测试科", tag="ws")
		try:
			w.file()
			card = frappe.get_doc("Number Card", "审批中的说不事项")
			args = {"doc": json.dumps(card.as_dict(), default=str), "filters": card.filters_json}
			frappe.db.rollback()
			everyone = frappe.db.count("Refusal Sheet", {"workflow_state": "审批中"})
			self.assertGreaterEqual(everyone, 1)
			own = w.client(w.clerk).call(GET_RESULT, args)
			self.assertEqual(own.status, 200, own.text[:300])
			mine = frappe.db.count("Refusal Sheet", {"workflow_state": "审批中", "owner": w.clerk})
			self.assertEqual(own.json["message"], mine)
			other = w.client(w.standin).call(GET_RESULT, args)  # a clerk of another window
			self.assertEqual(
				other.json["message"],
				frappe.db.count("Refusal Sheet", {"workflow_state": "审批中", "owner": w.standin}),
			)
			self.assertLess(other.json["message"], everyone)
		finally:
			w.cleanup()
