"""Minimal HTTP/1.1 client for the e2e tests (standard library only).

Each request uses a fresh connection so that a test never depends on Envoy's
connection reuse, and always has a timeout so that a hung plugin fails the
test instead of hanging it.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_TIMEOUT = 5.0


@dataclass(frozen=True)
class HttpResponse:
    status: int
    # In received order, names as sent by the server; duplicates kept.
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)

    def header_values(self, name: str) -> list[str]:
        wanted = name.lower()
        return [v for k, v in self.headers if k.lower() == wanted]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)


def request(
    port: int,
    path: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    host: str = "127.0.0.1",
    timeout: float = DEFAULT_TIMEOUT,
) -> HttpResponse:
    """Send one request to http://host:port/path and read the whole answer."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        answer = connection.getresponse()
        return HttpResponse(
            status=answer.status,
            headers=tuple(answer.getheaders()),
            body=answer.read(),
        )
    finally:
        connection.close()
