"""ERPNext and HRMS cannot be installed here, so their names are data (tests/data/neighbour_names.json):
none of the hall's DocTypes, roles, workspaces or Workflow States may take one of them, and the hall's
translations may not rename one of their things on a shared site."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import ROOT

from insurance_hall.rules.roles import HALL_ROLES

APP = ROOT / "insurance_hall"
NAMES = json.loads((Path(__file__).parent / "data" / "neighbour_names.json").read_text(encoding="utf-8"))
NEIGHBOURS = ("erpnext", "hrms")
KINDS = ("doctypes", "roles", "workspaces")
# Translations without a context apply to every app's strings: none may name a neighbour's DocType (the hall's
# own "Holiday" carries its DocType context, Work Calendar Day; "Appointment" went with the Chinese labels).
REPORTED_GLOBAL_TRANSLATIONS: set[str] = set()


def _names(pattern: str) -> set[str]:
	return {json.loads(p.read_text(encoding="utf-8"))["name"] for p in sorted(APP.glob(pattern))}


def neighbour_names(*kinds: str) -> set[str]:
	"""Every ERPNext and HRMS name of the given kinds (all kinds when none is given)."""
	return {name for app in NEIGHBOURS for kind in (kinds or KINDS) for name in NAMES[app][kind]}


HALL = {
	"doctypes": _names("insurance_hall/doctype/*/*.json"),
	"roles": set(HALL_ROLES),
	"workspaces": _names("insurance_hall/workspace/*/*.json"),
	"workflow states": {
		state["name"]
		for state in json.loads((APP / "setup" / "workflow_states.json").read_text(encoding="utf-8"))
	},
}


def _global_translations() -> set[str]:
	rows = csv.reader((APP / "translations" / "zh.csv").open(encoding="utf-8"))
	return {row[0] for row in rows if row and (len(row) < 3 or not row[2])}


def test_the_lists_are_there():
	for app in NEIGHBOURS:
		assert NAMES[app]["doctypes"] and NAMES[app]["roles"] and NAMES[app]["workspaces"], app
	assert {"Sales Invoice", "Holiday List", "Department", "Employee", "Issue"} <= neighbour_names("doctypes")
	assert {"Salary Slip", "Leave Application"} <= set(NAMES["hrms"]["doctypes"])
	assert NAMES["source"]
	assert all(HALL.values()), HALL


@pytest.mark.parametrize("kind", sorted(HALL))
def test_no_hall_name_is_a_neighbour_name(kind):
	# a Workflow State is a record of a shared DocType: it must not take any neighbour's name either
	assert not HALL[kind] & neighbour_names(), f"{kind}: {sorted(HALL[kind] & neighbour_names())}"


def test_no_new_global_translation_of_a_neighbour_name():
	assert _global_translations() & neighbour_names() <= REPORTED_GLOBAL_TRANSLATIONS


def test_no_global_translation_of_a_neighbour_name():
	assert not _global_translations() & neighbour_names()
