"""The host-side state of one HTTP stream: header maps, bodies, flow, replies.

Header maps behave as Envoy's (abi.md §3.4): keys are lower-cased on every
insert and lookup, duplicate keys are separate entries, `add` appends an
entry, `replace` keeps one entry (the first, with the new value), `remove`
drops every entry of the key.  Keys and values are bytes, as on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


def encode_text(text: str) -> bytes:
    """A str as the host sees it (undecodable bytes round-trip)."""
    return text.encode("utf-8", "surrogateescape")


def decode_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


class HeaderMap:
    """An ordered multimap of lower-cased byte keys to byte values."""

    def __init__(self, pairs: list[tuple[bytes, bytes]] | None = None) -> None:
        self.entries: list[tuple[bytes, bytes]] = []
        if pairs is not None:
            self.set_all(pairs)

    def set_all(self, pairs: list[tuple[bytes, bytes]]) -> None:
        self.entries = [(key.lower(), value) for key, value in pairs]

    def get(self, key: bytes) -> bytes | None:
        """The first value of `key`, or None."""
        key = key.lower()
        for k, v in self.entries:
            if k == key:
                return v
        return None

    def add(self, key: bytes, value: bytes) -> None:
        self.entries.append((key.lower(), value))

    def replace(self, key: bytes, value: bytes) -> None:
        key = key.lower()
        for i, (k, _) in enumerate(self.entries):
            if k == key:
                self.entries[i] = (k, value)
                self.entries = [e for j, e in enumerate(self.entries) if j <= i or e[0] != key]
                return
        self.entries.append((key, value))

    def remove(self, key: bytes) -> None:
        key = key.lower()
        self.entries = [(k, v) for k, v in self.entries if k != key]

    def byte_size(self) -> int:
        """Envoy's `byteSize`: the sum of key and value lengths."""
        return sum(len(k) + len(v) for k, v in self.entries)

    def as_text(self) -> list[tuple[str, str]]:
        return [(decode_text(k), decode_text(v)) for k, v in self.entries]


def text_pairs_to_bytes(pairs: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(encode_text(k), encode_text(v)) for k, v in pairs]


@dataclass(frozen=True)
class LocalResponse:
    """A reply the plugin sent with `proxy_send_local_response`.

    `headers` are the plugin's (keys lower-cased), without the `:status`,
    `content-length` and `content-type` entries Envoy adds; those appear in
    the stream's response headers.  `details` is the text the plugin passed
    (Envoy would report it as `response.code_details` with whitespace
    replaced by `_`).  `grpc_status` -1 means none.
    """

    status_code: int
    details: str
    body: bytes
    headers: tuple[tuple[str, str], ...]
    grpc_status: int

    def response_headers(self) -> list[tuple[bytes, bytes]]:
        """The response headers Envoy sends for this reply (abi.md §6.4)."""
        headers = [(b":status", str(self.status_code).encode())]
        headers += text_pairs_to_bytes(list(self.headers))
        headers = [(k.lower(), v) for k, v in headers]
        headers.append((b"content-length", str(len(self.body)).encode()))
        if self.body and not any(k == b"content-type" for k, _ in headers):
            headers.append((b"content-type", b"text/plain"))
        return headers


class Direction(Enum):
    REQUEST = "request"
    RESPONSE = "response"


@dataclass
class Flow:
    """Where one direction of a stream stands."""

    # The headers or trailers callback returned Pause and nobody resumed it.
    paused_at_headers: bool = False
    paused_at_trailers: bool = False
    # The body callback returned Pause: the next chunk is appended to `body`.
    buffering_body: bool = False
    # The plugin's headers callback has run (for the response: the response
    # has started, so a local reply can only replace it).
    headers_seen: bool = False
    end_of_stream: bool = False
    body: bytes = b""
    resume_requested: bool = False

    def paused(self) -> bool:
        return self.paused_at_headers or self.paused_at_trailers or self.buffering_body

    def resume(self) -> None:
        self.paused_at_headers = False
        self.paused_at_trailers = False
        self.buffering_body = False


@dataclass
class HttpStream:
    context_id: int
    plugin_context_id: int
    request_headers: HeaderMap = field(default_factory=HeaderMap)
    request_trailers: HeaderMap = field(default_factory=HeaderMap)
    response_headers: HeaderMap = field(default_factory=HeaderMap)
    response_trailers: HeaderMap = field(default_factory=HeaderMap)
    request: Flow = field(default_factory=Flow)
    response: Flow = field(default_factory=Flow)
    # The action the plugin last returned, or CONTINUE (0) after a resume.
    action: int = 0
    # The last local reply the client got, and the one queued by the callback
    # that is running (sent when it returns).
    local_response: LocalResponse | None = None
    pending_local_response: LocalResponse | None = None
    # A local reply answered the request: no further request or upstream
    # response callbacks arrive.
    answered_locally: bool = False
    reset: bool = False
    completed: bool = False
    # Properties a test seeded or the plugin set, for this stream only
    # (path segments -> value in Envoy's encoding).
    properties: dict[tuple[str, ...], bytes] = field(default_factory=dict)

    def flow(self, direction: Direction) -> Flow:
        return self.request if direction is Direction.REQUEST else self.response
