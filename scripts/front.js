// The hall's front door on a machine without nginx: what the bench's nginx does in production, in one small
// Node.js process with no dependencies (Node is there for Frappe already).
//
//   node scripts/front.js LISTEN_PORT WEB_PORT SOCKETIO_PORT
//
// /socket.io/ (polling and WebSocket upgrades) goes to the bench's socket.io server, everything else to
// gunicorn; the Host header is kept (it names the site), and the client's address is appended to
// X-Forwarded-For as nginx's $proxy_add_x_forwarded_for does (the hall trusts it from loopback only,
// hall_trusted_proxies). Frappe's browser client connects to socket.io on the page's own origin, so the
// bell, list refreshes and realtime messages reach the Desk exactly as behind nginx.
"use strict";
const http = require("http");
const net = require("net");

const [listen, web, socketio] = process.argv.slice(2, 5).map(Number);
if (!listen || !web || !socketio) {
	console.error("usage: node scripts/front.js LISTEN_PORT WEB_PORT SOCKETIO_PORT");
	process.exit(2);
}
const upstream = (url) => ((url || "").startsWith("/socket.io/") ? socketio : web);
const forwarded = (req) => {
	const peer = (req.socket.remoteAddress || "").replace(/^::ffff:/, "");
	const before = req.headers["x-forwarded-for"];
	return before ? `${before}, ${peer}` : peer;
};
const UNAVAILABLE = "<!doctype html><meta charset=utf-8><title>服务暂不可用</title><p>服务暂时不可用，请稍后再试。</p>";

// as the bench's nginx does for /socket.io: the Origin is the page's own (a same-origin GET carries none, and
// Frappe's socket.io server compares the Origin's host with the Host before it asks the site who the user is)
const headersFor = (req) => {
	const headers = { ...req.headers, "x-forwarded-for": forwarded(req), "x-forwarded-proto": "http" };
	if (upstream(req.url) === socketio) headers.origin = `http://${req.headers.host}`;
	return headers;
};

const server = http.createServer((req, res) => {
	const headers = headersFor(req);
	const up = http.request(
		{ host: "127.0.0.1", port: upstream(req.url), method: req.method, path: req.url, headers },
		(answer) => {
			res.writeHead(answer.statusCode, answer.rawHeaders);
			answer.pipe(res);
		}
	);
	up.on("error", () => {
		if (!res.headersSent) res.writeHead(502, { "content-type": "text/html; charset=utf-8" });
		res.end(UNAVAILABLE);
	});
	req.pipe(up);
});

// a WebSocket upgrade: the request head passed on as it came, then the two sockets joined
server.on("upgrade", (req, socket, head) => {
	const up = net.connect(upstream(req.url), "127.0.0.1", () => {
		const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
		for (const [name, value] of Object.entries(headersFor(req))) {
			for (const one of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${one}`);
		}
		up.write(lines.join("\r\n") + "\r\n\r\n");
		if (head && head.length) up.write(head);
		socket.pipe(up).pipe(socket);
	});
	up.on("error", () => socket.destroy());
	socket.on("error", () => up.destroy());
});

server.keepAliveTimeout = 65000;
const host = process.env.IH_FRONT_HOST || "127.0.0.1";
server.listen(listen, host, () => console.log(`front door on ${host}:${listen} -> web :${web}, socket.io :${socketio}`));
