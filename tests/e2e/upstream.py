"""A local stand-in for httpbin.org: an HTTP server on 127.0.0.1 in a thread.

Every answer is JSON and echoes what the server received, so a test can see
what a plugin changed on the way upstream:

    {"method": "GET", "path": "/x?y=1", "headers": {"host": "...", ...}}

Header names are lower-cased; repeated headers are joined with ", ".
Routes modelled on httpbin:
    /status/<code>  answers with that status (100-599), echo body as above
    /uuid           adds "uuid": a fresh UUID4
    /headers        the same echo (httpbin's /headers shows the headers)
    anything else   200 with the echo
The server also keeps the last requests it received (`received()`).

Bounded: request bodies over MAX_BODY_BYTES (or the `max_body_bytes` given)
are refused with 413, idle
connections time out after SOCKET_TIMEOUT seconds, only the last
MAX_RECORDED requests are kept, and `stop()` shuts the thread down.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

MAX_BODY_BYTES = 1 << 20
MAX_RECORDED = 1000
SOCKET_TIMEOUT = 10.0
_STATUS_PATH = re.compile(r"^/status/(\d{3})/?$")


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]  # names lower-cased, in received order
    body: bytes

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers if k == wanted), None)

    def echo(self) -> dict[str, Any]:
        joined: dict[str, str] = {}
        for key, value in self.headers:
            joined[key] = f"{joined[key]}, {value}" if key in joined else value
        return {"method": self.method, "path": self.path, "headers": joined}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Several upstreams may start in parallel; a fresh port each time, so no reuse.
    allow_reuse_address = False

    def __init__(self, max_body_bytes: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.max_body_bytes = max_body_bytes
        self.recorded: deque[ReceivedRequest] = deque(maxlen=MAX_RECORDED)
        self.recorded_lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as Envoy's upstream pool expects
    timeout = SOCKET_TIMEOUT

    def do_GET(self) -> None:
        self._answer()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_GET

    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length > self.server.max_body_bytes:
            self._send(413, {"error": f"body over {self.server.max_body_bytes} bytes"},
                       close=True)
            return
        received = ReceivedRequest(
            method=self.command,
            path=self.path,
            headers=tuple((k.lower(), v) for k, v in self.headers.items()),
            body=self.rfile.read(length) if length else b"",
        )
        with self.server.recorded_lock:
            self.server.recorded.append(received)
        payload = received.echo()
        status = 200
        route = self.path.split("?", 1)[0]
        if (match := _STATUS_PATH.match(route)) is not None and 100 <= int(match[1]) <= 599:
            status = int(match[1])
        elif route == "/uuid":
            payload["uuid"] = str(uuid.uuid4())
        self._send(status, payload)

    def _send(self, status: int, payload: dict[str, Any], close: bool = False) -> None:
        body = json.dumps(payload, sort_keys=True).encode() + b"\n"
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        if close:
            self.send_header("connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests assert on `received()`, not on stderr noise."""


class EchoUpstream:
    """`with EchoUpstream() as upstream:` serves on 127.0.0.1:`upstream.port`."""

    def __init__(self, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self._server = _Server(max_body_bytes)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"echo-upstream-{self.port}",
            daemon=True,
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> EchoUpstream:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def received(self) -> list[ReceivedRequest]:
        """The requests received so far, oldest first (at most MAX_RECORDED)."""
        with self._server.recorded_lock:
            return list(self._server.recorded)

    def __enter__(self) -> EchoUpstream:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
