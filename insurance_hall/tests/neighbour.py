"""A neighbour's fingerprint: what another app on the same site (Frappe CRM, say) looks like from the inside.

`scripts/neighbour` takes it three times on one site (the neighbour alone, with insurance_hall installed
beside it, after insurance_hall was uninstalled) and compares: installing the hall must change nothing of
the neighbour's, and uninstalling it must leave the neighbour exactly as it was. Not named test_*.py, so
`bench run-tests` does not collect it.

	python -m insurance_hall.tests.neighbour prepare --site S            (run from the bench's sites/)
	python -m insurance_hall.tests.neighbour fingerprint --site S --app crm --out F.json
	python -m insurance_hall.tests.neighbour compare BEFORE.json AFTER.json

`fingerprint(app)` alone also runs under `bench --site S execute` (everything but the website pages, which
are rendered through Frappe's WSGI application and so need a process of their own).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

# the hall's own names, to tell its documented traces from a change to the neighbour
HALL_APP = "insurance_hall"
HALL_MODULE = "Insurance Hall"
# the user the neighbour's records are counted and its sidebar computed for
NEIGHBOUR_USER = "neighbour-sales@example.com"
NEIGHBOUR_ROLE = "Sales User"
# the website pages compared, with the language a browser in English sends
PAGES: tuple[str, ...] = ("/", "/crm", "/login", "/about")
PAGE_LANGUAGE = "en-US"
# what changes from one rendering of a page to the next whatever the apps installed
_VOLATILE = (
	re.compile(r'csrf_token\s*=\s*"[^"]*"'),
	re.compile(r'name="csrf_token" content="[^"]*"'),
	re.compile(r"\?ver=\d+"),
)


def prepare() -> str:
	"""Create the user the neighbour is looked at as (a CRM salesperson), if missing; returns its name."""
	import frappe

	if not frappe.db.exists("User", NEIGHBOUR_USER):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": NEIGHBOUR_USER,
				"first_name": "Neighbour",
				"send_welcome_email": 0,
				"user_type": "System User",
			}
		)
		user.insert(ignore_permissions=True)
		user.add_roles(NEIGHBOUR_ROLE)
	frappe.db.commit()
	return NEIGHBOUR_USER


def _labels(doctype: str, lang: str) -> dict[str, str]:
	"""The DocType's name and every field label as the desk shows them in LANG."""
	import frappe

	meta = frappe.get_meta(doctype)
	labels = {"": frappe._(doctype, lang=lang)}
	for field in meta.fields:
		if field.label:
			labels[field.fieldname] = frappe._(field.label, lang=lang, context=doctype)
	return labels


def _count(doctype: str) -> Any:
	"""`frappe.client.get_count` as the REST API answers it for the current user: through the
	whitelisted-method overrides of every installed app, as `frappe.handler.execute_cmd` resolves them."""
	import frappe

	cmd = "frappe.client.get_count"
	for hook in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])):
		cmd = hook
		break
	try:
		return frappe.call(frappe.get_attr(cmd), doctype=doctype)
	except Exception as error:
		frappe.db.rollback()
		frappe.clear_last_message()
		return f"error: {type(error).__name__}"
	finally:
		frappe.local.message_log = []


def _sidebar(user: str) -> list[list[str]]:
	"""The desk sidebar's workspaces for USER, in Frappe's order, each as [name, module]."""
	import frappe
	from frappe.desk.desktop import get_workspace_sidebar_items

	frappe.set_user(user)
	try:
		return [[page["name"], page.get("module") or ""] for page in get_workspace_sidebar_items()["pages"]]
	finally:
		frappe.set_user("Administrator")


def _hooks(doctypes: list[str]) -> dict[str, Any]:
	"""The hooks that reach the neighbour's DocTypes, and the global method overrides."""
	import frappe

	per_doctype = (
		"doc_events",
		"has_permission",
		"permission_query_conditions",
		"override_doctype_class",
		"doctype_js",
		"doctype_list_js",
		"standard_queries",
	)
	hooks: dict[str, Any] = {}
	for name in per_doctype:
		value = frappe.get_hooks(name, {})
		hooks[name] = {dt: value[dt] for dt in sorted(value) if dt in doctypes or dt == "*"}
	hooks["override_whitelisted_methods"] = dict(
		sorted(frappe.get_hooks("override_whitelisted_methods", {}).items())
	)
	return json.loads(json.dumps(hooks, default=str))


