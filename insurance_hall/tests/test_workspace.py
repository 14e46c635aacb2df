"""The hall's workspace and number cards ship as standard records synced by migrate, and every card
counts only what the person looking may read (a clerk sees their own sheets, not another clerk's)."""

from __future__ import annotations

import json
from pathlib import Path

import frappe
from frappe.utils import add_days, nowdate

from insurance_hall.rules import case as c
from insurance_hall.setup.permissions import WINDOW_STAFF
from insurance_hall.tests.factories import make_hall_case, make_user
from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

WORKSPACE = "医保经办大厅"
GET_RESULT = "frappe.desk.doctype.number_card.number_card.get_result"
MY_WORK = "insurance_hall.api.hall.my_work"
ON_TIME = "insurance_hall.api.hall.on_time_rate"
CHART = "frappe.desk.doctype.dashboard_chart.dashboard_chart.get"
FIXTURES = Path(frappe.get_app_path("insurance_hall", "fixtures"))


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
		charts = [row.chart_name for row in workspace.charts]
		self.assertEqual(len(charts), 3)
		for chart in charts:
			doc = frappe.get_doc("Dashboard Chart", chart)
			self.assertEqual((doc.is_standard, doc.module), (1, "Insurance Hall"))
		self.assertEqual([row.custom_block_name for row in workspace.custom_blocks], ["我的待办"])
		self.assertEqual(
			{block["data"].get("chart_name") for block in content if block["type"] == "chart"}, set(charts)
		)

	def test_the_workflow_ships_as_fixtures_and_migrate_puts_it_back(self):
		"""A site whose Workflow was edited by hand gets the shipped one back from the next migrate."""
		from frappe.utils.fixtures import sync_fixtures

		(shipped,) = json.loads((FIXTURES / "workflow.json").read_text(encoding="utf-8"))
		workflow = frappe.get_doc("Workflow", shipped["name"])
		self.assertEqual(len(workflow.transitions), len(shipped["transitions"]))
		workflow.transitions = workflow.transitions[:2]
		workflow.save(ignore_permissions=True)
		frappe.db.commit()
		sync_fixtures("insurance_hall")  # what `bench migrate` runs
		workflow = frappe.get_doc("Workflow", shipped["name"])
		self.assertEqual(
			[(t.state, t.action, t.next_state, t.condition) for t in workflow.transitions],
			[(t["state"], t["action"], t["next_state"], t["condition"]) for t in shipped["transitions"]],
		)
		from insurance_hall.setup.fixtures import shipped

		for doctype in ("Workflow State", "Workflow Action Master", "Custom HTML Block"):
			for name in shipped(doctype):
				self.assertTrue(frappe.db.exists(doctype, name), (doctype, name))

	def test_a_state_another_app_owns_is_shared_not_overwritten(self):
		"""Issue 19: 草稿 and 审批中 are words another app may own; migrate keeps its colour."""
		from frappe.utils.fixtures import sync_fixtures

		from insurance_hall.setup.install import before_migrate

		frappe.db.set_value("Workflow State", "审批中", "style", "Inverse")
		frappe.db.commit()
		try:
			before_migrate()
			sync_fixtures("insurance_hall")  # what `bench migrate` runs
			self.assertEqual(frappe.db.get_value("Workflow State", "审批中", "style"), "Inverse")
		finally:
			frappe.db.set_value("Workflow State", "审批中", "style", "Warning")
			frappe.db.commit()

	def test_the_admins_changes_to_the_module_profile_survive_migrate(self):
		"""Issue: the module profile fixture was re-synced on each migrate, resetting an admin's additions."""
		from insurance_hall.setup.fixtures import STAFF_MODULE_PROFILE
		from insurance_hall.setup.install import after_migrate

		profile = frappe.get_doc("Module Profile", STAFF_MODULE_PROFILE)
		before = [row.module for row in profile.block_modules]
		profile.append("block_modules", {"module": "Printing"})
		profile.save(ignore_permissions=True)
		frappe.db.commit()
		try:
			from frappe.utils.fixtures import sync_fixtures

			sync_fixtures("insurance_hall")  # what `bench migrate` runs, then the app's own step
			after_migrate()
			frappe.db.commit()
			kept = [
				row.module for row in frappe.get_doc("Module Profile", STAFF_MODULE_PROFILE).block_modules
			]
			self.assertIn("Printing", kept)
		finally:
			profile = frappe.get_doc("Module Profile", STAFF_MODULE_PROFILE)
			profile.block_modules = [row for row in profile.block_modules if row.module in before]
			profile.save(ignore_permissions=True)
			frappe.db.commit()

	def test_staff_with_the_module_profile_see_the_hall_not_frappes_build(self):
		"""The shipped module profile hides Frappe's Build, Users, Website, Tools and Integrations
		workspaces from staff, while what they may read stays the same."""
		from frappe.desk.desktop import get_workspace_sidebar_items

		from insurance_hall.setup.fixtures import STAFF_MODULE_PROFILE

		clerk = make_user("ws.profile.clerk@example.com", WINDOW_STAFF)
		user = frappe.get_doc("User", clerk)
		user.module_profile = STAFF_MODULE_PROFILE
		user.save(ignore_permissions=True)
		frappe.db.commit()
		try:
			frappe.set_user(clerk)
			pages = [page["name"] for page in get_workspace_sidebar_items()["pages"]]
			self.assertEqual(pages, [WORKSPACE])
			self.assertTrue(frappe.has_permission("ToDo", "read"))  # Desk's to-do list still theirs
			self.assertTrue(frappe.has_permission("Hall Case", "create"))
		finally:
			frappe.set_user("Administrator")
			user.reload()
			user.module_profile = None
			user.block_modules = []
			user.save(ignore_permissions=True)
			frappe.db.commit()

	def test_every_chart_counts_only_what_the_viewer_may_read(self):
		"""Charts go through Frappe's list permissions: a clerk's chart of cases counts their own cases."""
		clerk = make_user("ws.chart.clerk@example.com", WINDOW_STAFF)
		other = make_user("ws.chart.other@example.com", WINDOW_STAFF)
		frappe.db.set_value("Hall Case", make_hall_case(clerk), "accepted_on", nowdate())
		frappe.db.commit()
		since = add_days(nowdate(), -31)
		for user in (clerk, other):
			response = RestClient(user).call(CHART, {"chart_name": "近30日受理办件", "refresh": 1})
			self.assertEqual(response.status, 200, response.text[:300])
			seen = sum(response.json["message"]["datasets"][0]["values"])
			self.assertEqual(
				seen, frappe.db.count("Hall Case", {"owner": user, "accepted_on": (">=", since)})
			)
		self.assertGreaterEqual(
			frappe.db.count("Hall Case", {"owner": clerk, "accepted_on": (">=", since)}), 1
		)
		everyone = RestClient("Administrator", "admin").call(
			CHART, {"chart_name": "近30日受理办件", "refresh": 1}
		)
		self.assertGreater(sum(everyone.json["message"]["datasets"][0]["values"]), seen)

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


