"""Telling a citizen (one mechanism for every form): an SMS through Frappe's SMS Settings (the gateway is
configuration; the demo points it at a loopback sink), sent by a background job once the action is
committed, and a line on the record's timeline saying what was sent, or why nothing was."""

from __future__ import annotations

import frappe

from insurance_hall.rules import citizen as c
from insurance_hall.services import records


def bureau() -> str:
	return frappe.db.get_single_value("Hall Settings", "bureau_name") or ""


def tell(doctype: str, name: str, phone: str | None, text: str, opted_out: bool = False) -> bool:
	"""Queue `text` for the citizen of the record; False (and a timeline line) when they cannot or asked
	not to be told."""
	reason = c.why_not(opted_out, phone)
	if reason:
		records.timeline(doctype, name, f"未发送短信通知：{reason}")
		return False
	frappe.enqueue(
		"insurance_hall.services.citizen.send",
		queue="short",
		enqueue_after_commit=True,
		doctype=doctype,
		name=name,
		mobile=c.mobile_of(phone),
		text=text,
	)
	return True


def send(doctype: str, name: str, mobile: str, text: str) -> None:
	"""The background job: the gateway of SMS Settings, then the line on the record's timeline."""
	masked = f"{mobile[:3]}****{mobile[-4:]}"
	if not frappe.db.get_single_value("SMS Settings", "sms_gateway_url"):
		records.timeline(doctype, name, f"短信未发送（未配置短信网关）：{text}")
	elif deliver(mobile, text):
		records.timeline(doctype, name, f"已短信通知（{masked}）：{text}")
	else:
		records.timeline(doctype, name, f"短信发送失败（{masked}）：{text}")
	frappe.db.commit()


def deliver(mobile: str, text: str) -> bool:
	"""One message through the gateway SMS Settings name, the way Frappe's send_via_gateway builds the
	request (its message and receiver parameters, its extra parameters and headers). Frappe's own
	send_sms also writes an SMS Log, a DocType only ERPNext ships, so on a Frappe-only site it would fail
	after sending: the request is made here, and the record's timeline is the log."""
	from frappe.core.doctype.sms_settings.sms_settings import get_headers, send_request

	settings = frappe.get_doc("SMS Settings")
	headers = get_headers(settings)
	params = {settings.message_parameter: text, settings.receiver_parameter: mobile}
	for row in settings.get("parameters"):
		if not row.header:
			params[row.parameter] = row.value
	try:
		status = send_request(
			settings.sms_gateway_url,
			params,
			headers,
			settings.use_post,
			headers.get("Content-Type") == "application/json",
		)
	except Exception:
		frappe.log_error(title=f"短信发送失败：{mobile[:3]}****{mobile[-4:]}")
		return False
	return 200 <= int(status or 0) < 300
