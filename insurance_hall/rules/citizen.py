"""What the hall tells a citizen by SMS, and whether it may (pure).

001 沂南: "服务事项办结后，通知申请人现场领取或邮寄送达办理结果"; 002 沂南: "对群众反映的问题……及时反馈处理结果".
Each message starts with the bureau's name in 【】, as Chinese SMS gateways require a signature, names the
reference the citizen was given, and never carries more than the citizen already knows.
"""

from __future__ import annotations

from insurance_hall.rules.public_input import MOBILE, normalise_phone


def mobile_of(phone: str | None) -> str | None:
	"""The mobile number a message can reach; None for a landline or no number (an SMS cannot reach them)."""
	number = normalise_phone(phone)
	return number if number and MOBILE.match(number) else None


def why_not(opted_out: bool, phone: str | None) -> str | None:
	"""Why no message is sent: the citizen asked for none, or left no mobile number; None when one is."""
	if opted_out:
		return "申请人要求不接收短信通知"
	if not mobile_of(phone):
		return "未留手机号码，无法短信通知"
	return None


def signed(bureau: str | None, text: str) -> str:
	return f"【{bureau or '医保经办大厅'}】{text}"


def case_done_text(bureau: str | None, reference: str, matter: str | None, window: str | None) -> str:
	where = f"请到{window}领取结果" if window else "请按窗口告知的方式领取结果"
	return signed(bureau, f"您办理的{matter or '医保业务'}（编号{reference}）已办结，{where}。")


def rongque_due_text(bureau: str | None, reference: str, due: str, missing: list[str]) -> str:
	what = "、".join(missing) if missing else "承诺补交的材料"
	return signed(bureau, f"您的办件（编号{reference}）承诺于{due}前补交{what}，请按时补交。")


def booking_tomorrow_text(bureau: str | None, reference: str, day: str, slot: str, window: str | None) -> str:
	place = f"到{window}" if window else "到大厅"
	return signed(
		bureau,
		f"您已预约{day} {slot}{place}办理业务（预约编号{reference}），请按时前往；不能前往请提前取消。",
	)


def complaint_answered_text(bureau: str | None, reference: str, phone: str | None) -> str:
	call = f"，如有疑问请拨打{phone}" if phone else ""
	return signed(bureau, f"您反映的问题（编号{reference}）已办结，工作人员将向您反馈处理结果{call}。")


def suggestion_answered_text(bureau: str | None, reference: str, adopted: bool, phone: str | None) -> str:
	"""002 (三)服务改进: "对群众诉求、工作人员意见建议，报领导研究后，及时给予反馈"."""
	thanks = "已被采纳，感谢您的支持" if adopted else "领导已研究答复"
	call = f"，详情请拨打{phone}" if phone else ""
	return signed(bureau, f"您提出的意见建议（编号{reference}）{thanks}{call}。")