class TestMyWork(IntegrationTestCase):
	"""The workspace's 我的待办: what waits for the signed-in person across forms, overdue first."""

	def test_what_waits_for_me_comes_overdue_first_and_only_mine(self):
		w = RefusalWorld("nanyang", department="待办测试科", tag="mw")
		try:
			sheets = [w.file(), w.file(), w.file()]
			frappe.db.rollback()  # see what the requests committed
			todos = [
				frappe.db.get_value(
					"ToDo", {"reference_name": name, "allocated_to": w.head, "status": "Open"}, "name"
				)
				for name in sheets
			]
			self.assertTrue(all(todos), todos)
			# one without a due date, one next week, one overdue since yesterday
			for todo, due in zip(todos, (None, add_days(nowdate(), 7), add_days(nowdate(), -1)), strict=True):
				frappe.db.set_value("ToDo", todo, "date", due)
			frappe.db.commit()
			work = w.client(w.head).call(MY_WORK, {"user": w.clerk})  # a `user` argument is ignored
			self.assertEqual(work.status, 200, work.text[:300])
			message = work.json["message"]
			mine = [item for item in message["items"] if item["name"] in sheets]
			self.assertEqual([item["name"] for item in mine], [sheets[2], sheets[1], sheets[0]])
			self.assertEqual([item["state"] for item in mine], ["已超期", "未到期", "无期限"])
			self.assertEqual(mine[0]["route"], f"/app/refusal-sheet/{sheets[2]}")
			self.assertNotEqual(mine[0]["label"], "Refusal Sheet")  # the form's Chinese name
			self.assertGreaterEqual(message["overdue"], 1)
			# another app's item (a plain ToDo, a Note) is not listed: it is counted behind a link
			other = frappe.get_doc(
				{"doctype": "ToDo", "allocated_to": w.head, "description": "其他应用的事项", "status": "Open"}
			).insert(ignore_permissions=True)
			frappe.db.commit()
			message = w.client(w.head).call(MY_WORK).json["message"]
			self.assertNotIn(other.name, {item["todo"] for item in message["items"]})
			everything = frappe.db.count("ToDo", {"allocated_to": w.head, "status": "Open"})
			self.assertEqual(message["total"] + message["others"], everything)
			self.assertGreaterEqual(message["others"], 1)
			frappe.delete_doc("ToDo", other.name, ignore_permissions=True, force=True)
			frappe.db.commit()
			# another head, the filing clerk and a visitor see none of the head's items
			for user in (w.other_head, w.clerk):
				theirs = w.client(user).call(MY_WORK)
				self.assertEqual(theirs.status, 200)
				self.assertFalse({item["todo"] for item in theirs.json["message"]["items"]} & set(todos))
			self.assertIn(RestClient.guest().call(MY_WORK).status, (401, 403))
		finally:
			w.cleanup()

	def test_the_to_do_index_is_there_and_migrate_puts_it_back(self):
		from insurance_hall.services import inbox
		from insurance_hall.setup.install import after_migrate

		self.assertTrue(frappe.db.has_index("tabToDo", inbox.INDEX_NAME))
		inbox.drop_index()
		self.assertFalse(frappe.db.has_index("tabToDo", inbox.INDEX_NAME))
		after_migrate()
		columns = [row[4] for row in frappe.db.has_index("tabToDo", inbox.INDEX_NAME)]
		self.assertEqual(columns, list(inbox.INDEX_FIELDS))

	def test_the_on_time_card_counts_the_viewers_own_cases(self):
		"""A clerk reads only their own cases, so their 本月按时办结率 is theirs."""
		first = make_user("ws.rate.first@example.com", WINDOW_STAFF)
		second = make_user("ws.rate.second@example.com", WINDOW_STAFF)
		for user, on_time in ((first, 1), (first, 0), (second, 0)):
			name = make_hall_case(user)
			frappe.db.set_value(
				"Hall Case", name, {"status": c.DONE, "closed_on": nowdate(), "on_time": on_time}
			)
		frappe.db.commit()
		try:
			self.assertEqual(RestClient(first).call(ON_TIME).json["message"]["value"], 50.0)
			self.assertEqual(RestClient(second).call(ON_TIME).json["message"]["value"], 0.0)
			nobody = make_user("ws.rate.none@example.com", WINDOW_STAFF)  # nothing closed: no rate, not 0%
			self.assertEqual(RestClient(nobody).call(ON_TIME).json["message"], "本月暂无办结")
		finally:
			frappe.db.delete("Hall Case", {"owner": ("in", [first, second])})
			frappe.db.commit()
