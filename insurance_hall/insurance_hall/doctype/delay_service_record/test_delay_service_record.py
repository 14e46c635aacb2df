"""The delay-service log through the REST API, as each person: the window's clerk records and confirms,
the citizen signs on the window's screen, 综合科 files and visits back; misuse is refused in Chinese
and changes nothing.

002 沂南: "延时服务完成后，承办人及申请人在《沂南县医保经办服务中心延时服务登记表》（一式两份）上签字确认，
并将登记表报送医保中心综合科备案。"
"""

from __future__ import annotations

import json

import frappe
from frappe.utils import today

from insurance_hall.setup.permissions import RECORDS, SECTION_HEAD, WINDOW_STAFF
from insurance_hall.tests.factories import apply_shipped_profile, make_service_window, make_user
from insurance_hall.tests.utils import IntegrationTestCase, RestClient

DT = "Delay Service Record"
API = "insurance_hall.api.delay_service."
SIGNATURE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
REPORT = "延时服务月度台账"


class TestDelayServiceRecord(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("yinan")  # 17:30 closing, noon 12:00-13:30, five-level scale
		cls.clerk = make_user("ds.clerk@example.com", WINDOW_STAFF)
		cls.other_clerk = make_user("ds.other@example.com", WINDOW_STAFF)
		cls.records = make_user("ds.records@example.com", RECORDS)
		cls.head = make_user("ds.head@example.com", SECTION_HEAD)
		cls.window = make_service_window("延1", a_staff=cls.clerk)
		cls.other_window = make_service_window("延2", a_staff=cls.other_clerk)
		frappe.db.set_single_value("Hall Settings", "records_officer", cls.records)
		frappe.db.commit()
		cls.clients = {}

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		for name in frappe.get_all(
			DT, filters={"window": ("in", (cls.window, cls.other_window))}, pluck="name"
		):
			frappe.db.delete("Delay Service Visit", {"record": name})
			frappe.db.delete("ToDo", {"reference_name": name})
			frappe.db.delete(DT, {"name": name})
		frappe.db.set_single_value("Hall Settings", "records_officer", None)
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def client(self, user: str) -> RestClient:
		if user not in self.clients:
			self.clients[user] = RestClient(user)
		return self.clients[user]

	def data(self, **values) -> dict:
		return {
			"service_date": today(),
			"window": self.window,
			"served_until": "18:15:00",
			"matter_text": "职工医保关系转移接续",
			"citizen_name": "李延时",
			"citizen_phone": "13900002222",
			"handling_result": "已办结，当场打印参保凭证",
			**values,
		}

	def record(self, **values) -> str:
		response = self.client(self.clerk).insert(DT, self.data(**values))
		self.assertEqual(response.status, 200, response.message or response.text[:300])
		return response.json["data"]["name"]

	def doc(self, name: str):
		frappe.db.rollback()
		return frappe.get_doc(DT, name)

	def act(self, user: str, method: str, name: str):
		return self.client(user).call(API + method, {"name": name, "modified": str(self.doc(name).modified)})

	def assertRefused(self, response, text: str):
		self.assertGreaterEqual(response.status, 400, response.text[:300])
		self.assertIn(text, response.message)

	def assertNothingSaved(self, user: str, data: dict, text: str):
		frappe.db.rollback()
		before = frappe.db.count(DT)
		self.assertRefused(self.client(user).insert(DT, data), text)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT), before)

	def signed(self, name: str) -> None:
		response = self.client(self.clerk).update(
			DT,
			name,
			{"citizen_confirmation": "屏幕签名", "citizen_signature": SIGNATURE, "satisfaction": "满意"},
		)
		self.assertEqual(response.status, 200, response.message)

	def test_the_length_is_computed_from_the_closing_time(self):
		doc = self.doc(self.record())
		self.assertEqual((doc.extension_minutes, doc.handler, doc.status), (45, self.clerk, "草稿"))
		self.assertEqual(self.doc(self.record(served_until="12:40:00")).extension_minutes, 40)

	def test_a_new_record_starts_on_the_clerks_own_window(self):
		response = self.client(self.clerk).call("insurance_hall.api.hall.my_window")
		self.assertEqual(response.json.get("message"), self.window)
		self.assertIsNone(
			self.client(self.head).call("insurance_hall.api.hall.my_window").json.get("message")
		)

	def test_a_time_inside_working_hours_is_refused(self):
		self.assertNothingSaved(self.clerk, self.data(served_until="16:00:00"), "不属于延时服务")

	def test_a_zero_or_negative_length_is_refused(self):
		data = self.data(adjusted_minutes=-10, adjust_reason="手工调整")
		self.assertNothingSaved(self.clerk, data, "延时时长须大于零")
		self.assertNothingSaved(self.clerk, self.data(adjusted_minutes=60), "修改延时时长须写明理由")

	def test_a_clerk_of_another_window_cannot_record_for_it(self):
		self.assertNothingSaved(self.other_clerk, self.data(), "不是 延1 号窗口的A角或B角")

	def test_a_clerk_cannot_confirm_for_the_citizen_or_tick_their_own_confirmation(self):
		name = self.record()
		before = self.doc(name).modified
		response = self.client(self.clerk).update(DT, name, {"citizen_confirmation": "屏幕签名"})
		self.assertRefused(response, "不能代为确认")
		response = self.client(self.clerk).update(DT, name, {"citizen_confirmation": "纸质签字"})
		self.assertRefused(response, "扫描件")
		response = self.client(self.clerk).update(DT, name, {"handler_confirmed": 1})
		self.assertRefused(response, "只能通过本表的办理操作改变")
		self.assertEqual(self.doc(name).modified, before)
		self.assertRefused(self.act(self.other_clerk, "confirm_handler", name), "")

	def test_both_confirm_then_the_records_office_files_and_nobody_changes_it(self):
		name = self.record()
		self.assertEqual(self.act(self.clerk, "confirm_handler", name).status, 200)
		self.signed(name)
		doc = self.doc(name)
		self.assertEqual((doc.status, doc.satisfaction, doc.satisfaction_is_bad), ("待备案", "满意", 0))
		self.assertTrue(
			frappe.db.exists(
				"ToDo", {"reference_name": name, "allocated_to": self.records, "status": "Open"}
			),
			"综合科 finds it in their inbox",
		)
		# the clerk cannot file it; the records office can
		self.assertRefused(self.act(self.clerk, "file", name), "综合科")
		response = self.act(self.records, "file", name)
		self.assertEqual(response.status, 200, response.message)
		doc = self.doc(name)
		self.assertEqual((doc.docstatus, doc.status, doc.filed_by), (1, "已备案", self.records))
		self.assertEqual(
			frappe.db.get_value("ToDo", {"reference_name": name, "allocated_to": self.records}, "status"),
			"Closed",
		)
		# filed: nobody edits, cancels or deletes it
		self.assertRefused(self.client(self.clerk).update(DT, name, {"handling_result": "改"}), "")
		self.assertRefused(self.client(self.clerk).delete(DT, name), "")
		self.assertRefused(self.client(self.records).delete(DT, name), "")
		self.assertRefused(
			self.client(self.records).call("frappe.client.cancel", {"doctype": DT, "name": name}), ""
		)
		self.assertEqual(self.doc(name).handling_result, "已办结，当场打印参保凭证")
		self.assertEqual(self.doc(name).docstatus, 1)

	def test_what_was_confirmed_and_signed_stays_as_signed(self):
		name = self.record()
		self.assertEqual(self.act(self.clerk, "confirm_handler", name).status, 200)
		confirmed = self.doc(name)
		# confirmed by the handler: the content they confirmed is frozen
		for change in ({"citizen_name": "改名"}, {"handling_result": "改"}, {"served_until": "19:30:00"}):
			self.assertRefused(self.client(self.clerk).update(DT, name, change), "只能通过本表的办理操作改变")
		self.signed(name)
		signed = self.doc(name)
		# signed by the citizen: their tick and signature are frozen too
		for change in (
			{"satisfaction": "不满意"},
			{"citizen_confirmation": "纸质签字"},
			{"citizen_name": "改名"},
		):
			self.assertRefused(self.client(self.clerk).update(DT, name, change), "只能通过本表的办理操作改变")
		after = self.doc(name)
		self.assertEqual(
			(after.citizen_name, after.handling_result, after.satisfaction, str(after.modified)),
			(confirmed.citizen_name, confirmed.handling_result, signed.satisfaction, str(signed.modified)),
		)

	def test_filing_is_an_action_of_the_records_office_only_when_both_confirmed(self):
		name = self.record()
		self.assertRefused(self.act(self.records, "file", name), "都确认后才能备案")
		doc = json.loads(frappe.as_json(self.doc(name).as_dict()))
		response = self.client(self.records).call("frappe.client.submit", {"doc": doc})
		self.assertGreaterEqual(response.status, 400)
		self.assertEqual(self.doc(name).docstatus, 0)

	def test_the_records_office_visits_back_a_filed_record(self):
		name = self.record()
		self.act(self.clerk, "confirm_handler", name)
		self.signed(name)
		visit = {
			"record": name,
			"visited_on": today(),
			"opinion": "对延时服务很满意",
			"satisfaction": "非常满意",
		}
		draft = self.record()
		response = self.client(self.records).insert("Delay Service Visit", {**visit, "record": draft})
		self.assertRefused(response, "只能对已备案")
		self.assertEqual(self.act(self.records, "file", name).status, 200)
		response = self.client(self.records).insert("Delay Service Visit", visit)
		self.assertEqual(response.status, 200, response.message)
		self.assertEqual(response.json["data"]["visited_by"], self.records)
		# who visited never changes afterwards, not even by 综合科 itself
		visit_name = response.json["data"]["name"]
		self.assertRefused(
			self.client(self.records).update("Delay Service Visit", visit_name, {"visited_by": self.head}),
			"只能通过本表的办理操作改变",
		)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Delay Service Visit", visit_name, "visited_by"), self.records)
		self.assertRefused(
			self.client(self.records).insert("Delay Service Visit", {**visit, "satisfaction": "一般"}),
			"不是本县的评价等级",
		)
		self.assertRefused(self.client(self.clerk).insert("Delay Service Visit", visit), "")

	def test_several_citizens_in_one_go_all_or_none(self):
		rows = [
			{
				"citizen_name": "甲",
				"citizen_phone": "13900000001",
				"matter_text": "异地就医备案",
				"handling_result": "已办结",
			},
			{
				"citizen_name": "乙",
				"citizen_phone": "13900000002",
				"matter_text": "门诊慢特病",
				"handling_result": "已受理",
			},
		]
		args = {"window": self.window, "service_date": today(), "served_until": "17:50:00"}
		response = self.client(self.clerk).call(API + "record_batch", {**args, "rows": rows})
		self.assertEqual(response.status, 200, response.message)
		self.assertEqual(len(response.json["message"]), 2)
		frappe.db.rollback()
		before = frappe.db.count(DT)
		bad = [*rows, {"citizen_name": "丙", "citizen_phone": "13900000003", "handling_result": "已办结"}]
		self.assertRefused(
			self.client(self.clerk).call(API + "record_batch", {**args, "rows": bad}), "第 3 位"
		)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count(DT), before)

	def test_the_monthly_ledger_counts_per_window(self):
		from insurance_hall.insurance_hall.report.延时服务月度台账.延时服务月度台账 import execute

		first = self.record(served_until="18:00:00", satisfaction="非常满意")
		self.record(served_until="17:40:00", satisfaction="不满意")
		self.record(served_until="17:50:00", adjusted_minutes=35, adjust_reason="系统记时有误")
		frappe.db.rollback()
		day = frappe.utils.getdate(today())
		_columns, data = execute({"year": day.year, "month": day.month, "window": self.window})
		row = next(row for row in data if row["window"] == self.window)
		ours = frappe.get_all(DT, filters={"window": self.window, "docstatus": ("<", 2)}, fields=["*"])
		self.assertEqual(row["records"], len(ours))
		self.assertEqual(row["extra_minutes"], sum((r.adjusted_minutes or r.extension_minutes) for r in ours))
		self.assertEqual(row["bad"], sum(r.satisfaction_is_bad for r in ours))
		self.assertIn(first, {r.name for r in ours})
		self.assertEqual(data[-1]["window"], "合计")

	def test_it_prints_as_two_copies_of_the_official_table(self):
		name = self.record(citizen_name="<b>王</b>")
		frappe.db.rollback()
		html = frappe.get_print(DT, name, print_format="延时服务登记表")
		self.assertEqual(html.count("医保服务窗口延时服务登记表"), 2)
		self.assertIn("综合科备案联", html)
		self.assertIn("窗口留存联", html)
		self.assertIn("&lt;b&gt;王&lt;/b&gt;", html)
		self.assertIn("45 分钟", html)
		self.assertIn("此表一式两份，一份交医保服务中心综合科备案，一份窗口留存。", html)

	def test_a_head_reads_but_cannot_write(self):
		name = self.record()
		self.assertEqual(self.client(self.head).get(DT, name).status, 200)
		self.assertGreaterEqual(
			self.client(self.head).update(DT, name, {"handling_result": "改"}).status, 400
		)
