"""Fixtures of the browser layer: one headless Chromium, a fresh context per user, a screenshot per test.

`scripts/test` builds and serves the site (to run these against a demo you serve yourself:
`IH_BROWSER_URL=http://SITE:PORT python3 -m pytest browser`); these tests read:
  IH_BROWSER_URL    the served site, e.g. http://insurance-hall-browser.localhost:8010
  IH_BROWSER_SHOTS  the run folder the screenshots go to (created when missing)
  IH_CHROMIUM       the browser binary (default /usr/bin/chromium, else `chromium` on PATH)
Nothing here imports Frappe: the tests see the hall only as a user does, through the browser (and, to
prepare a record another test does not cover, through the whitelisted API from that user's Desk page).
The site's address is its own name on a local port: Chromium resolves every *.localhost to loopback.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

PASSWORD = "Demo@2026"
ADMIN_PASSWORD = "admin"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]
# generous: a first request to a cold gunicorn worker builds the boot of the Desk
TIMEOUT_MS = 60_000


def chromium_path() -> str | None:
	wanted = os.environ.get("IH_CHROMIUM")
	if wanted:
		return wanted
	if os.path.exists("/usr/bin/chromium"):
		return "/usr/bin/chromium"
	return shutil.which("chromium")


@pytest.fixture(scope="session")
def base_url() -> str:
	url = os.environ.get("IH_BROWSER_URL")
	if not url:
		pytest.skip("IH_BROWSER_URL is not set: scripts/test builds and serves the browser site")
	return url.rstrip("/")


SHOTS = Path(os.environ.get("IH_BROWSER_SHOTS") or f"/tmp/ih-browser-{time.strftime('%Y%m%d-%H%M%S')}")


@pytest.fixture(scope="session")
def shots_dir() -> Path:
	SHOTS.mkdir(parents=True, exist_ok=True)
	return SHOTS


@pytest.fixture(scope="session")
def browser() -> Iterator:
	executable = chromium_path()
	if not executable:
		pytest.skip("no Chromium (/usr/bin/chromium or chromium on PATH)")
	with playwright_api.sync_playwright() as p:
		chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
		yield chromium
		chromium.close()


class Session:
	"""One user's browser context: its pages, and its REST calls sharing the login cookie."""

	def __init__(self, browser, base_url: str, viewport: dict, shots: list | None) -> None:
		self.base_url = base_url
		self.context = browser.new_context(
			viewport=viewport,
			locale="zh-CN",
			is_mobile=viewport is PHONE,
			has_touch=viewport is PHONE,
		)
		self.context.set_default_timeout(TIMEOUT_MS)
		self.context.set_default_navigation_timeout(TIMEOUT_MS)
		self.page = self.context.new_page()
		if shots is not None:
			shots.append(self.page)
		self.user: str | None = None

	def goto(self, path: str) -> None:
		self.page.goto(self.base_url + path, wait_until="domcontentloaded")

	def login(self, user: str, password: str | None = None) -> None:
		"""Through the login page, as a person does; the Desk is ready when its route is drawn."""
		password = password or (ADMIN_PASSWORD if user == "Administrator" else PASSWORD)
		self.goto("/login")
		self.page.locator("#login_email").fill(user)
		self.page.locator("#login_password").fill(password)
		self.page.locator("form.form-login button.btn-login").click()
		self.page.wait_for_url(re.compile(r"/app(/|$)"))
		self.wait_desk()
		self.user = user

	def wait_desk(self) -> None:
		# the Desk's boot is done and no request is in flight
		self.page.wait_for_function(
			"() => window.frappe && frappe.boot && frappe.get_route && !frappe.dom.freeze_count"
		)
		self.page.wait_for_load_state("networkidle")

	def open(self, route: str) -> None:
		"""A Desk route (e.g. /app/refusal-sheet/new) opened as its own page load."""
		self.goto(route)
		self.wait_desk()

	def call(self, method: str, **kwargs):
		"""A whitelisted method as this user, from the open Desk page (its cookie and CSRF token)."""
		return self.page.evaluate("([method, args]) => frappe.xcall(method, args)", [method, kwargs])

	def get_list(self, doctype: str, filters: list, fields: list[str], limit: int = 20) -> list[dict]:
		return self.call(
			"frappe.client.get_list",
			doctype=doctype,
			filters=filters,
			fields=fields,
			limit_page_length=limit,
			order_by="creation desc",
		)

	def insert(self, doc: dict) -> dict:
		return self.call("frappe.client.insert", doc=doc)


@pytest.fixture
def session_for(browser, base_url: str, request, shots_dir: Path) -> Iterator[Callable[..., Session]]:
	"""`session_for(user, phone=False)`: a logged-in (or, user=None, anonymous) browser context. Every
	page the test opened is saved as <test name>[-n].png when the test ends, passed or failed."""
	pages: list = []
	sessions: list[Session] = []

	def make(user: str | None, phone: bool = False, shot: bool = True) -> Session:
		"""shot=False: a helper session (preparing a record) whose page is not saved."""
		session = Session(browser, base_url, PHONE if phone else DESKTOP, pages if shot else None)
		sessions.append(session)
		if user:
			session.login(user)
		return session

	yield make
	name = request.node.name.removeprefix("test_")
	for number, page in enumerate(pages):
		suffix = "" if number == 0 else f"-{number + 1}"
		try:
			page.screenshot(path=str(shots_dir / f"{name}{suffix}.png"), full_page=False)
		except Exception as error:  # a page that crashed still lets the others be saved
			print(f"screenshot of {name}{suffix} failed: {error}")
	for session in sessions:
		session.context.close()


def pytest_terminal_summary(terminalreporter) -> None:
	if SHOTS.is_dir():
		terminalreporter.write_line(f"screenshots: {SHOTS}")
