"""Every DocType JSON: links resolve, Selects have options, permissions match the table, Chinese for all."""

import csv
import json
import re

import pytest
from conftest import ROOT

from insurance_hall.setup.permissions import IF_OWNER, PERMISSIONS

APP = ROOT / "insurance_hall"
DOCTYPE_FILES = sorted((APP / "insurance_hall" / "doctype").glob("*/*.json"))
DOCTYPES = {
	json.loads(p.read_text(encoding="utf-8"))["name"]: json.loads(p.read_text(encoding="utf-8"))
	for p in DOCTYPE_FILES
}
FRAPPE_DOCTYPES = {"User", "Role", "DocType", "Workflow State"}
# ERPNext and HRMS own these names (tests/data/neighbour_names.json); all must fit on one site
_NEIGHBOURS = json.loads((ROOT / "tests" / "data" / "neighbour_names.json").read_text(encoding="utf-8"))
ERPNEXT_NAMES = {name for app in ("erpnext", "hrms") for name in _NEIGHBOURS[app]["doctypes"]}
CJK = re.compile(r"[\u4e00-\u9fff]")
TRANSLATIONS = {
	row[0]: row[1] for row in csv.reader((APP / "translations" / "zh.csv").open(encoding="utf-8")) if row
}
LETTERS = {"read": "R", "create": "C", "write": "W", "delete": "D"}


def _fields():
	for name, meta in DOCTYPES.items():
		for field in meta["fields"]:
			yield name, field


def test_there_are_doctypes():
	assert {
		"Hall Settings",
		"Hall Department",
		"Service Window",
		"Service Matter",
		"Work Calendar",
		"Substitute Assignment",
		"Refusal Chain",
	} <= set(DOCTYPES)


def test_no_erpnext_names_and_one_module():
	assert not set(DOCTYPES) & ERPNEXT_NAMES
	assert {meta["module"] for meta in DOCTYPES.values()} == {"Insurance Hall"}


@pytest.mark.parametrize(
	"doctype,field", list(_fields()), ids=lambda v: v if isinstance(v, str) else v["fieldname"]
)
def test_field_is_well_formed(doctype, field):
	kind = field["fieldtype"]
	if kind == "Link":
		assert field.get("options") in set(DOCTYPES) | FRAPPE_DOCTYPES, f"{doctype}.{field['fieldname']}"
	if kind in ("Table", "Table MultiSelect"):
		target = DOCTYPES.get(field.get("options"))
		assert target and target.get("istable"), f"{doctype}.{field['fieldname']} -> {field.get('options')}"
	if kind == "Select":
		options = [o for o in (field.get("options") or "").split("\n") if o]
		assert options, f"{doctype}.{field['fieldname']} has no options"
		for option in options:
			assert CJK.search(option) or option in TRANSLATIONS, f"option {option!r} has no Chinese"
	if field.get("label"):
		# written in Chinese in the DocType itself: Customize Form and the form builder show the raw label
		assert CJK.search(field["label"]), f"label {field['label']!r} of {doctype} is not Chinese"


def test_field_order_matches_fields():
	for name, meta in DOCTYPES.items():
		assert meta["field_order"] == [f["fieldname"] for f in meta["fields"]], name


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_doctype_name_has_chinese(doctype):
	assert doctype in TRANSLATIONS


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
def test_permissions_are_the_table(doctype):
	meta = DOCTYPES[doctype]
	if meta.get("istable"):
		assert not meta.get("permissions")
		return
	assert meta["permissions"], f"{doctype} has no permissions"
	actual = {
		perm["role"]: "".join(letter for key, letter in LETTERS.items() if perm.get(key))
		for perm in meta["permissions"]
		if not perm.get("permlevel")
	}
	assert actual == PERMISSIONS[doctype]
	owners_only = {perm["role"] for perm in meta["permissions"] if perm.get("if_owner")}
	assert owners_only == IF_OWNER.get(doctype, set())


def _messages():
	for path in sorted(APP.rglob("*.py")):
		text = path.read_text(encoding="utf-8")
		for match in re.finditer(r"""(?<![\w.])_\(\s*(["'])(.+?)\1""", text):
			yield path.relative_to(ROOT).as_posix(), match.group(2)


@pytest.mark.parametrize("path,message", list(_messages()))
def test_every_message_is_chinese(path, message):
	assert CJK.search(message) or message in TRANSLATIONS, f"{path}: {message!r}"


def test_translation_file_has_no_duplicates_or_blanks():
	rows = [row for row in csv.reader((APP / "translations" / "zh.csv").open(encoding="utf-8")) if row]
	# a source once per context (no context: the generic translation; a DocType: the hall's meaning there)
	sources = [(row[0], row[2] if len(row) > 2 else "") for row in rows]
	assert len(sources) == len(set(sources))
	assert all(len(row) >= 2 and CJK.search(row[1]) for row in rows)


def test_pure_layers_do_not_import_frappe():
	for folder in ("rules",):
		for path in (APP / folder).glob("*.py"):
			assert not re.search(
				r"^\s*(import frappe|from frappe)", path.read_text(encoding="utf-8"), re.M
			), path
	assert "frappe" not in (APP / "setup" / "permissions.py").read_text(encoding="utf-8").replace(
		"`import frappe`", ""
	)
