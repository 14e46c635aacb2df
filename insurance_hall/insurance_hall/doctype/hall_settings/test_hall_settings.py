"""Install, county profiles applied and exported, settings thresholds: on a real site."""

from __future__ import annotations

import copy
import json

import frappe

from insurance_hall.rules.profile import ProfileError, load_profile, shipped_profiles
from insurance_hall.services.calendar import add_working_days, is_working_day
from insurance_hall.setup.permissions import HALL_ROLES
from insurance_hall.setup.profile import apply_profile, export_profile
from insurance_hall.tests.factories import apply_shipped_profile, make_hall_department
from insurance_hall.tests.utils import IntegrationTestCase


def _config_state() -> str:
	"""Everything a profile touches, with modification stamps: equal states mean nothing changed."""
	state = {
		"settings": sorted(frappe.db.get_singles_dict("Hall Settings").items()),
		"chains": frappe.get_all("Refusal Chain", fields=["name", "modified", "disabled"], order_by="name"),
		"calendars": frappe.get_all("Work Calendar", fields=["name", "modified"], order_by="name"),
		"custom_fields": frappe.get_all(
			"Custom Field", filters={"dt": ("like", "%")}, fields=["name", "modified"], order_by="name"
		),
		"property_setters": frappe.get_all(
			"Property Setter", fields=["name", "modified", "value"], order_by="name"
		),
		"roles": frappe.get_all("Role", pluck="name", order_by="name"),
	}
	return json.dumps(state, default=str, ensure_ascii=False)


class TestInstall(IntegrationTestCase):
	def test_roles_and_default_configuration_exist_after_install(self):
		for role in HALL_ROLES:
			self.assertTrue(frappe.db.exists("Role", role), role)
		self.assertTrue(frappe.db.exists("Work Calendar", "2026"))
		self.assertTrue(frappe.db.get_single_value("Hall Settings", "default_refusal_chain"))

	def test_the_site_calendar_counts_working_days(self):
		# 002 沂南: "其办结时限从收到申报材料，作出受理决定的次日起计算" — 国庆: Sep 30 + 3 = make-up Sat Oct 10
		self.assertEqual(str(add_working_days("2026-09-30", 3)), "2026-10-10")
		self.assertFalse(is_working_day("2026-10-01"))


