"""HTTP callouts as the host sees them (abi.md §3.6)."""

from __future__ import annotations

from dataclasses import dataclass

from pwc.testing.http_stream import HeaderMap


@dataclass(frozen=True)
class HttpCall:
    """A callout the plugin dispatched (`proxy_http_call`).

    `context_id` is the context it was dispatched from (the effective one:
    a stream, or a plugin context), `plugin_context_id` the root its answer
    goes to.  Header keys are as the plugin sent them.
    """

    token: int
    context_id: int
    plugin_context_id: int
    cluster: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    trailers: tuple[tuple[str, str], ...]
    timeout_milliseconds: int


@dataclass(frozen=True)
class CalloutResponse:
    """The answer being delivered: readable only during its callback."""

    headers: HeaderMap
    body: bytes
    trailers: HeaderMap
    # proxy_get_status: 0 / "" for an answer, 11 / "reset" for a failure.
    status: int = 0
    message: str = ""


# Envoy's synthesized answer to a callout that timed out (abi.md §3.6).
TIMEOUT_BODY = b"upstream request timeout"
TIMEOUT_HEADERS = [
    (":status", "504"),
    ("content-length", str(len(TIMEOUT_BODY))),
    ("content-type", "text/plain"),
]

# Headers Envoy requires in a callout request (`host` stands in for :authority).
REQUIRED_CALLOUT_HEADERS = ((b":method",), (b":path",), (b":authority", b"host"))
