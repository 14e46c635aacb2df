"""One guard for what only an action may change: the trail, the approval levels, a case's materials and
department once accepted, a delay record's content once signed.

Seed 002 延时服务登记表: the record is signed by the worker and the citizen ("承办人签字", "延时人签字"):
what they signed is what is filed. Seed 001 否定报备: the trail of approvals is the record the bureau keeps.
"""

from insurance_hall.rules.managed import MANAGED, Managed, changed, refusal_message

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
		names = {f["fieldname"] for f in meta["fields"]}
		tables = {f["fieldname"] for f in meta["fields"] if f["fieldtype"] == "Table"}
		assert set(spec.fields) <= names, doctype
		assert set(spec.tables) <= tables, doctype
		assert set(spec.frozen_once) | set(spec.frozen_once.values()) <= names, doctype


def test_the_refusal_names_what_cannot_be_changed():
	assert refusal_message(["办理记录"]) == "“办理记录”只能通过本表的办理操作改变，不能直接修改、添加或删除"
	assert changed(Managed(), {"x": 1}, {"x": 2}) == []


def test_who_made_a_return_visit_never_changes():
	visit = MANAGED["Delay Service Visit"]
	saved = {"record": "YS-1", "visited_by": "records@x", "opinion": "满意"}
	assert changed(visit, saved, {**saved, "visited_by": "other@x"}) == ["visited_by"]
	assert changed(visit, saved, {**saved, "opinion": "很满意"}) == []
