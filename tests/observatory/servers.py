"""Local test servers on 127.0.0.1: an HTTP sink for webhooks and a minimal SMTP sink."""

from __future__ import annotations

import json
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@contextmanager
def http_sink() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.append({"path": self.path, "content_type": self.headers.get("Content-Type"),
                             "json": json.loads(body)})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def smtp_sink() -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Speaks just enough SMTP (RFC 5321) for smtplib.send_message; keeps each message."""
    received: list[dict[str, Any]] = []

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            def say(line: str) -> None:
                self.wfile.write((line + "\r\n").encode())

            say("220 localhost test SMTP")
            mail: dict[str, Any] = {"rcpt": []}
            while raw := self.rfile.readline():
                cmd = raw.decode("utf-8", "replace").rstrip("\r\n")
                verb = cmd[:4].upper()
                if verb in ("EHLO", "HELO"):
                    say("250 localhost")
                elif verb == "MAIL":
                    mail = {"from": cmd[10:], "rcpt": []}
                    say("250 OK")
                elif verb == "RCPT":
                    mail["rcpt"].append(cmd[8:])
                    say("250 OK")
                elif verb == "DATA":
                    say("354 end with .")
                    lines = []
                    while (line := self.rfile.readline().decode("utf-8", "replace")) not in (".\r\n", ".\n", ""):
                        lines.append(line)
                    mail["data"] = "".join(lines)
                    received.append(mail)
                    say("250 OK queued")
                elif verb == "QUIT":
                    say("221 bye")
                    return
                else:
                    say("250 OK")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield server.server_address[1], received
    finally:
        server.shutdown()
        server.server_close()
