"""Rules of the "吐槽找茬" complaint window, pure.

002 沂南 §十: "对于简单的或有成熟解决方案的问题，“吐槽找茬”窗口工作人员应当场提供服务或予以协调解决" and
"各窗口收到《……反映问题承办单》后……严格落实“窗口无否决权”机制，对于当天能解决的当天解决，比较复杂的3个工作日内解决。
因政策性原因不能达到诉求人要求的，要依法依规和政策要求做出合理解释，力求得到诉求人的理解。"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from insurance_hall.rules.clock import ClockStep, clock_step
from insurance_hall.rules.public_input import name_error, phone_error

# the 承办单's states
WAITING = "待接收"
HANDLING = "办理中"
DONE = "已办结"
RUNNING = (WAITING, HANDLING)

YES = "是"
NO = "否"
SATISFACTION = ("满意", "基本满意", "不满意")

# outcomes of a complaint, as the monthly report counts them
OPEN = "办理中"
ON_THE_SPOT = "当场解决"
IN_TIME = "按时解决"
LATE = "超期解决"
NOT_SOLVED = "未解决"
OUTCOMES = (ON_THE_SPOT, IN_TIME, LATE, NOT_SOLVED, OPEN)

# 附件3 is signed "经办人： 审核人： 分管领导：" in that order
SIGNERS: tuple[tuple[str, str], ...] = (
	("handler", "经办人"),
	("reviewer", "审核人"),
	("leader", "分管领导"),
)


@dataclass(frozen=True)
class Channel:
	"""A way a complaint reaches the hall, and what a complaint found true (查实) costs the staff's score.

	002 考评标准: "局长信箱、电话投诉、网上投诉受理后,每查实一次扣3分" and
	"电话、行风热线、12345市民电话、微信公众号、网上投诉每查实一次扣5分".
	"""

	label: str
	deduction: int
	public_page: bool = False


def closing_error(solved: str | None, policy_explanation: str | None, measures: str | None) -> str | None:
	"""Why a 承办单 cannot be closed as given, or None. The window has no veto (窗口无否决权): "not solved"
	stands only with the policy reason explained to the complainant."""
	if solved not in (YES, NO):
		return "请选择问题是否解决"
	if not (measures or "").strip():
		return "请填写办理单位解决问题措施"
	if solved == NO and not (policy_explanation or "").strip():
		return "问题未解决的，须写明政策性原因及向诉求人所作的解释（窗口无否决权）"
	return None


def spot_error(closed_on_spot: bool, measures: str | None) -> str | None:
	"""A complaint closed on the spot records what the complaint window did."""
	if closed_on_spot and not (measures or "").strip():
		return "当场解决的，请填写找茬窗口处理措施"
	return None


def outcome(closed_on_spot: bool, solved: str | None, done_on: date | None, due: date | None) -> str:
	"""Where a complaint stands for the monthly report."""
	if closed_on_spot:
		return ON_THE_SPOT
	if solved == NO:
		return NOT_SOLVED
	if solved == YES and done_on:
		return LATE if due and done_on > due else IN_TIME
	return OPEN


def next_signer(signed: Sequence[bool]) -> int | None:
	"""Index in SIGNERS of who signs next, None when all have signed."""
	for index, done in enumerate(signed):
		if not done:
			return index
	return None


def sign_error(
	role: str, signed: Sequence[bool], user: str, named: str | None, acting: str | None = None
) -> str | None:
	"""Why `user` may not sign as `role` now: the order is 经办人, 审核人, 分管领导, each the named person
	(or the stand-in acting for them today)."""
	codes = [code for code, _label in SIGNERS]
	if role not in codes:
		return f"未知的签字栏“{role}”"
	index = codes.index(role)
	label = SIGNERS[index][1]
	if signed[index]:
		return f"{label}已签字，不能重复签字"
	expected = next_signer(signed)
	if expected is not None and expected != index:
		return f"请按经办人、审核人、分管领导的顺序签字：现应由{SIGNERS[expected][1]}签字"
	if not named:
		return f"本表未指定{label}，请投诉处理员先指定"
	if user not in (named, acting):
		return f"您不是本表指定的{label}（{named}），不能代签"
	return None


def complaint_step(
	today: date, due: date | None, running: bool, reminded: bool, escalated: bool, has_leader: bool
) -> ClockStep:
	"""002 §十: "比较复杂的3个工作日内解决": remind the receiver on the last day, then escalate once to the
	leader in charge of the complaint window ("由医保服务中心分管领导直接负责")."""
	return clock_step(today, due, running, not running, reminded, escalated, has_leader)


def deduction_for(channels: Sequence[Channel], label: str | None) -> int:
	"""The points a complaint found true (查实) through `label` deducts from the staff's monthly score."""
	for channel in channels:
		if channel.label == label:
			return channel.deduction
	return 0


# ---------------------------------------------------------------- the public page

LIMITS = {"content": 2000, "complainant_name": 40, "complainant_contact": 40}


def public_complaint_errors(data: Mapping) -> list[str]:
	"""What is wrong with a complaint sent from the public page; [] when it may be registered."""
	errors: list[str] = []
	for key, label in PUBLIC_LABELS.items():
		value = data.get(key)
		if value is not None and not isinstance(value, str | int | float):
			errors.append(f"{label}格式不正确")
	if errors:
		return errors
	content = str(data.get("content") or "").strip()
	if len(content) < 5:
		errors.append("请写明您反映的问题（至少5个字）")
	for key, limit in LIMITS.items():
		if len(str(data.get(key) or "")) > limit:
			errors.append(f"{PUBLIC_LABELS[key]}不能超过{limit}个字")
	contact = str(data.get("complainant_contact") or "").strip()
	if contact and phone_error(contact):
		errors.append(phone_error(contact))
	name = name_error(data.get("complainant_name"), required=False)
	if name and "不能超过" not in name:
		errors.append(name)
	if not data.get("anonymous") and not contact:
		errors.append("实名反映请留下联系电话，以便反馈处理结果；不愿留下的请选择匿名")
	return errors


PUBLIC_LABELS = {"content": "反映的问题", "complainant_name": "姓名", "complainant_contact": "联系电话"}


def reopen_summary_error(reason: str | None, signed: Sequence[bool], leader_signed: bool) -> str | None:
	"""003 附件3 总结分析表 is signed by 经办人, 审核人 and 分管领导: what they signed is the record. A correction
	reopens it with a reason, which clears every signature (each signs again what it now says); once the
	分管领导 has signed, the summary is final."""
	if not any(signed):
		return "总结分析表还没有人签字，可以直接修改"
	if leader_signed:
		return "分管领导已签字，总结分析表已定稿，不能重新打开"
	if len((reason or "").strip()) < 2:
		return "重新打开须写明理由（已有的签字将被清除，须重新签字）"
	return None
