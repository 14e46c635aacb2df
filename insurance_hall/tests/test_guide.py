"""办事指南 on the public pages, as a citizen's phone reads them: the index by department, each published
matter's guide from the Desk's catalogue (names, never accounts), an unpublished or unknown matter
answered in Chinese with 404, the admin's text shown as text, and the date of the last change.

001 沂南: "信息公开，主动公开服务事项办理依据、流程、结果等信息".
"""

from __future__ import annotations

from urllib.parse import quote

import frappe

from insurance_hall.rules.roles import WINDOW_STAFF
from insurance_hall.tests.factories import (
	apply_shipped_profile,
	make_hall_department,
	make_service_matter,
	make_service_window,
	make_user,
)
from insurance_hall.tests.utils import GuestClient, IntegrationTestCase

MATTER = "指南测试·异地就医备案"
HIDDEN = "指南测试·内部事项"
DEPARTMENT = "指南测试科"


class TestGuide(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		apply_shipped_profile("yinan")
		cls.a = make_user("guide.a@example.com", WINDOW_STAFF, first_name="指南甲")
		cls.b = make_user("guide.b@example.com", WINDOW_STAFF, first_name="指南乙")
		make_hall_department(DEPARTMENT, room="一楼101室", phone="0539-3220000")
		cls.window = make_service_window("指1", a_staff=cls.a, b_staff=cls.b, department=DEPARTMENT)
		frappe.db.set_value("Service Window", cls.window, "window_name", "异地就医窗口")
		for name in (MATTER, HIDDEN):
			frappe.delete_doc(
				"Service Matter", name, force=True, ignore_permissions=True, ignore_missing=True
			)
		make_service_matter(
			MATTER,
			window=cls.window,
			department=DEPARTMENT,
			matter_type="Promised",
			promised_days=5,
			guide_basis="《医疗保障法》\n<script>alert(1)</script>鲁医保发〔2021〕1号",
			guide_process="提交材料\n窗口审核\n办结通知",
			materials=[{"material": "身份证"}, {"material": "参保地备案表", "may_be_missing": 1}],
		)
		make_service_matter(HIDDEN, window=cls.window, department=DEPARTMENT, guide_published=0)
		frappe.db.commit()
		cls.guest = GuestClient("en-US,en;q=0.9")  # a phone set to English still reads Chinese

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		for name in (MATTER, HIDDEN):
			frappe.delete_doc(
				"Service Matter", name, force=True, ignore_permissions=True, ignore_missing=True
			)
		apply_shipped_profile("default")
		frappe.db.commit()
		super().tearDownClass()

	def test_the_index_lists_each_department_and_its_published_matters(self):
		page = self.guest.page("/guide")
		self.assertEqual(page.status, 200, page.text[:300])
		self.assertIn(DEPARTMENT, page.text)
		self.assertIn("一楼101室", page.text)
		self.assertIn(f"/guide?matter={quote(MATTER)}", page.text)
		self.assertIn("承诺件，5个工作日内办结", page.text)
		self.assertNotIn(HIDDEN, page.text)
		self.assertIn('name="viewport"', page.text)

	def test_a_matters_guide_says_where_when_what_and_who_by_name(self):
		page = self.guest.page(f"/guide?matter={quote(MATTER)}")
		self.assertEqual(page.status, 200, page.text[:300])
		for text in (
			"承诺件，5个工作日内办结",
			"指1号窗口 异地就医窗口",
			"A角：指南甲",
			"B角：指南乙",
			"参保地备案表",
			"可容缺：先行受理，承诺后补",  # 沂南 accepts 容缺受理
			"窗口审核",
			"0539-3227009",  # 沂南's complaint phone
			"法定工作日",
			"更新日期：",
			"不收费",
		):
			self.assertIn(text, page.text)
		self.assertNotIn("@example.com", page.text)
		# the admin's text is shown as text, never run
		self.assertNotIn("<script>alert(1)</script>", page.text)
		self.assertIn("<li>&lt;script&gt;alert(1)&lt;/script&gt;鲁医保发〔2021〕1号</li>", page.text)

	def test_an_unpublished_or_unknown_matter_is_a_chinese_404(self):
		for matter in (HIDDEN, "没有这个事项", "x" * 500):
			page = self.guest.page(f"/guide?matter={quote(matter)}")
			self.assertEqual(page.status, 404, matter)
			self.assertIn("未找到该事项", page.text)
			self.assertNotIn("Traceback", page.text)
			self.assertNotIn(HIDDEN, page.text)

	def test_what_the_admin_edits_is_what_the_citizen_reads_dated(self):
		doc = frappe.get_doc("Service Matter", MATTER)
		frappe.db.set_value("Service Matter", MATTER, "guide_updated_on", "2026-01-05")
		doc.reload()
		doc.description = "内部备注"  # not in the guide: the date stays
		doc.save(ignore_permissions=True)
		self.assertEqual(str(doc.guide_updated_on), "2026-01-05")
		doc.guide_fees = "工本费5元"
		doc.save(ignore_permissions=True)
		frappe.db.commit()
		self.assertEqual(str(doc.guide_updated_on), frappe.utils.today())
		page = self.guest.page(f"/guide?matter={quote(MATTER)}")
		self.assertIn("工本费5元", page.text)
		self.assertIn(f"更新日期：{frappe.utils.today()}", page.text)

	def test_the_guides_date_is_not_set_by_hand(self):
		from insurance_hall.tests.utils import RestClient

		before = str(frappe.db.get_value("Service Matter", MATTER, "guide_updated_on"))
		response = RestClient("Administrator", "admin").update(
			"Service Matter", MATTER, {"guide_updated_on": "2099-01-01"}
		)
		self.assertEqual(response.status, 403, response.text[:300])
		self.assertIn("更新日期由系统", response.message)
		frappe.db.rollback()
		self.assertEqual(str(frappe.db.get_value("Service Matter", MATTER, "guide_updated_on")), before)

	def test_the_months_figures_are_published_per_window_without_names(self):
		from insurance_hall.rules.period import previous_month

		year, month = previous_month(frappe.utils.getdate(frappe.utils.today()))
		now = frappe.utils.now_datetime()
		meta = ["creation", "modified", "owner", "modified_by", "docstatus"]
		levels = (("满意", 0), ("满意", 0), ("满意", 0), ("不满意", 1), ("不满意", 1))
		rows = [
			(
				f"GUIDE-RATING-{i}",
				now,
				now,
				"Administrator",
				"Administrator",
				0,
				self.a,
				self.window,
				level,
				bad,
				"不予采纳" if i == 4 else "已评价",
				f"{year}-{month:02d}-10",
				"链接或二维码",
				"王评价人",
			)
			for i, (level, bad) in enumerate(levels)
		]
		frappe.db.bulk_insert(
			"Hall Rating",
			[
				"name",
				*meta,
				"staff",
				"window",
				"level",
				"is_bad",
				"state",
				"service_date",
				"channel",
				"rater_name",
			],
			rows,
		)
		frappe.db.commit()
		try:
			page = self.guest.page(f"/figures?year={year}&month={month}")
			self.assertEqual(page.status, 200, page.text[:300])
			self.assertIn(f"{year}年{month}月窗口服务“好差评”公示", page.text)
			# 3 satisfied, 1 dissatisfied; the one found 不予采纳 is not counted
			self.assertIn(
				"<td>指1号窗口 异地就医窗口</td><td>4</td><td>3</td><td>1</td><td>75.0%</td>", page.text
			)
			for private in ("王评价人", "指南甲", "@example.com"):
				self.assertNotIn(private, page.text)
			# the running month is not published: asking for it shows the last complete month
			ahead = self.guest.page("/figures?year=2999&month=1")
			self.assertIn(f"{year}年{month}月", ahead.text)
		finally:
			frappe.db.delete("Hall Rating", {"name": ("like", "GUIDE-RATING-%")})
			frappe.db.commit()
