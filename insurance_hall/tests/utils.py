"""Test support shared by every integration test: the base class shim and a REST client.

v16 has `frappe.tests.IntegrationTestCase`; v15 has `frappe.tests.utils.FrappeTestCase`.
"""

from __future__ import annotations

import json
from threading import Thread
from typing import Any
from unittest.mock import patch
from urllib.parse import quote

import frappe

try:  # Frappe v16
	from frappe.tests import IntegrationTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as IntegrationTestCase

__all__ = [
	"AssetServer",
	"GuestClient",
	"IntegrationTestCase",
	"RestClient",
	"run_background_jobs",
	"wait_until",
]


def run_background_jobs(queue: str = "short") -> None:
	"""Run what is queued with a real RQ worker in burst mode, as `bench worker --burst` does."""
	import os
	import subprocess
	import sys

	sites = os.path.abspath(frappe.local.sites_path)
	result = subprocess.run(
		[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--burst", "--queue", queue],
		cwd=sites,
		capture_output=True,
		text=True,
		timeout=300,
	)
	if result.returncode != 0:
		raise AssertionError(f"background worker failed: {result.stderr[-2000:]}")


def wait_until(read, timeout: float = 20.0):
	"""Read committed data until `read()` gives something truthy (a job another worker of this bench,
	say a running demo's, may have taken); returns the last reading."""
	import time

	deadline = time.monotonic() + timeout
	while True:
		frappe.db.rollback()
		value = read()
		if value or time.monotonic() > deadline:
			return value
		time.sleep(0.25)


class Response:
	def __init__(self, status: int, body: bytes):
		self.status = status
		self.text = body.decode("utf-8", errors="replace")
		try:
			self.json: Any = json.loads(self.text)
		except ValueError:
			self.json = {}

	@property
	def message(self) -> str:
		"""What the user is told: the server messages and the exception text, joined."""
		parts = []
		for raw in json.loads(self.json.get("_server_messages") or "[]"):
			try:
				parts.append(json.loads(raw).get("message", ""))
			except (ValueError, AttributeError):
				parts.append(str(raw))
		parts.append(str(self.json.get("exception") or ""))
		return "\n".join(p for p in parts if p)


class RestClient:
	"""Calls /api on Frappe's real WSGI application as one user, logged in with a session as in the Desk.

	Each request runs in its own thread with its own database connection, as a real request would:
	it sees only committed data, and nothing it does is rolled back by the test. The session is a
	real login (POST /api/method/login), so the user's own language applies to every message.
	"""

	def __init__(self, user: str | None, password: str | None = None):
		"""`user` None: a visitor who has not logged in (Guest), as on the public pages."""
		from frappe.utils import get_test_client

		from insurance_hall.tests.factories import PASSWORD

		self.user = user or "Guest"
		self.site = frappe.local.site
		self.client = get_test_client(use_cookies=True)
		if user is None:
			return
		response = self._request("post", "/api/method/login", {"usr": user, "pwd": password or PASSWORD})
		if response.status != 200:
			raise AssertionError(f"login as {user} failed: {response.status} {response.text[:300]}")

	@classmethod
	def guest(cls) -> RestClient:
		"""A client that never logs in: the public pages' caller."""
		from frappe.utils import get_test_client

		client = cls.__new__(cls)
		client.user = "Guest"
		client.site = frappe.local.site
		client.client = get_test_client(use_cookies=True)
		return client

	def _request(self, method: str, path: str, data: dict | None = None) -> Response:
		result: dict[str, Response] = {}

		def run():
			with patch("frappe.app.get_site_name", return_value=self.site):
				kwargs: dict[str, Any] = {
					"headers": {"Accept": "application/json", **getattr(self, "extra_headers", {})}
				}
				if data is not None:
					kwargs["json"] = data
				if getattr(self, "peer", None):
					# the connection's peer address, as a citizen's phone or a proxy would be seen
					kwargs["environ_base"] = {"REMOTE_ADDR": self.peer}
				response = getattr(self.client, method)(path, **kwargs)
				result["r"] = Response(response.status_code, response.get_data())

		thread = Thread(target=run)
		thread.start()
		thread.join()
		return result["r"]

	@staticmethod
	def path(doctype: str, name: str | None = None) -> str:
		base = f"/api/resource/{quote(doctype)}"
		return f"{base}/{quote(str(name), safe='')}" if name is not None else base

	def get_list(self, doctype: str) -> Response:
		return self._request("get", self.path(doctype) + '?fields=["name"]&limit_page_length=5')

	def get(self, doctype: str, name: str) -> Response:
		return self._request("get", self.path(doctype, name))

	def insert(self, doctype: str, data: dict) -> Response:
		return self._request("post", self.path(doctype), data)

	def update(self, doctype: str, name: str, data: dict) -> Response:
		return self._request("put", self.path(doctype, name), data)

	def call_get(self, method: str, args: dict | None = None) -> Response:
		"""GET /api/method/<method>?args."""
		from urllib.parse import urlencode

		return self._request("get", f"/api/method/{method}?{urlencode(args or {})}")

	def call(self, method: str, data: dict | None = None) -> Response:
		"""POST /api/method/<method> with JSON arguments."""
		return self._request("post", f"/api/method/{method}", data or {})

	def delete(self, doctype: str, name: str) -> Response:
		return self._request("delete", self.path(doctype, name))


class AssetServer:
	"""The bench's `sites/` folder over HTTP on loopback, as the web server would serve /assets.

	wkhtmltopdf fetches the print stylesheet from the site's URL; a test site is not served, so a PDF
	test points the site's host_name here for its duration."""

	def __init__(self):
		import functools
		import http.server
		import os
		import socketserver

		class Quiet(http.server.SimpleHTTPRequestHandler):
			def log_message(self, *args) -> None:
				pass

		handler = functools.partial(Quiet, directory=os.path.abspath(frappe.local.sites_path))
		self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
		self.server.daemon_threads = True

	def __enter__(self) -> str:
		self.previous = frappe.local.conf.get("host_name")
		url = f"http://127.0.0.1:{self.server.server_address[1]}"
		frappe.local.conf.host_name = url
		Thread(target=self.server.serve_forever, daemon=True).start()
		return url

	def __exit__(self, *exc) -> None:
		frappe.local.conf.host_name = self.previous
		self.server.shutdown()
		self.server.server_close()


class GuestClient(RestClient):
	"""Calls /api as a visitor who is not logged in (the public pages), from a phone set to Chinese."""

	def __init__(self, language: str = "zh-CN,zh;q=0.9"):
		from frappe.utils import get_test_client

		self.user = "Guest"
		self.site = frappe.local.site
		self.client = get_test_client(use_cookies=True)
		self.extra_headers = {"Accept-Language": language}

	def page(self, path: str) -> Response:
		result: dict[str, Response] = {}

		def run():
			with patch("frappe.app.get_site_name", return_value=self.site):
				response = self.client.get(path, headers=self.extra_headers)
				result["r"] = Response(response.status_code, response.get_data())

		thread = Thread(target=run)
		thread.start()
		thread.join()
		return result["r"]
