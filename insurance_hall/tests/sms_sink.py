"""A local SMS gateway sink: accepts every message Frappe's SMS Settings send on loopback and keeps it,
sending nothing anywhere.

The demo's SMS Settings point at it (`python -m insurance_hall.tests.sms_sink --port 2626 --dir sites/S/sms`:
one JSON line per message in messages.jsonl); the integration tests start it in a thread and check that a
citizen's message really leaves through the gateway. Parameters: `to` (the number) and `text`, by GET query
or POST form or JSON body, as a gateway configured in SMS Settings would receive them.
"""

from __future__ import annotations

import argparse
import http.server
import json
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse


def _handler(keep):
	class Handler(http.server.BaseHTTPRequestHandler):
		def log_message(self, *args) -> None:
			pass

		def answer(self, values: dict) -> None:
			keep({"to": values.get("to", ""), "text": values.get("text", ""), "at": time.time()})
			body = b'{"status": "ok"}'
			self.send_response(200)
			self.send_header("Content-Type", "application/json")
			self.send_header("Content-Length", str(len(body)))
			self.end_headers()
			self.wfile.write(body)

		def do_GET(self) -> None:
			query = parse_qs(urlparse(self.path).query)
			self.answer({k: v[0] for k, v in query.items()})

		def do_POST(self) -> None:
			raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
			if "json" in (self.headers.get("Content-Type") or ""):
				values = json.loads(raw or "{}")
			else:
				values = {k: v[0] for k, v in parse_qs(raw).items()}
			self.answer(values)

	return Handler


class SmsSink:
	"""In a thread, on a free loopback port: `with SmsSink() as sink: ... sink.messages`."""

	def __init__(self):
		self.messages: list[dict] = []
		self.lock = threading.Lock()

		def keep(message: dict) -> None:
			with self.lock:
				self.messages.append(message)

		self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(keep))
		self.server.daemon_threads = True

	@property
	def url(self) -> str:
		return f"http://127.0.0.1:{self.server.server_address[1]}/send"

	def __enter__(self) -> SmsSink:
		threading.Thread(target=self.server.serve_forever, daemon=True).start()
		return self

	def __exit__(self, *exc) -> None:
		self.server.shutdown()
		self.server.server_close()


class SmsGateway(SmsSink):
	"""The sink, with the site's SMS Settings pointed at it while the test runs and put back afterwards:
	`cls.sink = SmsGateway().__enter__()` in setUpClass, `cls.sink.__exit__()` in tearDownClass."""

	FIELDS = ("sms_gateway_url", "message_parameter", "receiver_parameter", "use_post")

	def __enter__(self) -> SmsGateway:
		import frappe

		super().__enter__()
		settings = frappe.get_single("SMS Settings")
		self.before = {key: settings.get(key) for key in self.FIELDS}
		settings.update(
			{
				"sms_gateway_url": self.url,
				"message_parameter": "text",
				"receiver_parameter": "to",
				"use_post": 1,
			}
		)
		settings.save(ignore_permissions=True)
		frappe.db.commit()
		return self

	def __exit__(self, *exc) -> None:
		import frappe

		frappe.db.rollback()
		for key, value in self.before.items():
			frappe.db.set_single_value("SMS Settings", key, value)
		frappe.db.commit()
		super().__exit__(*exc)


def main() -> None:
	parser = argparse.ArgumentParser(description="本机短信网关收信端：保存每条短信，不发往任何地方")
	parser.add_argument("--port", type=int, default=2626)
	parser.add_argument("--dir", default="sms")
	args = parser.parse_args()
	folder = Path(args.dir)
	folder.mkdir(parents=True, exist_ok=True)
	target = folder / "messages.jsonl"

	def keep(message: dict) -> None:
		with target.open("a", encoding="utf-8") as out:
			out.write(json.dumps(message, ensure_ascii=False) + "\n")

	server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), _handler(keep))
	server.serve_forever()


if __name__ == "__main__":
	main()