def fingerprint(app: str) -> dict[str, Any]:
	"""APP's labels (zh and en), record counts as a salesperson, sidebar order, hooks, customizations of
	its DocTypes, the site's roles and language: run inside a site context (bench execute)."""
	import frappe

	doctypes = frappe.get_all(
		"DocType",
		filters={"module": ["in", frappe.get_module_list(app)]},
		fields=["name", "issingle", "istable"],
		order_by="name",
	)
	names = [d.name for d in doctypes]
	user = prepare()
	records: dict[str, Any] = {}
	frappe.set_user(user)
	try:
		for doctype in doctypes:
			entry: dict[str, Any] = {"zh": _labels(doctype.name, "zh"), "en": _labels(doctype.name, "en")}
			if not doctype.issingle and not doctype.istable:
				entry["count"] = _count(doctype.name)
			records[doctype.name] = entry
	finally:
		frappe.set_user("Administrator")
	customized = {
		dt: {
			"custom_fields": frappe.db.count("Custom Field", {"dt": dt}),
			"property_setters": frappe.db.count("Property Setter", {"doc_type": dt}),
		}
		for dt in names
	}
	return {
		"app": app,
		"apps": frappe.get_installed_apps(),
		"language": frappe.db.get_single_value("System Settings", "language"),
		"doctypes": records,
		"workspaces": {"Administrator": _sidebar("Administrator"), NEIGHBOUR_USER: _sidebar(NEIGHBOUR_USER)},
		"hooks": _hooks(names),
		"customized": customized,
		"roles": sorted(frappe.get_all("Role", pluck="name")),
	}


def pages(site: str) -> dict[str, Any]:
	"""Status and body hash of each page in PAGES as Frappe's WSGI application serves it to a visitor
	whose browser asks for English (run from the bench's sites/ folder, outside any site context)."""
	from frappe.app import application
	from werkzeug.test import Client

	client = Client(application)
	result: dict[str, Any] = {}
	for path in PAGES:
		response = client.get(path, headers={"Host": site, "Accept-Language": PAGE_LANGUAGE})
		body = response.get_data(as_text=True)
		for pattern in _VOLATILE:
			body = pattern.sub("", body)
		result[path] = {
			"status": response.status_code,
			"sha256": hashlib.sha256(body.encode()).hexdigest(),
			"lang": (re.search(r'<html[^>]*\blang="([^"]*)"', body) or [None, ""])[1],
		}
	return result


def _hall_roles() -> set[str]:
	from insurance_hall.rules.roles import HALL_ROLES

	return set(HALL_ROLES)


def _workspace_differences(who: str, before: list, after: list, hall_installed: bool) -> list[str]:
	"""The sidebar of WHO: identical, but for the hall's own workspaces after every other one."""
	found: list[str] = []
	others = [name for name, module in after if not (hall_installed and module == HALL_MODULE)]
	if others != [name for name, _module in before]:
		found.append(f"{who} 的侧边栏工作区顺序变了：之前 {[n for n, _m in before]}，之后 {others}")
	hall = [i for i, (_name, module) in enumerate(after) if hall_installed and module == HALL_MODULE]
	if hall and who != "Administrator":
		found.append(f"{who} 的侧边栏出现了医保大厅的工作区：{[after[i][0] for i in hall]}")
	elif hall:
		neighbours = [i for i, (_name, module) in enumerate(after) if module != HALL_MODULE]
		if neighbours and min(hall) < max(neighbours):
			found.append(f"{who} 的侧边栏中，医保大厅的工作区排在了其他工作区之前：{[n for n, _m in after]}")
	return found


