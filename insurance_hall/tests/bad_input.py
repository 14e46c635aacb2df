"""A helper for the bad-input tests: send a record through the REST API as the hall admin and
check it is refused with a Chinese message while nothing is saved."""

from __future__ import annotations

import re

import frappe

from insurance_hall.setup.permissions import HALL_ADMIN
from insurance_hall.tests.factories import make_user
from insurance_hall.tests.utils import RestClient

CJK = re.compile(r"[\u4e00-\u9fff]")


def admin_client() -> RestClient:
	return RestClient(make_user("hall.admin.test@example.com", HALL_ADMIN))


def assert_refused(case, client: RestClient, doctype: str, data: dict, expected: str) -> str:
	"""POST `data`; the request fails, the message names the problem in Chinese, no record appears."""
	before = frappe.db.count(doctype)
	child_counts = _child_counts(doctype)
	response = client.insert(doctype, data)
	case.assertGreaterEqual(response.status, 400, response.text[:500])
	case.assertIn(expected, response.message)
	case.assertTrue(CJK.search(response.message), response.message)
	case.assertEqual(frappe.db.count(doctype), before)
	case.assertEqual(_child_counts(doctype), child_counts)
	return response.message


def _child_counts(doctype: str) -> dict[str, int]:
	meta = frappe.get_meta(doctype)
	return {df.options: frappe.db.count(df.options) for df in meta.get_table_fields()}
