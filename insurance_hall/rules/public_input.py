"""What a citizen types on a public page, checked the same way on every page: one phone rule, one name
rule, one text rule. A value that breaks a rule is refused with the reason in Chinese, never cut short or
cleaned up silently (a 10 KB name is refused, not booked as its first 40 characters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import unquote

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# a landline with its area code (0 + 2-3 digits) and a 7-8 digit number
LANDLINE = re.compile(r"^0[1-9]\d{1,2}\d{7,8}$")
NAME_LIMIT = 40
# invisible characters: a name of zero-width spaces is no name
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


def normalise_phone(raw: str | None) -> str | None:
	"""The phone number as one person: spaces, dashes, brackets, +86 and a leading 0086 do not make a
	new person. None when it is not a phone number (a mobile, or a landline with its area code).

	002 沂南: "申请人拨打医保服务电话：（0539-3225318）进行预约申请"
	"""
	if not raw:
		return None
	text = re.sub(r"[\s\-()（）.]", "", str(raw).strip())
	if text.startswith("+"):
		text = text[1:]
		if not text.startswith("86"):
			return None
		text = text[2:]
	elif text.startswith("0086"):
		text = text[4:]
	elif text.startswith("86") and len(text) == 13 and MOBILE.match(text[2:]):
		text = text[2:]
	if MOBILE.match(text) or LANDLINE.match(text):
		return text
	return None


def phone_error(raw: str | None) -> str | None:
	if not (raw or "").strip():
		return "请填写联系电话"
	if normalise_phone(raw) is None:
		return f"“{raw}”不是有效的电话号码：请填写11位手机号，或带区号的固定电话（如 0539-3225318）"
	return None


def text_error(value, label: str, limit: int, required: bool = False) -> str | None:
	"""A free text: required when asked, at most `limit` characters, no control or invisible characters."""
	if value is not None and not isinstance(value, str | int | float):
		return f"{label}格式不正确"
	text = str(value or "").strip()
	if not text:
		return f"请填写{label}" if required else None
	if len(text) > limit:
		return f"{label}不能超过{limit}个字"
	if INVISIBLE.search(text) or any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in text):
		return f"{label}含有无法显示的字符，请重新输入"
	return None


def name_error(value, label: str = "姓名", required: bool = True) -> str | None:
	"""A person's name: at most 40 characters, with at least one letter (汉字 or Latin), nothing invisible."""
	error = text_error(value, label, NAME_LIMIT, required)
	if error or not str(value or "").strip():
		return error
	if not any(ch.isalpha() for ch in str(value)):
		return f"{label}“{str(value).strip()}”无效，请填写真实姓名"
	return None


# ---------------------------------------------------------------- who is asking: the address the site trusts

# a reverse proxy on the same machine (the bench's nginx) is trusted by default: it sets X-Forwarded-For
LOOPBACK = ("127.0.0.1", "::1")


def _within(address: str, networks: tuple[str, ...] | list[str]) -> bool:
	import ipaddress

	try:
		ip = ipaddress.ip_address(address.strip())
	except ValueError:
		return False
	for network in networks:
		try:
			if ip in ipaddress.ip_network(str(network).strip(), strict=False):
				return True
		except ValueError:
			continue
	return False


def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple[str, ...] | list[str]) -> str:
	"""The citizen's address as the site may believe it. The peer of the connection, unless the peer is a
	proxy the site trusts (`trusted`: addresses or networks); then the nearest address in X-Forwarded-For
	that is not itself a trusted proxy. A client that sends its own X-Forwarded-For to a site it reaches
	directly is counted at its own address."""
	peer = (peer or "").strip() or "0.0.0.0"
	if not forwarded_for or not _within(peer, trusted):
		return peer
	hops = [hop.strip() for hop in str(forwarded_for).split(",") if hop.strip()]
	for hop in reversed(hops):
		if not _within(hop, trusted):
			return hop if _within(hop, ("0.0.0.0/0", "::/0")) else peer
	return hops[0] if hops and _within(hops[0], ("0.0.0.0/0", "::/0")) else peer


def limit_identity(value) -> str | None:
	"""What a per-person limit counts: a phone number as one person whatever its spelling, any other
	value (a reference, a rating link) as typed; None when there is nothing to count by."""
	if value in (None, ""):
		return None
	text = str(value).strip()[:200]
	return normalise_phone(text) or text or None


# ---------------------------------------------------------------- which requests are the hall's


def hall_request(path: str, doctype: object, doctypes: Callable[[], list[str]]) -> bool:
	"""Is the request one of the hall's: its methods (v1 and v2 API), a hall DocType's records, or one of
	Frappe's generic methods (`frappe.client.set_value`, …) called on a hall DocType."""
	parts = path.split("/")
	if path.startswith(("/api/method/insurance_hall.", "/api/v2/method/insurance_hall.")):
		return True
	if path.startswith(("/api/method/frappe.", "/api/v2/method/frappe.")) and isinstance(doctype, str):
		return doctype in doctypes()
	if path.startswith("/api/resource/") and len(parts) > 3:
		return unquote(parts[3]) in doctypes()
	if path.startswith("/api/v2/document/") and len(parts) > 4:
		return unquote(parts[4]) in doctypes()
	return False