class TestProfiles(IntegrationTestCase):
	def tearDown(self):
		frappe.db.rollback()
		apply_shipped_profile("default")
		frappe.db.commit()

	def test_each_seed_profile_applies(self):
		for key in shipped_profiles():
			with self.subTest(profile=key):
				profile = load_profile(key)
				apply_profile(profile)
				settings = frappe.get_single("Hall Settings")
				self.assertEqual(settings.profile_key, key)
				self.assertEqual(settings.bureau_name, profile["settings"]["bureau_name"])
				self.assertEqual(settings.no_show_limit, profile["settings"]["no_show_limit"])
				self.assertEqual(
					[r.label for r in settings.rating_levels], [r["label"] for r in profile["rating_scale"]]
				)
				chains = frappe.get_all("Refusal Chain", filters={"disabled": 0}, pluck="name")
				self.assertEqual(sorted(chains), sorted(c["chain_name"] for c in profile["refusal_chains"]))
				default = next(c for c in profile["refusal_chains"] if c["is_default"])
				self.assertEqual(settings.default_refusal_chain, default["chain_name"])
				levels = frappe.get_doc("Refusal Chain", default["chain_name"]).levels
				self.assertEqual([lv.approver for lv in levels], [lv["approver"] for lv in default["levels"]])

	def test_nanyang_four_level_chain_and_kaiyuan_four_level_scale(self):
		apply_shipped_profile("nanyang")
		chain = frappe.get_doc(
			"Refusal Chain", frappe.db.get_single_value("Hall Settings", "default_refusal_chain")
		)
		# 首问责任人 files; 科室负责人 → 局分管领导 → 局主要领导 approve; only the top confirms
		self.assertEqual([lv.can_confirm for lv in chain.levels], [0, 0, 1])
		apply_shipped_profile("kaiyuan")
		settings = frappe.get_single("Hall Settings")
		self.assertEqual([r.label for r in settings.rating_levels], ["很满意", "满意", "基本满意", "不满意"])
		self.assertEqual([r.is_bad for r in settings.rating_levels], [0, 0, 0, 1])
		self.assertEqual(settings.bad_rating_check_hours, 24)
		self.assertEqual(settings.bad_rating_fix_days, 15)

	def test_applying_twice_changes_nothing(self):
		apply_shipped_profile("yinan")
		frappe.db.commit()
		before = _config_state()
		changed = apply_shipped_profile("yinan")
		self.assertEqual(set(changed.values()), {0})
		self.assertEqual(_config_state(), before)

	def test_a_chain_still_used_by_a_department_is_disabled_not_deleted(self):
		apply_shipped_profile("yinan")
		make_hall_department("停用链测试科", refusal_chain="综合科经办")
		apply_shipped_profile("nanyang")
		self.assertEqual(frappe.db.get_value("Refusal Chain", "综合科经办", "disabled"), 1)
		self.assertFalse(frappe.db.exists("Refusal Chain", "局机关审批"))

	def test_a_broken_profile_changes_nothing(self):
		apply_shipped_profile("nanyang")
		frappe.db.commit()
		before = _config_state()
		broken = copy.deepcopy(load_profile("kaiyuan"))
		broken["settings"]["refusal_answer_days"] = -1
		broken["colour"] = "red"
		del broken["refusal_chains"][0]["levels"][0]["approver"]
		with self.assertRaises(ProfileError) as err:
			apply_profile(broken)
		message = str(err.exception)
		self.assertIn("settings.refusal_answer_days：不能小于 1", message)
		self.assertIn("colour：未知的配置项", message)
		self.assertIn("refusal_chains[0].levels第1行：审批人“None”无效", message)
		self.assertEqual(_config_state(), before)

	def test_a_custom_field_on_a_missing_doctype_or_field_changes_nothing(self):
		before = _config_state()
		broken = copy.deepcopy(load_profile("yinan"))
		broken["custom_fields"] = [
			{
				"dt": "Service Matter",
				"fieldname": "ok_field",
				"label": "好字段",
				"fieldtype": "Data",
				"insert_after": "matter_name",
			},
			{
				"dt": "Sales Invoice",
				"fieldname": "x",
				"label": "X",
				"fieldtype": "Data",
				"insert_after": "name",
			},
			{
				"dt": "Service Matter",
				"fieldname": "y",
				"label": "Y",
				"fieldtype": "Data",
				"insert_after": "no_such_field",
			},
		]
		with self.assertRaises(ProfileError) as err:
			apply_profile(broken)
		self.assertIn("custom_fields[1].dt：“Sales Invoice”不是本应用的单据类型", str(err.exception))
		self.assertIn(
			"custom_fields[2].insert_after：Service Matter 没有字段“no_such_field”", str(err.exception)
		)
		self.assertEqual(_config_state(), before)
		self.assertFalse(frappe.db.exists("Custom Field", "Service Matter-ok_field"))

	def test_export_apply_export_is_the_same_file(self):
		profile = copy.deepcopy(load_profile("kaiyuan"))
		profile["custom_fields"] = [
			{
				"dt": "Service Matter",
				"fieldname": "ih_online_channel",
				"label": "网上办理渠道",
				"fieldtype": "Select",
				"options": "辽事通\n国家医保APP\n邮政快递",
				"insert_after": "no_visit_needed",
			}
		]
		profile["property_setters"] = [
			{
				"doc_type": "Service Window",
				"field_name": "window_name",
				"property": "reqd",
				"value": "1",
				"property_type": "Check",
			}
		]
		apply_profile(profile)
		first = export_profile()
		self.assertEqual(first["custom_fields"][0]["fieldname"], "ih_online_channel")
		self.assertEqual(first["property_setters"][0]["property"], "reqd")
		self.assertEqual(first["settings"]["business_env_office"], profile["settings"]["business_env_office"])
		# a fresh site: drop what the profile made, apply the export, export again
		frappe.delete_doc("Custom Field", "Service Matter-ih_online_channel", ignore_permissions=True)
		for name in frappe.get_all("Property Setter", filters={"doc_type": "Service Window"}, pluck="name"):
			frappe.delete_doc("Property Setter", name, ignore_permissions=True)
		apply_shipped_profile("default")
		apply_profile(json.loads(json.dumps(first)))
		second = export_profile()
		self.assertEqual(
			json.dumps(second, ensure_ascii=False, indent=1), json.dumps(first, ensure_ascii=False, indent=1)
		)
		frappe.delete_doc("Custom Field", "Service Matter-ih_online_channel", ignore_permissions=True)
		for name in frappe.get_all("Property Setter", filters={"doc_type": "Service Window"}, pluck="name"):
			frappe.delete_doc("Property Setter", name, ignore_permissions=True)
		frappe.db.commit()


class TestSettingsValidation(IntegrationTestCase):
	def test_a_threshold_below_its_minimum_is_refused(self):
		settings = frappe.get_single("Hall Settings")
		settings.no_show_limit = 0
		with self.assertRaises(frappe.ValidationError) as err:
			settings.save(ignore_permissions=True)
		self.assertIn("不能小于 1", str(err.exception))
		frappe.db.rollback()
		self.assertNotEqual(frappe.db.get_single_value("Hall Settings", "no_show_limit"), 0)

	def test_a_rating_scale_without_a_bad_level_is_refused(self):
		settings = frappe.get_single("Hall Settings")
		for row in settings.rating_levels:
			row.is_bad = 0
		with self.assertRaises(frappe.ValidationError) as err:
			settings.save(ignore_permissions=True)
		self.assertIn("须既有好评等级又有差评等级", str(err.exception))
		frappe.db.rollback()
