"""Stand-ins take over waiting work: when an assignment starts, what waits for the absent person moves
to the stand-in (ToDo, notification, trail with both names and why); when it ends, it goes back.

001 万州《同岗替代制度》: "窗口常驻工作人员（即A角）不在岗时，应由相同或相似岗位的工作人员（即B角）代行其职责。"
"""

from __future__ import annotations

import frappe
from frappe.utils import add_days, today

from insurance_hall.services import standins
from insurance_hall.setup.permissions import WINDOW_STAFF
from insurance_hall.tests.bad_input import admin_client, assert_refused
from insurance_hall.tests.factories import apply_shipped_profile, make_substitute_assignment, make_user
from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.utils import IntegrationTestCase

DT = "Refusal Sheet"


class TestStandInHandover(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.w = RefusalWorld("nanyang", department="代岗测试科", tag="sh")

	@classmethod
	def tearDownClass(cls):
		cls.w.cleanup()
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		self.w.cleanup()
		for name in frappe.get_all(
			"Substitute Assignment", filters={"absent_user": self.w.head}, pluck="name"
		):
			frappe.delete_doc("Substitute Assignment", name, ignore_permissions=True, force=True)
		frappe.db.commit()

	def open_todos(self, name: str) -> list[str]:
		frappe.db.rollback()  # see what the REST requests committed
		return frappe.get_all(
			"ToDo",
			filters={"reference_type": DT, "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)

	def test_an_assignment_for_today_takes_over_and_its_end_gives_back(self):
		w = self.w
		name = w.file()
		self.assertEqual(self.open_todos(name), [w.head])
		assignment = make_substitute_assignment(
			w.head, w.standin, today(), add_days(today(), 3), reason="外出培训"
		)
		frappe.db.commit()
		sheet = w.sheet(name)
		self.assertEqual((sheet.current_approver, sheet.acting_for), (w.standin, w.head))
		self.assertEqual(self.open_todos(name), [w.standin])
		step = sheet.steps[-1]
		self.assertEqual((step.action, step.approver, step.on_behalf_of), ("代岗移交", w.standin, w.head))
		self.assertIn("外出培训", step.opinion)
		self.assertIn(w.standin, step.opinion)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"document_name": name, "for_user": w.standin}),
			"the stand-in is told",
		)
		# the stand-in can read it and act on it
		self.assertEqual(w.client(w.standin).get(DT, name).status, 200)

		# the daily job and a second save change nothing
		steps = len(sheet.steps)
		self.assertEqual(standins.run_daily(), 0)
		assignment.reload()
		assignment.save(ignore_permissions=True)
		frappe.db.commit()
		self.assertEqual(len(w.sheet(name).steps), steps)
		self.assertEqual(self.open_todos(name), [w.standin])

		# the assignment ended (the daily job on the day after it): what is still waiting goes back
		moved = standins.run_daily(add_days(today(), 4))
		frappe.db.commit()
		self.assertEqual(moved, 1)
		sheet = w.sheet(name)
		self.assertEqual((sheet.current_approver, sheet.acting_for), (w.head, None))
		self.assertEqual(sheet.steps[-1].action, "代岗交回")
		self.assertEqual(self.open_todos(name), [w.head])

	def test_an_assignment_starting_later_takes_over_on_its_first_day(self):
		w = self.w
		name = w.file()
		frappe.db.rollback()
		start = add_days(today(), 2)
		make_substitute_assignment(w.head, w.standin, start, add_days(start, 1))
		frappe.db.commit()
		self.assertEqual(w.sheet(name).current_approver, w.head, "not yet: it starts later")
		self.assertEqual(standins.run_daily(start), 1)
		frappe.db.commit()
		self.assertEqual(w.sheet(name).current_approver, w.standin)
		self.assertEqual(standins.run_daily(start), 0, "idempotent")

	def test_deleting_the_assignment_gives_back(self):
		w = self.w
		name = w.file()
		frappe.db.rollback()
		assignment = make_substitute_assignment(w.head, w.standin, today(), today())
		frappe.db.commit()
		self.assertEqual(w.sheet(name).current_approver, w.standin)
		frappe.delete_doc("Substitute Assignment", assignment.name, ignore_permissions=True)
		frappe.db.commit()
		self.assertEqual((w.sheet(name).current_approver, w.sheet(name).acting_for), (w.head, None))

	def test_a_person_who_approves_nothing_gets_no_stand_in(self):
		clerk = make_user("sh.plainclerk@example.com", WINDOW_STAFF)
		data = {
			"absent_user": clerk,
			"substitute": self.w.standin,
			"from_date": today(),
			"to_date": today(),
			"reason": "休假",
		}
		assert_refused(self, admin_client(), "Substitute Assignment", data, "无需代岗授权")

	def test_two_overlapping_assignments_for_one_person_are_refused(self):
		w = self.w
		make_substitute_assignment(w.head, w.standin, "2026-12-01", "2026-12-10")
		frappe.db.commit()
		data = {
			"absent_user": w.head,
			"substitute": w.deputy,
			"from_date": "2026-12-10",
			"to_date": "2026-12-11",
			"reason": "出差",
		}
		assert_refused(self, admin_client(), "Substitute Assignment", data, "同一时段只能指定一名代岗人")
