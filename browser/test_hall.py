"""The hall as its users see it, in headless Chromium, on the demo county 沂南 (scripts/test builds the site).

Each test is one thing a person does and asserts what they see (text, address, state); each leaves a
screenshot named after it in the run folder.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

import pytest
from conftest import Session

WORKSPACE = "医保经办大厅"
CLERK = "clerk.zhou@example.com"
HEAD_ZONGHE = "head.zonghe@example.com"  # 刘科长: 综合科's head, the first level of the chain 综合科经办
LEADER = "leader@example.com"
RECORDS = "records@example.com"
ADMIN = "hall.admin@example.com"
STAFF = [
	(CLERK, "周敏"),
	("head.daiyu@example.com", "陈科长"),
	(LEADER, "王局长"),
	(RECORDS, "何文"),
	(ADMIN, "大厅管理员"),
]
CARDS = ["今日受理办件", "超期未办结办件", "审批中的说不事项", "待备案延时服务", "今日预约", "本月差评"]
# English a clerk must not meet on the hall's screens, and the relative time "3 m" turned into "3米"
ENGLISH = [
	"Search or type a command",
	"This form is not editable due to a Workflow",
	"Build",
	"No Data",
	"last edited this",
	"created this",
]
RELATIVE_TIME = re.compile(r"\b\d+\s?(m|h|d|w)\b|\d+\s?米")


def route_of(session: Session) -> str:
	return unquote(urlparse(session.page.url).path)


def visible_text(session: Session) -> str:
	return session.page.locator("body").inner_text()


def card_value(session: Session, label: str) -> int:
	"""The number a workspace card shows (waits until the count has arrived)."""
	card = session.page.locator(".number-widget-box", has_text=label)
	number = card.locator(".number")
	number.wait_for(state="visible")
	session.page.wait_for_function(
		"(el) => /\\d/.test(el.innerText)", arg=number.element_handle(), timeout=60_000
	)
	return int(re.sub(r"\D", "", number.inner_text()) or 0)


def sidebar_items(session: Session) -> list[str]:
	items = session.page.locator(".desk-sidebar .sidebar-item-label")
	items.first.wait_for(state="visible")
	return [t.strip() for t in items.all_inner_texts()]


# ---------------------------------------------------------------- 1. every staff member lands on the hall


@pytest.mark.parametrize(("user", "name"), STAFF, ids=[u.split("@")[0] for u, _ in STAFF])
def test_staff_lands_on_workspace(session_for, user: str, name: str) -> None:
	s = session_for(user)
	assert route_of(s) == f"/app/{WORKSPACE}", f"{user} landed on {route_of(s)}"
	title = s.page.locator(".page-head .title-text")
	assert title.inner_text().strip() == WORKSPACE
	for label in CARDS:
		assert card_value(s, label) >= 0, f"card {label}"
	assert "用户" != title.inner_text().strip()
	# the avatar carries the user's initial: the session is theirs
	assert s.page.evaluate("() => frappe.session.user") == user
	assert s.page.evaluate("() => frappe.user.full_name()") == name


# ---------------------------------------------------------------- 2. no English on the clerk's screens


def file_sheet(clerk: Session, department: str, matter: str) -> str:
	"""A refusal sheet filed and submitted by the clerk over REST, for the tests that need one waiting."""
	doc = clerk.insert(
		{
			"doctype": "Refusal Sheet",
			"department": department,
			"request_channel": "来访",
			"applicant_name": "赵大妈",
			"applicant_phone": "13905391111",
			"matter": matter,
			"refusal_ground": "不属于本机关职责范围",
			"refusal_reason": "该事项由县人社局办理",
			"legal_basis": "《社会保险法》第七条",
		}
	)
	clerk.call(
		"insurance_hall.api.refusal_sheet.act", name=doc["name"], action="提交审批", modified=doc["modified"]
	)
	return doc["name"]


def assert_no_english(session: Session, screen: str) -> None:
	text = visible_text(session)
	for english in ENGLISH:
		assert english not in text, f"{screen}: English “{english}” on the screen"
	found = RELATIVE_TIME.search(text)
	assert not found, f"{screen}: relative time “{found.group(0)}” not in Chinese"


def test_clerk_screens_are_chinese(session_for) -> None:
	s = session_for(CLERK)
	placeholder = s.page.locator("#navbar-search").get_attribute("placeholder") or ""
	assert placeholder.startswith("搜索或输入命令"), placeholder
	assert WORKSPACE in sidebar_items(s)
	assert "Build" not in sidebar_items(s)
	assert_no_english(s, "workspace")

	sheet = file_sheet(s, "综合科", "咨询异地就医备案的办理地点（浏览器测试·列表）")
	s.open("/app/refusal-sheet")
	s.page.locator(".list-row-container", has_text=sheet).wait_for(state="visible")
	row = s.page.locator(".list-row-container", has_text=sheet)
	assert "审批中" in row.inner_text()
	assert_no_english(s, "refusal sheet list")

	s.open("/app/hall-case")
	s.page.locator(".list-row-container").first.wait_for(state="visible")
	assert "张桂兰" in visible_text(s)
	assert_no_english(s, "case list")

	s.open(f"/app/refusal-sheet/{sheet}")
	# the sheet waits for its approver: the clerk is told in Chinese why it cannot be edited
	alert = s.page.locator("#alert-container .alert", has_text="审批流程")
	alert.wait_for(state="visible")
	assert "不能直接修改" in alert.inner_text()
	assert "审批中" in s.page.locator(".indicator-pill").first.inner_text()
	assert_no_english(s, "refusal sheet form")


# ---------------------------------------------------------------- 3. the clerk's forms


def field(session: Session, fieldname: str):
	return session.page.locator(f'.frappe-control[data-fieldname="{fieldname}"]').first


def fill_link(session: Session, fieldname: str, value: str) -> None:
	"""Type into a Link field and pick the value from its dropdown, as a person does."""
	box = field(session, fieldname).locator("input")
	box.click()
	box.fill(value)
	option = session.page.locator(".awesomplete ul[role=listbox] [role=option]", has_text=value).first
	option.wait_for(state="visible")
	option.click()
	session.page.wait_for_function(
		"([f, v]) => cur_frm && cur_frm.doc[f] === v", arg=[fieldname, value], timeout=30_000
	)


def save_form(session: Session) -> None:
	session.page.keyboard.press("Control+s")
	session.page.wait_for_function("() => cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()")
	session.wait_desk()


def workflow_action(session: Session, action: str) -> None:
	"""Click 操作 → the action (Frappe's workflow menu on the form's page head)."""
	menu = session.page.locator(".page-actions .actions-btn-group > button:visible")
	menu.click()
	session.page.locator(
		".page-actions .actions-btn-group .dropdown-menu .dropdown-item", has_text=action
	).click()


def wait_form(session: Session, doctype: str, name: str) -> None:
	"""The form of that record is drawn (Frappe keeps earlier pages in the DOM, hidden)."""
	session.page.wait_for_function(
		"([dt, n]) => window.cur_frm && cur_frm.doctype === dt && cur_frm.doc.name === n"
		" && $(cur_frm.page.wrapper).is(':visible') && !frappe.dom.freeze_count",
		arg=[doctype, name],
	)
	session.wait_desk()


def indicator(session: Session) -> str:
	return session.page.locator(".page-head .indicator-pill:visible").first.inner_text().strip()


def test_clerk_files_refusal_sheet_through_form(session_for) -> None:
	s = session_for(CLERK)
	s.open("/app/refusal-sheet/new")
	fill_link(s, "department", "综合科")
	field(s, "applicant_name").locator("input").fill("钱大爷")
	field(s, "applicant_phone").locator("input").fill("13905392222")
	field(s, "matter").locator("textarea").fill("要求为外省户籍人员办理本县城乡居民参保（浏览器测试）")
	field(s, "refusal_ground").locator("select").select_option("不属于本机关职责范围")
	field(s, "refusal_reason").locator("textarea").fill("申请人户籍和居住地均不在本县，不符合本县参保条件")
	field(s, "legal_basis").locator("textarea").fill("《山东省城乡居民基本医疗保险办法》第八条")
	save_form(s)
	name = s.page.evaluate("() => cur_frm.doc.name")
	assert name.startswith("SNB-"), name
	assert indicator(s) == "草稿"

	workflow_action(s, "提交审批")
	s.page.wait_for_function("() => cur_frm.doc.workflow_state === '审批中'")
	s.wait_desk()
	assert indicator(s) == "审批中"
	assert s.page.evaluate("() => cur_frm.doc.current_approver") == HEAD_ZONGHE
	assert "答复期限" in visible_text(s)


def test_clerk_registers_case_through_form(session_for) -> None:
	s = session_for(CLERK)
	s.open("/app/hall-case/new")
	field(s, "applicant_name").locator("input").fill("孙秀梅")
	field(s, "contact_phone").locator("input").fill("13805393333")
	fill_link(s, "service_matter", "城乡居民参保登记")
	# the matter's materials are listed to tick
	row = s.page.locator(
		'.frappe-control[data-fieldname="materials"] .grid-body .grid-row', has_text="居民身份证或户口簿"
	)
	row.wait_for(state="visible")
	# a grid row becomes editable when its cell is clicked; then the tick box is enabled
	row.locator('.grid-static-col[data-fieldname="received"]').click()
	row.locator('input[type=checkbox][data-fieldname="received"]:enabled').check()
	s.page.wait_for_function("() => cur_frm.doc.materials.every((m) => m.received)")
	s.page.locator(".page-actions button", has_text="登记并受理").click()
	s.page.wait_for_function("() => cur_frm && !cur_frm.is_new() && cur_frm.doc.status === '已受理'")
	s.wait_desk()
	assert route_of(s).startswith("/app/hall-case/")
	assert s.page.evaluate("() => cur_frm.doc.applicant_name") == "孙秀梅"
	assert field(s, "status").inner_text().find("已受理") >= 0
	assert s.page.evaluate("() => cur_frm.doc.handler") == CLERK


# ---------------------------------------------------------------- 4. the section head decides


def head_decides(session_for, phone: bool, action: str, opinion: str, state: str) -> None:
	clerk = session_for(CLERK, shot=False)
	sheet = file_sheet(clerk, "综合科", f"申请退还个人账户余额（浏览器测试·{action}）")

	s = session_for(HEAD_ZONGHE, phone=phone)
	# the sheet waits for them: counted on the workspace and on their to-do list
	assert card_value(s, "审批中的说不事项") >= 1
	todo = s.page.locator(".widget.quick-list-widget-box", has_text=f"说“不”事项待您审批：{sheet}")
	todo.wait_for(state="visible")
	# the bell carries the same message; its entry opens the sheet
	s.page.locator(".dropdown-notifications .nav-link, .navbar .notifications-icon").first.click()
	entry = s.page.locator(".notification-item", has_text=sheet).first
	entry.wait_for(state="visible")
	entry.click()
	s.page.wait_for_url(re.compile(f"/app/refusal-sheet/{sheet}$"))
	wait_form(s, "Refusal Sheet", sheet)
	assert indicator(s) == "审批中"
	# filed by someone else: the sidebar names them, in Chinese
	assert "周敏" in s.page.locator(".form-sidebar").inner_text()
	assert_no_english(s, "the head's refusal sheet")

	# from the document: 操作 → the action (two clicks), then the opinion the dialog asks for
	workflow_action(s, action)
	dialog = s.page.locator(".modal.show", has_text="审批意见")
	dialog.wait_for(state="visible")
	dialog.locator('[data-fieldname="opinion"] textarea').fill(opinion)
	dialog.locator(".btn-primary", has_text="确定").click()
	s.page.wait_for_function(f"() => cur_frm.doc.workflow_state === '{state}'")
	s.wait_desk()
	assert indicator(s) == state
	trail = field(s, "steps").inner_text()
	assert opinion in trail, trail


def test_head_decides_on_desktop(session_for) -> None:
	head_decides(session_for, False, "能办", "经核实可由本科室协调办理", "已办理")


def test_head_decides_on_phone(session_for) -> None:
	head_decides(session_for, True, "确认说不", "不属于医保部门职责，告知向人社部门申请", "已说不")


# ---------------------------------------------------------------- 5. the leader and 综合科


def test_leader_sees_workspace(session_for) -> None:
	s = session_for(LEADER)
	assert route_of(s) == f"/app/{WORKSPACE}"
	# the main leader sees every department: the demo's cases registered today are counted
	assert card_value(s, "今日受理办件") >= 1
	assert card_value(s, "办理中的投诉承办单") >= 0
	assert sidebar_items(s)[0] == WORKSPACE


def test_records_office_sees_delay_records_to_file(session_for) -> None:
	s = session_for(RECORDS)
	# the demo has a delay-service record confirmed by both and waiting to be filed (刘女士)
	assert card_value(s, "待备案延时服务") >= 1
	s.page.locator(".number-widget-box", has_text="待备案延时服务").locator(".number").click()
	s.page.wait_for_url(re.compile(r"/app/delay-service-record"))
	s.wait_desk()
	row = s.page.locator(".list-row-container", has_text="刘女士")
	row.wait_for(state="visible")
	assert "待备案" in row.inner_text()
	assert_no_english(s, "delay records to file")


# ---------------------------------------------------------------- 6. the hall admin's settings


def test_admin_opens_settings_and_profile_screens(session_for) -> None:
	s = session_for(ADMIN)
	s.open("/app/hall-settings")
	wait_form(s, "Hall Settings", "Hall Settings")
	assert s.page.locator(".page-head .title-text").inner_text().strip() == "医保经办大厅设置"
	assert field(s, "bureau_name").locator("input").input_value() == "沂南县医疗保障局"
	assert field(s, "booking_channels").locator("input, textarea").first.input_value() == "窗口,电话"

	# the county's refusal chains, as the profile set them
	s.open("/app/refusal-chain")
	for chain in ("局机关审批", "综合科经办"):
		s.page.locator(".list-row-container", has_text=chain).wait_for(state="visible")
	s.page.locator(".list-row-container", has_text="综合科经办").locator("a.ellipsis").first.click()
	wait_form(s, "Refusal Chain", "综合科经办")
	assert "综合科负责人" in field(s, "levels").inner_text()
