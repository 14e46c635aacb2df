"""The refusal sheet's three paper forms, rendered by Frappe's print view.

003 南阳 附件1 《说“不”事项提级管理审批表》; 002 沂南 / 001 万州 《否定报备（情况）登记表》
("此表一式两份，一份交综合科备案，一份窗口留存"); 004 否定备案制度: the decision "书面送达医保相对人".

The sheets are written directly (no approval service): the chain snapshot and the trail are
appended as rows, the decided state is set in the database, and everything is rolled back.
"""

from __future__ import annotations

import frappe

from insurance_hall.tests.factories import make_hall_department, make_user
from insurance_hall.tests.utils import AssetServer, IntegrationTestCase

DT = "Refusal Sheet"
APPROVAL_FORM = "说不事项提级管理审批表"
REGISTER_FORM = "否定报备登记表"
NOTICE_FORM = "说不事项书面告知书"
NO_SUCH_LEVEL = "（本县审批链无此层级）"

BUREAU = "打印测试县医疗保障局"
COMPLAINT_PHONE = "0539-7654321"
OFFICE = "打印测试县营商环境办"

# level, label, approver type, may confirm
NANYANG_CHAIN = [
	(1, "科室负责人", "Department Head", 0),
	(2, "分管领导", "Deputy In Charge", 0),
	(3, "主要领导", "Main Leader", 1),
]
SHORT_CHAIN = [(1, "科室负责人", "Department Head", 0), (2, "主要领导", "Main Leader", 1)]


