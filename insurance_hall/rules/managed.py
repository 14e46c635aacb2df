"""What only a form's actions may change, as data: one declaration per form, one guard for all.

A form's *managed* fields and child tables (its trail above all) change only through an action of its
service (`services/records.py` marks the save); any other path (REST PUT, `frappe.client.*`, a child-row
insert, Data Import) that changes one is refused, whatever the field's read_only flag says. Some content
is free until a moment in the record's life and frozen from then on (a case's materials and department
once it is accepted; a delay record's content once the citizen has signed it: a signature binds what was
signed). Nothing here imports Frappe: records come in as plain dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# a case's course: status, holder, clock and its requests (set by the case's actions)
from insurance_hall.rules.case import MANAGED as CASE_FIELDS

# what Frappe writes on every row by itself: never compared
ROW_META = frozenset(
	{
		"name",
		"owner",
		"creation",
		"modified",
		"modified_by",
		"parent",
		"parentfield",
		"parenttype",
		"idx",
		"doctype",
		"docstatus",
	}
)


@dataclass(frozen=True)
class Managed:
	"""What only an action may change on one form.

	`fields` and `tables` change only through an action; `frozen_once` maps a field or table to the field
	that, once set on the saved record, freezes it too; `frozen_unless` freezes the whole record while the
	saved value of a field is outside the given values (a sheet sent for approval); `actions_only` says the
	record is changed only by actions at all ("change": created freely, then only by actions; "all":
	created by an action too). `message` is what the user is told ("{labels}" names the fields),
	`field_messages` a better one for a single field, `frozen_message` for a frozen record ("{state}")."""

	fields: tuple[str, ...] = ()
	tables: tuple[str, ...] = ()
	frozen_once: Mapping[str, str] = field(default_factory=dict)
	frozen_unless: tuple[str, frozenset[str]] | None = None
	actions_only: str = ""
	message: str = ""
	field_messages: Mapping[str, str] = field(default_factory=dict)
	frozen_message: str = ""
	blank_when_new: bool = False


DELAY_SIGNED = (
	"service_date",
	"window",
	"served_until",
	"extension_minutes",
	"adjusted_minutes",
	"adjust_reason",
	"service_matter",
	"matter_text",
	"citizen_name",
	"citizen_phone",
	"handling_result",
)

# a complaint's outcome, 查实 and signatures (附件1, 总结分析表)
COMPLAINT_OUTCOME = (
	"outcome",
	"satisfied",
	"closed_on",
	"found_true",
	"deduction",
	"found_true_by",
	"found_true_on",
	"handler_signed_at",
	"reviewer_signed_at",
	"leader_signed_at",
)

# what the 经办人 signed on the 总结分析表
COMPLAINT_SIGNED = (
	"visit_by",
	"visit_time",
	"visit_solved",
	"visit_satisfied",
	"supervision_measures",
	"summary_analysis",
	"summary_handler",
	"summary_reviewer",
	"summary_leader",
)

# a booking as booked, and its course
BOOKING_FIELDS = (
	"channel",
	"applicant_name",
	"contact_phone",
	"id_number",
	"booking_date",
	"slot_time",
	"window",
	"service_matter",
	"status",
	"receiver",
	"received_at",
	"on_duty",
	"handler",
	"handled_at",
	# set once by the daily reminder job (the day before), never by hand
	"reminder_sent",
)

ACTION = "只能通过本表的办理操作改变，不能直接修改、添加或删除"

MANAGED: dict[str, Managed] = {
	"Hall Case": Managed(
		fields=CASE_FIELDS,
		tables=("steps",),
		frozen_once={"materials": "accepted_on", "department": "accepted_on"},
		field_messages={"due_date": "办结期限由系统按工作日自动计算，不能手工修改；确需延长的，请申请延期"},
	),
	"Refusal Sheet": Managed(
		fields=("workflow_state", "docstatus"),
		tables=("steps", "levels"),
		frozen_unless=("workflow_state", frozenset({"草稿", "退回补充", ""})),
		field_messages={
			"workflow_state": "审批状态只能通过审批操作改变，不能直接修改",
			"docstatus": "审批状态只能通过审批操作改变，不能直接修改",
		},
		frozen_message="该事项处于“{state}”状态，不能修改",
	),
	"Hall Complaint": Managed(
		fields=COMPLAINT_OUTCOME,
		blank_when_new=True,
		frozen_once=dict.fromkeys(COMPLAINT_SIGNED, "handler_signed_at"),
		field_messages=dict.fromkeys(COMPLAINT_SIGNED, "总结分析表已签字，不能再修改"),
	),
	"Complaint Referral": Managed(
		actions_only="all",
		message="承办单只能通过“交办”“接收”“办结”操作办理，不能直接新建或修改",
	),
	"Hall Rating": Managed(
		actions_only="change",
		message="评价记录不能修改：核实、整改和回访请使用相应操作",
	),
	"Hall Booking": Managed(
		fields=BOOKING_FIELDS,
		frozen_unless=("status", frozenset({"已预约", "已办理", ""})),
		message="预约已受理，不能直接修改：{labels}。如需改约，请取消后重新预约",
		frozen_message="该预约为“{state}”，不能再修改；如需办理，请重新预约",
	),
	"Booking Bar": Managed(
		actions_only="all",
		message="预约限制由系统按爽约次数设置，须通过“解除限制”并写明理由解除",
	),
	"Work Calendar": Managed(
		fields=("national_confirmed", "confirmed_by", "confirmed_on"),
		message="请使用“确认国务院放假安排”按钮核对本年日历，不能直接修改核对信息",
	),
	# the month's evaluation: its course, trail and frozen sheets change only by its actions; once sent up
	# the chain nothing in it changes but by an action (a correction reopens it with a reason)
	"Hall Score Month": Managed(
		fields=(
			"status",
			"level",
			"waiting_for",
			"best_windows",
			"worst_windows",
			"sheets",
			"published_by",
			"published_on",
		),
		tables=("steps",),
		frozen_unless=("status", frozenset({"评定中", ""})),
		blank_when_new=True,
		message="月度考评的“{labels}”只能通过“提交”“同意”“退回”“公示”“重新打开”操作改变，不能直接修改",
		frozen_message="该月考评为“{state}”，不能直接修改；确需更正的，请由局办公室写明理由重新打开",
	),
	# a suggestion's answer is the leader's action; once answered, the suggestion stays as answered
	"Hall Suggestion": Managed(
		fields=("status", "answer", "adopted", "answered_by", "answered_on", "score_entry"),
		frozen_unless=("status", frozenset({"待答复", ""})),
		blank_when_new=True,
		message="意见建议的“{labels}”只能由领导通过“答复”填写，不能直接修改",
		frozen_message="该意见建议{state}，不能再修改",
	),
	# 应急处理: the reports, the arrival on the scene and the end are the incident's actions, each a trail line
	# with its time; an ended incident stays as it ended
	"Hall Incident": Managed(
		fields=("status", "arrived_at", "arrived_by", "closed_at", "closed_by"),
		tables=("reports", "steps"),
		frozen_unless=("status", frozenset({"处置中", ""})),
		blank_when_new=True,
		message="突发事件的“{labels}”只能通过“报告”“到场”“结束”操作登记，不能直接修改",
		frozen_message="该突发事件{state}，不能再修改",
	),
	# 问题整改: who owns a line, where it came from and its deadline are set when it is registered (every saved
	# line has its 发现日期, so that freezes them from the first save); the fix and
	# its verification (销号) are the owner's and the verifier's actions; a line sent for verification or
	# closed changes only by an action
	"Hall Rectification": Managed(
		fields=("status", "result", "completed_at", "verifier", "verified_by", "verified_at", "verify_note"),
		tables=("steps",),
		frozen_once=dict.fromkeys(
			("source", "source_doctype", "source_name", "responsible", "due_date", "found_on"), "found_on"
		),
		frozen_unless=("status", frozenset({"整改中", ""})),
		blank_when_new=True,
		message="整改问题的“{labels}”只能通过“完成整改”“验证销号”操作改变，不能直接修改",
		field_messages={"due_date": "完成时限登记后不能直接修改"},
		frozen_message="该问题{state}，不能直接修改",
	),
	# a queue ticket is made by taking a number and moved by the window's actions alone (services/queue.py)
	"Hall Queue Ticket": Managed(
		actions_only="all",
		message="排队号只能通过取号和窗口的叫号操作（叫下一位、重呼、过号、暂挂、转移、办结）产生和改变，不能直接新建或修改",
	),
	# a return visit is the visitor's own record: who visited, and which record, never change afterwards
	"Delay Service Visit": Managed(fields=("record", "visited_by", "window", "citizen_name")),
	"Delay Service Record": Managed(
		fields=("handler_confirmed", "handler_confirmed_at", "filed_by", "filed_on"),
		frozen_once={
			**dict.fromkeys(DELAY_SIGNED, "handler_confirmed_at"),
			# the citizen signs and ticks their satisfaction: what they signed stays as signed
			"citizen_confirmation": "citizen_confirmed_at",
			"citizen_signature": "citizen_confirmed_at",
			"satisfaction": "citizen_confirmed_at",
		},
	),
}


def _value(value: Any) -> str:
	return "" if value in (None, 0, "0", "") else str(value)


def _rows(rows: Any) -> list[tuple]:
	return [
		tuple(
			sorted(
				(k, _value(v)) for k, v in dict(row).items() if k not in ROW_META and not k.startswith("_")
			)
		)
		for row in rows or []
	]


def changed(spec: Managed, before: Mapping | None, after: Mapping) -> list[str]:
	"""The managed fields and tables `after` changes against the saved `before` (None: a new record, which
	may carry no managed table rows). Each name once, in declaration order."""
	if before is None:
		return [name for name in spec.tables if after.get(name)]
	guarded = list(spec.fields) + list(spec.tables)
	guarded += [
		name for name, trigger in spec.frozen_once.items() if before.get(trigger) and name not in guarded
	]
	found = []
	for name in guarded:
		old, new = before.get(name), after.get(name)
		if isinstance(old, list | tuple) or isinstance(new, list | tuple):
			if _rows(old) != _rows(new):
				found.append(name)
		elif _value(old) != _value(new):
			found.append(name)
	return found


def refusal_message(labels: list[str]) -> str:
	return f"“{'”“'.join(labels)}”{ACTION}"


def refusal(spec: Managed, before: Mapping | None, after: Mapping, label=str) -> str | None:
	"""What a save that is not an action is told, or None when it changes nothing an action owns.
	`label(fieldname)` gives the field's label as the user reads it."""
	if spec.actions_only == "all" or (spec.actions_only == "change" and before is not None):
		return spec.message
	if before is not None and spec.frozen_unless:
		state_field, open_states = spec.frozen_unless
		state = _value(before.get(state_field))
		if state not in open_states:
			return spec.frozen_message.format(state=state)
	names = changed(spec, before, after)
	if not names:
		return None
	if len(names) == 1 and names[0] in spec.field_messages:
		return spec.field_messages[names[0]]
	for name in names:
		if name in spec.field_messages and name != "docstatus":
			return spec.field_messages[name]
	labels = [label(name) for name in names]
	if spec.message:
		return spec.message.format(labels="、".join(labels))
	return refusal_message(labels)
