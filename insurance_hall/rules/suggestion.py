"""意见建议 (pure): seed 002 (三)服务改进: "鼓励服务对象、工作人员提出服务改进的意见建议"; "通过局长信箱、留言簿，服务
电话等形式广泛征集服务对象意见建议，并定期征集窗口工作人员合理化意见建议"; "对群众诉求、工作人员意见建议，报领导研究
后，及时给予反馈"; "对工作人员提交的意见建议被采纳的按照工作人员考评制度相应加分" (考评标准: "服务改进的意见建议被采纳的
每次加3分"). Nothing here imports Frappe.
"""

from __future__ import annotations

from insurance_hall.rules.public_input import name_error, phone_error, text_error

CITIZEN = "服务对象"
STAFF = "工作人员"
PROPOSERS = (CITIZEN, STAFF)
ANONYMOUS = "匿名"
CONTENT_LIMIT = 1000
WAITING = "待答复"
ANSWERED = "已答复"


def filing_error(
	proposer_type: str | None, proposer: str | None, proposer_name: str | None, content: str | None
) -> str | None:
	"""A suggestion names who made it (a citizen by name, a worker by account) and what it proposes."""
	if proposer_type not in PROPOSERS:
		return f"请选择提出人类别：{'、'.join(PROPOSERS)}"
	if proposer_type == STAFF and not proposer:
		return "工作人员提出的意见建议请选择提出人（采纳后按考评制度加分）"
	if proposer_type == CITIZEN and not (proposer_name or "").strip():
		return "请填写提出意见建议的服务对象姓名（匿名请填“匿名”）"
	if not (content or "").strip():
		return "请填写意见建议的内容"
	return None


def proposer_error(filer: str, proposer_type: str | None, proposer: str | None, collects: bool) -> str | None:
	"""A worker's suggestion scores for its proposer, so a worker files one in their own name only; 综合科,
	the leaders and the admin collect the workers' suggestions ("定期征集窗口工作人员合理化意见建议") and file
	them for anyone."""
	if proposer_type == STAFF and proposer and proposer != filer and not collects:
		return "工作人员只能以本人名义提出意见建议；代他人登记请交综合科"
	return None


def answer_error(
	status: str | None, answer: str | None, user: str, proposer: str | None, is_leader: bool
) -> str | None:
	""" "报领导研究后，及时给予反馈": a leader answers, once, in writing, and never their own suggestion."""
	if not is_leader:
		return "意见建议须报领导研究后答复：只有分管领导或主要领导可以答复"
	if status != WAITING:
		return f"该意见建议{status or '已处理'}，不能再次答复"
	if proposer and proposer == user:
		return "不能答复自己提出的意见建议，请由其他领导研究答复"
	if not (answer or "").strip():
		return "请填写答复意见"
	return None


def scores(proposer_type: str | None, adopted: bool, county_scores_suggestions: bool) -> bool:
	""" "对工作人员提交的意见建议被采纳的按照工作人员考评制度相应加分": a worker's adopted suggestion, where the
	county's table scores suggestions."""
	return proposer_type == STAFF and adopted and county_scores_suggestions


def editor_error(user: str, filer: str | None, collects: bool) -> str | None:
	"""What was filed is its filer's to correct until the answer (a collector's too): another worker does not
	rewrite a colleague's or a citizen's suggestion."""
	if collects or user == filer:
		return None
	return "只能修改本人登记的意见建议；如需更正，请联系综合科"


def public_errors(name: object, phone: object, content: object) -> list[str]:
	""" "通过局长信箱、留言簿，服务电话等形式广泛征集服务对象意见建议": a citizen's suggestion on the public page,
	checked by the one public-input rule: the text required, a name and a phone optional (without a name it is
	filed as 匿名; without a phone nobody can tell them the answer)."""
	errors = [
		error
		for error in (
			text_error(content, "意见建议内容", CONTENT_LIMIT, required=True),
			name_error(name, "姓名", required=False),
			phone_error(phone) if str(phone or "").strip() else None,
		)
		if error
	]
	return errors
