"""The trail and what an action owns cannot be written by any other path, as the wrong user or the right
one: REST PUT, a new record carrying a trail, `frappe.client.insert` / `set_value` / `save` of a child row.
Each attempt is refused with the Chinese message, and nothing changes."""

from __future__ import annotations

import json

import frappe

from insurance_hall.insurance_hall.doctype.hall_case.test_hall_case import PROMISED, CaseWorld
from insurance_hall.tests.utils import IntegrationTestCase

MESSAGE = "只能通过本表的办理操作改变"


class TestManagedPaths(IntegrationTestCase):
	def setUp(self):
		self.w = CaseWorld()

	def snapshot(self, name: str) -> tuple:
		frappe.db.rollback()
		doc = frappe.get_doc("Hall Case", name)
		return (
			str(doc.modified),
			str(doc.due_date),
			doc.department,
			[(s.action, s.by_user, s.note) for s in doc.steps],
			[(m.material, m.received) for m in doc.materials],
		)

	def assert_refused(self, name: str | None, before, response, text: str = MESSAGE):
		self.assertGreaterEqual(response.status, 400, response.text[:500])
		self.assertIn(text, response.message)
		self.assertNotIn("Traceback", response.message)
		if name:
			self.assertEqual(self.snapshot(name), before)

	def test_the_trail_cannot_be_rewritten_appended_or_forged(self):
		w = self.w
		name = w.accepted_promised_case()
		before = self.snapshot(name)
		clerk = w.client(w.clerk)
		# as the Desk sends it: JSON, dates as text
		doc = frappe._dict(json.loads(frappe.as_json(frappe.get_doc("Hall Case", name).as_dict())))
		doc.steps = [frappe._dict(step) for step in doc.steps]
		forged = [{**doc.steps[0], "action": "批准延期", "by_user": w.leader, "note": "同意"}]
		for attempt in (
			clerk.update("Hall Case", name, {"steps": forged}),
			clerk.update("Hall Case", name, {"steps": []}),
			clerk.update("Hall Case", name, {"steps": [*doc.steps, {"action": "办结", "note": "伪造"}]}),
			clerk.call(
				"frappe.client.insert",
				{
					"doc": {
						"doctype": "Hall Case Step",
						"parent": name,
						"parenttype": "Hall Case",
						"parentfield": "steps",
						"action": "办结",
						"note": "伪造",
					}
				},
			),
			clerk.call(
				"frappe.client.set_value",
				{"doctype": "Hall Case Step", "name": doc.steps[0].name, "fieldname": "note", "value": "改"},
			),
			clerk.call(
				"frappe.client.save", {"doc": {**doc, "steps": forged, "modified": str(doc.modified)}}
			),
		):
			self.assert_refused(name, before, attempt)

	def test_a_new_case_cannot_carry_a_trail(self):
		w = self.w
		frappe.db.rollback()
		count = frappe.db.count("Hall Case")
		response = w.client(w.clerk).insert("Hall Case", w.data(steps=[{"action": "办结", "note": "伪造"}]))
		self.assert_refused(None, None, response)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Hall Case"), count)

	def test_materials_and_department_are_frozen_once_accepted(self):
		w = self.w
		name = w.accepted_promised_case()
		before = self.snapshot(name)
		clerk = w.client(w.clerk)
		untick = [{"material": m, "received": 0} for m in ("身份证", "异地就医备案表")]
		self.assert_refused(name, before, clerk.update("Hall Case", name, {"materials": untick}))
		self.assert_refused(name, before, clerk.update("Hall Case", name, {"department": w.other_department}))
		# before acceptance the clerk still ticks what was received
		draft = w.register(matter=PROMISED, received=("身份证",))
		response = clerk.update("Hall Case", draft, {"materials": untick})
		self.assertEqual(response.status, 200, response.text[:300])
