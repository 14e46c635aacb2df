"""An email really leaves: the approver's notification, queued after the action commits, is sent by
Frappe's Email Queue to an SMTP server (a local sink on loopback), not only queued."""

from __future__ import annotations

import frappe

from insurance_hall.tests.refusal_world import RefusalWorld
from insurance_hall.tests.smtp_sink import SmtpSink
from insurance_hall.tests.utils import IntegrationTestCase, run_background_jobs, wait_until

ACCOUNT = "大厅邮件送达测试"


class TestEmailDelivery(IntegrationTestCase):
	def setUp(self):
		self.sink = SmtpSink().start()
		self.w = RefusalWorld("nanyang", department="邮件测试科", tag="em")
		# the sink is the only default outgoing account for this test
		self.others = frappe.get_all("Email Account", filters={"default_outgoing": 1}, pluck="name")
		for name in self.others:
			frappe.db.set_value("Email Account", name, "default_outgoing", 0)
		if frappe.db.exists("Email Account", ACCOUNT):
			frappe.delete_doc("Email Account", ACCOUNT, ignore_permissions=True, force=True)
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": ACCOUNT,
				"email_id": "hall-sink@example.com",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "127.0.0.1",
				"smtp_port": self.sink.port,
				"no_smtp_authentication": 1,
				"enable_incoming": 0,
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()

	def tearDown(self):
		self.sink.shutdown()
		self.sink.server_close()
		frappe.db.rollback()
		frappe.delete_doc("Email Account", ACCOUNT, ignore_permissions=True, force=True)
		for name in self.others:
			frappe.db.set_value("Email Account", name, "default_outgoing", 1)
		self.w.cleanup()

	def test_the_approvers_email_reaches_the_smtp_server(self):
		frappe.db.delete("Email Queue", {"reference_doctype": "Refusal Sheet"})
		frappe.db.commit()
		name = self.w.file()
		run_background_jobs("short")  # the job that renders and queues the email
		queued = wait_until(
			lambda: frappe.get_all(
				"Email Queue",
				filters={"reference_doctype": "Refusal Sheet", "reference_name": name},
				pluck="name",
			)
		)
		self.assertTrue(queued, "the email is queued")
		# Frappe's test runner mutes email and skips SMTP: this test is the one that really sends, and only
		# this message (other tests' queued mail is theirs, addressed to servers long gone)
		muted, testing = frappe.flags.mute_emails, frappe.flags.testing_email
		frappe.flags.mute_emails, frappe.flags.testing_email = False, True
		try:
			frappe.get_doc("Email Queue", queued[0]).send()
		finally:
			frappe.flags.mute_emails, frappe.flags.testing_email = muted, testing
		frappe.db.commit()
		arrived = [(to, msg) for to, msg in self.sink.messages if self.w.head in to]
		self.assertTrue(arrived, f"nothing reached the sink: {self.sink.messages}")
		message = arrived[0][1]
		self.assertIn("说“不”事项待您审批", str(message["Subject"]))
		body = message.get_body(preferencelist=("html", "plain")).get_content()
		self.assertIn(name, body)
		self.assertEqual(
			frappe.db.get_value("Email Queue", queued[0], "status"), "Sent", "the queue records it as sent"
		)
