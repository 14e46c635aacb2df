"""Benchmark: one approval step of a refusal sheet against a plain save of the same sheet.

On a site with insurance_hall installed, files N sheets (committed), then for each sheet, in the same
run, times a plain `doc.save()` of it and one approval step (`提级`, escalate, through the service the
REST API calls: lock, checks, the Workflow's transition, the trail, routing, the ToDo, the in-app
notification and the queued email). Prints the medians and their ratio. Deletes what it made.
Not a test: nothing here asserts a time.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/insurance_hall/benchmarks/approval_step.py SITE [N]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import frappe

TAG = "bench-step"


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.environ.get("SITES_PATH", "."))
	frappe.connect()


def user(email: str, role: str) -> str:
	if not frappe.db.exists("User", email):
		doc = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		)
		doc.flags.no_welcome_mail = True
		doc.insert(ignore_permissions=True)
		doc.add_roles(role)
	return email


def world() -> dict[str, str]:
	from insurance_hall.tests.factories import apply_shipped_profile, make_outgoing_email_account

	apply_shipped_profile("nanyang")
	frappe.flags.in_test = True  # create the outgoing account without dialling its SMTP server
	make_outgoing_email_account()
	frappe.flags.in_test = False
	people = {
		"clerk": user(f"{TAG}.clerk@example.com", "窗口工作人员"),
		"head": user(f"{TAG}.head@example.com", "科室负责人"),
		"deputy": user(f"{TAG}.deputy@example.com", "分管领导"),
		"leader": user(f"{TAG}.leader@example.com", "主要领导"),
	}
	department = f"{TAG}-科室"
	if not frappe.db.exists("Hall Department", department):
		frappe.get_doc(
			{
				"doctype": "Hall Department",
				"department_name": department,
				"head": people["head"],
				"deputy_in_charge": people["deputy"],
			}
		).insert(ignore_permissions=True)
	frappe.db.set_single_value("Hall Settings", "main_leader", people["leader"])
	frappe.db.commit()
	people["department"] = department
	return people


def file_sheet(people: dict[str, str]) -> str:
	from insurance_hall.services.refusal import act

	frappe.set_user(people["clerk"])
	doc = frappe.get_doc(
		{
			"doctype": "Refusal Sheet",
			"department": people["department"],
			"request_time": frappe.utils.now_datetime(),
			"request_channel": "来访",
			"applicant_name": f"{TAG}-申请人",
			"applicant_phone": "13800000000",
			"matter": "基准测试事项",
			"refusal_ground": "其他不能办理的事项",
			"refusal_reason": "基准测试",
			"legal_basis": "基准测试",
		}
	).insert()
	act(doc.name, "提交审批", seen_modified=str(doc.modified))
	frappe.db.commit()
	return doc.name


def main() -> None:
	from insurance_hall.services.refusal import act

	site = sys.argv[1]
	n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
	connect(site)
	frappe.set_user("Administrator")
	people = world()
	names = [file_sheet(people) for _ in range(n)]
	saves, steps = [], []
	for name in names:
		frappe.set_user(people["head"])
		doc = frappe.get_doc("Refusal Sheet", name)
		doc.flags.hall_action = "benchmark"  # a plain save, without the sheet's guards
		t0 = time.perf_counter()
		doc.save(ignore_permissions=True)
		frappe.db.commit()
		saves.append(time.perf_counter() - t0)

		modified = str(frappe.db.get_value("Refusal Sheet", name, "modified"))
		t0 = time.perf_counter()
		act(name, "提级", opinion="基准测试：提请分管领导", seen_modified=modified)
		frappe.db.commit()
		steps.append(time.perf_counter() - t0)
	frappe.set_user("Administrator")
	save_ms, step_ms = statistics.median(saves) * 1000, statistics.median(steps) * 1000
	print(f"sheets: {n}")
	print(f"plain save:    {save_ms:.1f} ms (median)")
	print(f"approval step: {step_ms:.1f} ms (median)")
	print(f"approval step / plain save: {step_ms / save_ms:.2f}x")
	for name in names:
		for child in ("Refusal Sheet Step", "Refusal Sheet Level"):
			frappe.db.delete(child, {"parent": name})
		frappe.db.delete("ToDo", {"reference_name": name})
		frappe.db.delete("Notification Log", {"document_name": name})
		frappe.db.delete("Email Queue", {"reference_name": name})
		frappe.db.delete("Refusal Sheet", {"name": name})
	frappe.db.commit()
	frappe.destroy()


if __name__ == "__main__":
	main()
