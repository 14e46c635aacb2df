"""One guard for what only an action may change: the trail, the approval levels, a case's materials and
department once accepted, a delay record's content once signed.

Seed 002 延时服务登记表: the record is signed by the worker and the citizen ("承办人签字", "延时人签字"):
what they signed is what is filed. Seed 001 否定报备: the trail of approvals is the record the bureau keeps.
"""

from insurance_hall.rules.managed import MANAGED, Managed, changed, refusal, refusal_message

CASE = MANAGED["Hall Case"]
DELAY = MANAGED["Delay Service Record"]


def step(action: str, by: str = "clerk@x", **extra) -> dict:
	return {"action": action, "by_user": by, "name": "s1", "idx": 1, "modified": "now", **extra}


def test_a_new_case_cannot_carry_a_trail_line():
	assert changed(CASE, None, {"steps": [step("办结")]}) == ["steps"]
	assert changed(CASE, None, {"steps": [], "materials": [{"material": "身份证", "received": 1}]}) == []


def test_a_rewritten_or_appended_or_removed_trail_line_is_a_change():
	before = {"steps": [step("受理")], "accepted_on": "2026-12-01"}
	assert changed(CASE, before, {**before, "steps": [step("批准延期", by="leader@x")]}) == ["steps"]
	assert changed(CASE, before, {**before, "steps": [step("受理"), step("办结")]}) == ["steps"]
	assert changed(CASE, before, {**before, "steps": []}) == ["steps"]
	# the row's own bookkeeping (name, idx, modified) is not content
	assert (
		changed(CASE, before, {**before, "steps": [{**step("受理"), "name": "other", "modified": "later"}]})
		== []
	)


def test_materials_and_department_are_free_before_acceptance_and_frozen_after():
	draft = {"steps": [], "materials": [{"material": "身份证", "received": 1}], "department": "A"}
	assert (
		changed(
			CASE, draft, {**draft, "materials": [{"material": "身份证", "received": 0}], "department": "B"}
		)
		== []
	)
	accepted = {**draft, "accepted_on": "2026-12-01"}
	assert changed(CASE, accepted, {**accepted, "materials": [{"material": "身份证", "received": 0}]}) == [
		"materials"
	]
	assert changed(CASE, accepted, {**accepted, "department": "B"}) == ["department"]


def test_a_delay_record_is_frozen_by_each_signature():
	draft = {"citizen_name": "王", "handling_result": "办结", "satisfaction": "满意"}
	assert changed(DELAY, draft, {**draft, "citizen_name": "李"}) == []
	confirmed = {**draft, "handler_confirmed": 1, "handler_confirmed_at": "2026-12-01 17:40:00"}
	assert changed(DELAY, confirmed, {**confirmed, "citizen_name": "李"}) == ["citizen_name"]
	assert changed(DELAY, confirmed, {**confirmed, "satisfaction": "不满意"}) == []  # the citizen ticks it
	signed = {**confirmed, "citizen_confirmation": "屏幕签名", "citizen_confirmed_at": "2026-12-01 17:45:00"}
	assert changed(DELAY, signed, {**signed, "satisfaction": "不满意", "handling_result": "未办"}) == [
		"handling_result",
		"satisfaction",
	]
	assert changed(DELAY, confirmed, {**confirmed, "handler_confirmed": 0}) == ["handler_confirmed"]


def test_every_managed_form_declares_only_real_fields():
	import json
	from pathlib import Path

	root = Path(__file__).resolve().parents[1] / "insurance_hall" / "insurance_hall" / "doctype"
	for doctype, spec in MANAGED.items():
		meta = json.loads(
			(
				root / doctype.lower().replace(" ", "_") / f"{doctype.lower().replace(' ', '_')}.json"
			).read_text()
		)
		names = {f["fieldname"] for f in meta["fields"]} | {"docstatus"}
		tables = {f["fieldname"] for f in meta["fields"] if f["fieldtype"] == "Table"}
		assert set(spec.fields) <= names, doctype
		assert set(spec.tables) <= tables, doctype
		assert set(spec.frozen_once) | set(spec.frozen_once.values()) <= names, doctype
		assert set(spec.field_messages) <= names, doctype
		assert spec.frozen_unless is None or spec.frozen_unless[0] in names, doctype


