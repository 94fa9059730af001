"""HTTP callouts: requests a plugin sends to a cluster (abi.md §3.6).

The answer arrives later (after the current callback returned; in Envoy on
the plugin's root context) and runs the callback given to dispatch_http_call
in the dispatching context: from a stream callback, the callback acts on
that stream (resume it, send a local reply, read its headers while it is
paused).  If the stream has ended by then, the callback is not run.  Inside
the callback the response is readable with get_http_call_response_*; Envoy
synthesises one for timeouts (504) and connect failures (503), and a reset
gives num_headers 0.
"""

from typing import Callable  # noqa: UP035 (the pwc dialect's spelling)

from proxywasm import _abi, _host
from proxywasm._state import register_callout


def dispatch_http_call(
    cluster: str,
    headers: list[tuple[str, str]],
    body: bytes,
    trailers: list[tuple[str, str]],
    timeout_milliseconds: int,
    callback: Callable[[int, int, int], None],
) -> int:
    """Send a request to the Envoy cluster `cluster`; the callout's token.

    `headers` must hold `:method`, `:path` and `:authority` (Envoy answers
    BadArgumentError otherwise, or for an unknown cluster).  When the answer
    comes, `callback(num_headers, body_size, num_trailers)` runs.
    """
    token = _host.http_call(cluster, headers, body, trailers, timeout_milliseconds)
    register_callout(token, callback)
    return token


def get_http_call_response_headers() -> list[tuple[str, str]]:
    """The callout response's headers (`:status` included); in the callback only."""
    return _host.get_map(_abi.MAP_HTTP_CALL_RESPONSE_HEADERS)


def get_http_call_response_body(start: int, max_size: int) -> bytes:
    """Up to `max_size` bytes of the callout response's body from `start`."""
    return _host.get_buffer(_abi.BUFFER_HTTP_CALL_RESPONSE_BODY, start, max_size)


def get_http_call_response_trailers() -> list[tuple[str, str]]:
    """The callout response's trailers; in the callback only."""
    return _host.get_map(_abi.MAP_HTTP_CALL_RESPONSE_TRAILERS)