class TestRefusalPrint(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# people are committed (as every test user is): the sheets themselves are rolled back
		cls.clerk = make_user("print-clerk@example.com", first_name="王首问")
		cls.head = make_user("print-head@example.com", first_name="张科长")
		cls.deputy = make_user("print-deputy@example.com", first_name="钱分管")
		cls.stand_in = make_user("print-standin@example.com", first_name="赵代理")
		cls.leader = make_user("print-leader@example.com", first_name="孙局长")

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.set_single_value(
			"Hall Settings",
			{
				"bureau_name": BUREAU,
				"county_name": "打印测试县",
				"complaint_phone": COMPLAINT_PHONE,
				"business_env_office": OFFICE,
			},
		)
		self.department = make_hall_department("打印测试科")

	def tearDown(self):
		frappe.db.rollback()
		frappe.db.value_cache.pop("Hall Settings", None)

	def sheet(self, chain, steps, state: str, **values) -> str:
		"""A sheet with `chain` as its snapshot and `steps` as its trail, then put in `state`."""
		doc = frappe.get_doc(
			{
				"doctype": DT,
				"department": self.department,
				"first_responder_phone": "0539-1111222",
				"request_time": "2026-03-09 09:30:00",
				"request_channel": "来访",
				"applicant_unit": "某某商贸有限公司",
				"applicant_name": "李申请",
				"applicant_phone": "13900001111",
				"matter": "申请为三名新招职工补缴2024年度职工医保",
				"refusal_ground": "不符合法律、法规和规范性文件",
				"refusal_reason": "补缴年限超出政策允许范围，且金额 < 1000 & 无原始工资凭证",
				"legal_basis": "《某省职工基本医疗保险补缴办法》第五条",
				"alternative_suggestion": "可先办理当期参保，补缴部分凭劳动合同另行申请",
				**values,
			}
		)
		for level, label, approver, can_confirm in chain:
			doc.append(
				"levels", {"level": level, "label": label, "approver": approver, "can_confirm": can_confirm}
			)
		for level, label, action, approver, opinion, on_behalf_of, acted_at in steps:
			doc.append(
				"steps",
				{
					"level": level,
					"level_label": label,
					"action": action,
					"approver": approver,
					"opinion": opinion,
					"on_behalf_of": on_behalf_of,
					"acted_at": acted_at,
				},
			)
		doc.flags.hall_action = "test"
		doc.insert(ignore_permissions=True)
		docstatus = 0 if state in ("草稿", "审批中", "退回补充") else 1
		frappe.db.set_value(
			DT,
			doc.name,
			{"first_responder": self.clerk, "workflow_state": state, "docstatus": docstatus},
			update_modified=False,
		)
		return doc.name

	def refused_sheet(self) -> str:
		"""南阳: up the whole chain; the deputy's level is taken by a stand-in; the main leader confirms."""
		steps = [
			(1, "科室负责人", "提交审批", self.clerk, None, None, "2026-03-09 09:40:00"),
			(1, "科室负责人", "提级", self.head, "把握不准，提请分管领导审批", None, "2026-03-09 15:00:00"),
			# a hand-over to the stand-in is in the trail, but it is not an approval opinion
			(
				2,
				"分管领导",
				"代岗移交",
				self.stand_in,
				"钱分管不在岗（外出培训）",
				self.deputy,
				"2026-03-10 08:00:00",
			),
			(
				2,
				"分管领导",
				"提级",
				self.stand_in,
				"仍不能办，提请主要领导审定",
				self.deputy,
				"2026-03-10 10:00:00",
			),
			(
				3,
				"主要领导",
				"确认说不",
				self.leader,
				"确实不符合政策，同意说“不”",
				None,
				"2026-03-12 10:00:00",
			),
			(3, "主要领导", "记录答复", self.clerk, "已书面送达申请人", None, "2026-03-12 16:00:00"),
		]
		return self.sheet(
			NANYANG_CHAIN,
			steps,
			"已说不",
			outcome="Refused",
			decided_by=self.leader,
			decided_on="2026-03-12 10:00:00",
			decided_level_type="Main Leader",
			filed_with_business_office=1,
			remarks="申请人表示理解",
		)

	def solved_sheet(self) -> str:
		"""A two-level chain without a deputy; the main leader finds a way."""
		steps = [
			(1, "科室负责人", "提交审批", self.clerk, None, None, "2026-03-09 09:40:00"),
			(
				1,
				"科室负责人",
				"提级",
				self.head,
				"本级不能决定，提请主要领导审定",
				None,
				"2026-03-09 15:00:00",
			),
			(2, "主要领导", "能办", self.leader, "可以办理，5个工作日内办结", None, "2026-03-11 09:00:00"),
		]
		return self.sheet(
			SHORT_CHAIN,
			steps,
			"已办理",
			outcome="Solved",
			decided_by=self.leader,
			decided_on="2026-03-11 09:00:00",
			decided_level_type="Main Leader",
		)

	def render(self, name: str, print_format: str) -> str:
		return frappe.get_print(DT, name, print_format=print_format)

	def assertInOrder(self, html: str, *texts: str):
		positions = []
		for text in texts:
			self.assertIn(text, html)
			positions.append(html.index(text))
		self.assertEqual(positions, sorted(positions), f"not in this order: {texts}")

	def test_the_print_formats_are_standard_and_belong_to_the_sheet(self):
		for name in (APPROVAL_FORM, REGISTER_FORM, NOTICE_FORM):
			pf = frappe.get_doc("Print Format", name)
			self.assertEqual(
				(pf.doc_type, pf.module, pf.standard, pf.custom_format, pf.print_format_type),
				(DT, "Insurance Hall", "Yes", 1, "Jinja"),
			)

	def test_approval_form_puts_each_opinion_in_its_row(self):
		html = self.render(self.refused_sheet(), APPROVAL_FORM)
		self.assertIn(f"{BUREAU}说“不”事项提级管理审批表", html)
		for text in (
			"打印测试科",
			"王首问",
			"某某商贸有限公司",
			"李申请",
			"13900001111",
			"2026年3月9日 09:30",
			"来访",
		):
			self.assertIn(text, html)
		self.assertIn("申请为三名新招职工补缴2024年度职工医保", html)
		# the reason with the ground, the basis and the 说“行” suggestion; user text is escaped
		self.assertIn("金额 &lt; 1000 &amp; 无原始工资凭证", html)
		self.assertNotIn("金额 < 1000", html)
		self.assertIn("不符合法律、法规和规范性文件", html)
		self.assertIn("《某省职工基本医疗保险补缴办法》第五条", html)
		self.assertIn("可先办理当期参保，补缴部分凭劳动合同另行申请", html)
		self.assertInOrder(
			html,
			"科室（单位）负责人审批意见",
			"把握不准，提请分管领导审批",
			"张科长",
			"分管领导审批意见",
			"仍不能办，提请主要领导审定",
			"赵代理（代钱分管）",
			"2026年3月10日",
			"主要领导审批意见",
			"确实不符合政策，同意说“不”",
			"【确认说不】",
			"孙局长",
			"备注",
			"申请人表示理解",
			f"已报{OFFICE}备案",
		)
		self.assertNotIn(NO_SUCH_LEVEL, html)
		# the clerk's submission, the hand-over to a stand-in and the answer are not approval opinions
		self.assertNotIn("【提交审批】", html)
		self.assertNotIn("代岗移交", html)
		self.assertNotIn("已书面送达申请人", html)

	def test_approval_form_marks_a_level_the_chain_does_not_have(self):
		html = self.render(self.solved_sheet(), APPROVAL_FORM)
		self.assertEqual(html.count(NO_SUCH_LEVEL), 1)
		self.assertInOrder(
			html,
			"科室（单位）负责人审批意见",
			"本级不能决定，提请主要领导审定",
			"分管领导审批意见",
			NO_SUCH_LEVEL,
			"主要领导审批意见",
			"可以办理，5个工作日内办结",
			"【能办】",
		)

	def test_register_form_lists_every_approval(self):
		html = self.render(self.refused_sheet(), REGISTER_FORM)
		self.assertIn(f"{BUREAU}否定报备登记表", html)
		for text in (
			"经办人员",
			"王首问",
			"0539-1111222",
			"服务对象",
			"某某商贸有限公司",
			"李申请",
			"13900001111",
			"申请为三名新招职工补缴2024年度职工医保",
			"不符合法律、法规和规范性文件",
			"金额 &lt; 1000 &amp; 无原始工资凭证",
			"《某省职工基本医疗保险补缴办法》第五条",
			"确认否定（不予办理）",
			"此表一式两份，一份交综合科备案，一份窗口留存",
		):
			self.assertIn(text, html)
		self.assertInOrder(
			html,
			"审批意见",
			"科室负责人",
			"张科长",
			"把握不准，提请分管领导审批",
			"分管领导",
			"赵代理（代钱分管）",
			"仍不能办，提请主要领导审定",
			"主要领导",
			"孙局长",
			"确实不符合政策，同意说“不”",
			"审批结果",
		)
		self.assertNotIn("【提交审批】", html)
		self.assertNotIn("代岗移交", html)

	def test_notice_of_refusal_is_addressed_to_the_applicant_with_a_receipt(self):
		html = self.render(self.refused_sheet(), NOTICE_FORM)
		self.assertIn("不予办理告知书", html)
		self.assertNotIn("事项办理告知书", html)
		self.assertInOrder(
			html,
			BUREAU,
			"某某商贸有限公司、李申请：",
			"申请为三名新招职工补缴2024年度职工医保",
			"该事项不予办理",
			"金额 &lt; 1000 &amp; 无原始工资凭证",
			"《某省职工基本医疗保险补缴办法》第五条",
			"说“行”建议",
			"可先办理当期参保，补缴部分凭劳动合同另行申请",
			"王首问",
			"0539-1111222",
			COMPLAINT_PHONE,
			"2026年3月12日",
			"回执",
			"申请人（签字）",
		)

	def test_notice_when_the_matter_can_be_done(self):
		html = self.render(self.solved_sheet(), NOTICE_FORM)
		self.assertIn("事项办理告知书", html)
		self.assertNotIn("不予办理", html)
		self.assertIn("该事项予以办理", html)
		self.assertIn("可以办理，5个工作日内办结", html)
		self.assertIn("2026年3月11日", html)

	def test_notice_of_a_sheet_still_under_approval(self):
		frappe.db.set_single_value("Print Settings", "allow_print_for_draft", 1)
		steps = [(1, "科室负责人", "提交审批", self.clerk, None, None, "2026-03-09 09:40:00")]
		html = self.render(self.sheet(NANYANG_CHAIN, steps, "审批中"), NOTICE_FORM)
		self.assertIn("说“不”事项书面告知书", html)
		self.assertIn("正在审批中", html)
		self.assertNotIn("不予办理告知书", html)

	def test_the_approval_form_prints_as_a_pdf_with_its_chinese_text(self):
		"""'Get PDF' works: wkhtmltopdf renders 附件1 and the Chinese (a CJK font) is in the PDF's text."""
		with AssetServer():  # the site as the web server serves it: wkhtmltopdf loads the print CSS
			pdf = frappe.get_print(DT, self.refused_sheet(), print_format=APPROVAL_FORM, as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"), pdf[:20])
		text = pdf_text(pdf)
		for expected in ("说“不”事项提级管理审批表", "张科长", "钱分管", "孙局长", "李申请"):
			self.assertIn(expected, text)


# the CJK font maps a few simplified characters to radical code points in its ToUnicode table, which
# NFKC does not fold (U+2E80 block): the text extracted from the PDF is read back through this table
RADICALS = str.maketrans("⻓⻅⻔⻢⻋⻬⻥⻄⻜⻚⻛⻩⻰⻮⻉⻘⻝⻣⻤", "长见门马车齐鱼西飞页风黄龙齿贝青食饣钅")


def pdf_text(pdf: bytes) -> str:
	"""The PDF's text with whitespace dropped (a table cell may wrap a name)."""
	import unicodedata
	from io import BytesIO

	from pypdf import PdfReader

	reader = PdfReader(BytesIO(pdf))
	text = "".join("".join((page.extract_text() or "").split()) for page in reader.pages)
	return unicodedata.normalize("NFKC", text).translate(RADICALS)