def test_the_refusal_names_what_cannot_be_changed():
	assert refusal_message(["办理记录"]) == "“办理记录”只能通过本表的办理操作改变，不能直接修改、添加或删除"
	assert changed(Managed(), {"x": 1}, {"x": 2}) == []


def test_who_made_a_return_visit_never_changes():
	visit = MANAGED["Delay Service Visit"]
	saved = {"record": "YS-1", "visited_by": "records@x", "opinion": "满意"}
	assert changed(visit, saved, {**saved, "visited_by": "other@x"}) == ["visited_by"]
	assert changed(visit, saved, {**saved, "opinion": "很满意"}) == []


# ---------------------------------------------------------------- one declaration per form, one refusal

REFERRAL = MANAGED["Complaint Referral"]
RATING = MANAGED["Hall Rating"]
SHEET = MANAGED["Refusal Sheet"]
BOOKING = MANAGED["Hall Booking"]
COMPLAINT = MANAGED["Hall Complaint"]


def test_a_referral_is_made_and_changed_only_by_its_actions():
	"""Seed 003 附件2: the 承办单 is issued (交办), received and closed by the people named on it."""
	assert "交办" in refusal(REFERRAL, None, {"department": "A"})
	assert "交办" in refusal(REFERRAL, {"department": "A"}, {"department": "A"})


def test_a_rating_is_given_freely_and_never_edited():
	"""Seed 002 好差评: what the citizen said is the record."""
	assert refusal(RATING, None, {"level": "满意"}) is None
	assert "不能修改" in refusal(RATING, {"level": "不满意"}, {"level": "满意"})


def test_a_sheet_sent_for_approval_is_frozen_and_its_state_moves_only_by_approval():
	"""Seed 001 否定报备: what the approvers read is what they decided on."""
	draft = {"workflow_state": "草稿", "docstatus": 0, "matter": "甲", "steps": [], "levels": []}
	assert refusal(SHEET, draft, {**draft, "matter": "乙"}) is None
	assert refusal(SHEET, draft, {**draft, "docstatus": 1}) == "审批状态只能通过审批操作改变，不能直接修改"
	assert (
		refusal(SHEET, draft, {**draft, "workflow_state": "已解决"})
		== "审批状态只能通过审批操作改变，不能直接修改"
	)
	pending = {**draft, "workflow_state": "审批中", "docstatus": 1}
	assert refusal(SHEET, pending, {**pending, "matter": "乙"}) == "该事项处于“审批中”状态，不能修改"


def test_a_booking_is_kept_as_booked_and_closed_once_cancelled():
	booked = {"status": "已预约", "slot_time": "09:00", "handling_result": ""}
	assert refusal(BOOKING, booked, {**booked, "handling_result": "已办"}) is None
	moved = refusal(BOOKING, booked, {**booked, "slot_time": "10:00"}, label=lambda f: "时段")
	assert moved == "预约已受理，不能直接修改：时段。如需改约，请取消后重新预约"
	cancelled = {**booked, "status": "已取消"}
	assert refusal(BOOKING, cancelled, {**cancelled, "handling_result": "x"}).startswith("该预约为“已取消”")


def test_a_complaint_outcome_comes_only_from_its_actions_and_a_signed_summary_stays_signed():
	"""Seed 003 总结分析表: 经办人、审核人、分管领导 sign what they read."""
	assert refusal(COMPLAINT, {"found_true": 0}, {"found_true": 1}, label=lambda f: "查实")
	signed = {"handler_signed_at": "2026-12-01 10:00:00", "summary_analysis": "原因"}
	assert (
		refusal(COMPLAINT, signed, {**signed, "summary_analysis": "改写"}) == "总结分析表已签字，不能再修改"
	)
	assert refusal(COMPLAINT, {"summary_analysis": "原因"}, {"summary_analysis": "改写"}) is None
