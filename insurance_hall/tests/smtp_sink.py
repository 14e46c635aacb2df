"""A local SMTP sink: accepts every message on loopback and keeps it, sending nothing anywhere.

The demo's outgoing Email Account points at it, so a demo user sees the approver's email arrive
(`python -m insurance_hall.tests.smtp_sink --port 2525 --dir sites/mail`: one .eml file per message);
the integration tests start it in a thread and check that a queued notification is really sent.
"""

from __future__ import annotations

import argparse
import socketserver
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path


class _Handler(socketserver.StreamRequestHandler):
	def reply(self, line: str) -> None:
		self.wfile.write((line + "\r\n").encode())
		self.wfile.flush()

	def handle(self) -> None:
		self.reply("220 insurance-hall smtp sink")
		recipients: list[str] = []
		while True:
			raw = self.rfile.readline()
			if not raw:
				return
			command = raw.decode("utf-8", "replace").strip()
			verb = command[:4].upper()
			if verb == "EHLO":
				self.wfile.write(b"250-insurance-hall\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
			elif verb == "HELO":
				self.reply("250 insurance-hall")
			elif verb == "MAIL":
				recipients = []
				self.reply("250 OK")
			elif verb == "RCPT":
				recipients.append(command.split(":", 1)[1].strip().strip("<>").split(">")[0])
				self.reply("250 OK")
			elif verb == "DATA":
				self.reply("354 End data with <CR><LF>.<CR><LF>")
				self.server.keep(self.read_data(), recipients)  # type: ignore[attr-defined]
				self.reply("250 OK: queued")
			elif verb == "QUIT":
				self.reply("221 Bye")
				return
			else:  # RSET, NOOP and anything else
				self.reply("250 OK")

	def read_data(self) -> bytes:
		lines = []
		while True:
			line = self.rfile.readline()
			if not line or line in (b".\r\n", b".\n"):
				return b"".join(lines)
			lines.append(line[1:] if line.startswith(b"..") else line)


class SmtpSink(socketserver.ThreadingTCPServer):
	"""Bind to 127.0.0.1 only. `messages` holds what arrived; `folder`, if given, gets a .eml each."""

	allow_reuse_address = True
	daemon_threads = True

	def __init__(self, port: int = 0, folder: str | None = None):
		super().__init__(("127.0.0.1", port), _Handler)
		self.messages: list[tuple[list[str], EmailMessage]] = []
		self.folder = Path(folder) if folder else None
		if self.folder:
			self.folder.mkdir(parents=True, exist_ok=True)

	@property
	def port(self) -> int:
		return self.server_address[1]

	def keep(self, data: bytes, recipients: list[str]) -> None:
		self.messages.append((recipients, message_from_bytes(data, policy=policy.default)))
		if self.folder:
			(self.folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{len(self.messages)}.eml").write_bytes(data)

	def start(self) -> SmtpSink:
		threading.Thread(target=self.serve_forever, daemon=True).start()
		return self


def main() -> None:
	parser = argparse.ArgumentParser(description="本机 SMTP 收信端（仅 127.0.0.1，不外发）")
	parser.add_argument("--port", type=int, default=2525)
	parser.add_argument("--dir", default="mail")
	args = parser.parse_args()
	sink = SmtpSink(args.port, args.dir)
	print(f"SMTP 收信端：127.0.0.1:{sink.port}，邮件保存在 {args.dir}/", flush=True)
	sink.serve_forever()


if __name__ == "__main__":
	main()