def _without_hall(overrides: Any) -> Any:
	"""The method overrides without insurance_hall's own entries."""
	if not isinstance(overrides, dict):
		return overrides
	kept = {}
	for method, targets in overrides.items():
		targets = [
			t
			for t in (targets if isinstance(targets, list) else [targets])
			if not str(t).startswith(HALL_APP)
		]
		if targets:
			kept[method] = targets
	return kept


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
	"""Every way AFTER differs from BEFORE, one Chinese line each. While insurance_hall is installed (it is
	in AFTER's apps), the documented traces are accepted: its own workspace in the Administrator's sidebar
	after the neighbour's, its own roles, and its `frappe.client.get_count` override (the neighbour's counts
	must stay the same); nothing else."""
	hall_installed = HALL_APP in after.get("apps", [])
	found: list[str] = []
	if before.get("language") != after.get("language"):
		found.append(f"站点语言（System Settings）变了：{before.get('language')} → {after.get('language')}")
	old_docs, new_docs = before.get("doctypes", {}), after.get("doctypes", {})
	for doctype in sorted(set(old_docs) | set(new_docs)):
		if doctype not in new_docs or doctype not in old_docs:
			found.append(f"DocType {doctype} {'不见了' if doctype not in new_docs else '是新出现的'}")
			continue
		old, new = old_docs[doctype], new_docs[doctype]
		for lang in ("zh", "en"):
			for field in sorted(set(old[lang]) | set(new[lang])):
				if old[lang].get(field) != new[lang].get(field):
					where = f"{doctype}.{field}" if field else doctype
					found.append(
						f"{where} 的{lang}标签变了：{old[lang].get(field)!r} → {new[lang].get(field)!r}"
					)
		if old.get("count") != new.get("count"):
			found.append(f"{doctype} 的记录数（get_count）变了：{old.get('count')!r} → {new.get('count')!r}")
	for who in sorted(set(before.get("workspaces", {})) | set(after.get("workspaces", {}))):
		found += _workspace_differences(
			who,
			before.get("workspaces", {}).get(who, []),
			after.get("workspaces", {}).get(who, []),
			hall_installed,
		)
	for name, value in before.get("hooks", {}).items():
		now = after.get("hooks", {}).get(name)
		if hall_installed and name == "override_whitelisted_methods":
			# documented: the hall's strict count, which hands every other DocType back to Frappe (the
			# neighbour's counts are compared above and must not change)
			now = _without_hall(now)
		if now != value:
			found.append(f"钩子 {name} 变了：{value!r} → {now!r}")
	if before.get("customized") != after.get("customized"):
		changed = {
			dt: (n, after.get("customized", {}).get(dt))
			for dt, n in before.get("customized", {}).items()
			if after.get("customized", {}).get(dt) != n
		}
		found.append(f"邻居 DocType 的自定义字段或属性设置变了：{changed}")
	# roles named "_Test …" are Frappe's test records, made by `run-tests`, not by an app
	extra = {
		r for r in set(after.get("roles", [])) - set(before.get("roles", [])) if not r.startswith("_Test ")
	}
	if hall_installed:
		extra -= _hall_roles()
	missing = set(before.get("roles", [])) - set(after.get("roles", []))
	if extra or missing:
		found.append(f"角色变了：多了 {sorted(extra)}，少了 {sorted(missing)}")
	for path in sorted(set(before.get("pages", {})) | set(after.get("pages", {}))):
		old_page, new_page = before.get("pages", {}).get(path), after.get("pages", {}).get(path)
		if old_page != new_page:
			found.append(f"网页 {path} 变了：{old_page} → {new_page}")
	return found


def main(argv: list[str] | None = None) -> int:
	"""The command line of scripts/neighbour (see the module's docstring)."""
	parser = argparse.ArgumentParser(description="邻居应用的指纹：安装医保大厅前后对比")
	commands = parser.add_subparsers(dest="command", required=True)
	prep = commands.add_parser("prepare")
	prep.add_argument("--site", required=True)
	take = commands.add_parser("fingerprint")
	take.add_argument("--site", required=True)
	take.add_argument("--app", default="crm")
	take.add_argument("--out", required=True)
	comp = commands.add_parser("compare")
	comp.add_argument("before")
	comp.add_argument("after")
	args = parser.parse_args(argv)

	if args.command == "compare":
		found = differences(
			json.loads(Path(args.before).read_text(encoding="utf-8")),
			json.loads(Path(args.after).read_text(encoding="utf-8")),
		)
		for line in found:
			print(f"  差异：{line}")
		return 1 if found else 0

	import frappe

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	try:
		if args.command == "prepare":
			prepare()
			return 0
		taken = fingerprint(args.app)
	finally:
		frappe.destroy()
	taken["pages"] = pages(args.site)
	Path(args.out).write_text(
		json.dumps(taken, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
	)
	return 0


if __name__ == "__main__":
	sys.exit(main())
