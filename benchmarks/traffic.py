"""The traffic every benchmark uses: one request shape, one response shape.

The header sets are what Envoy hands a plugin for `wrk`'s requests through
the benchmark's Envoy (pseudo-headers first, then the client's headers and
the ones Envoy adds), so emulator timings see maps of a realistic size.
"""

from __future__ import annotations

BENCH_PATH = "/bench"
DENY_PATH = "/deny"

# Sent by the load generators (wrk -H, the Python fallback) and the checks.
CLIENT_HEADERS: tuple[tuple[str, str], ...] = (
    ("user-agent", "pwc-bench/1"),
    ("accept", "*/*"),
)

REQUEST_HEADERS: tuple[tuple[str, str], ...] = (
    (":authority", "127.0.0.1:10000"),
    (":path", BENCH_PATH),
    (":method", "GET"),
    (":scheme", "http"),
    *CLIENT_HEADERS,
    ("x-forwarded-proto", "http"),
    ("x-request-id", "6f1c2a4e-0b7d-4c1e-9a55-2d3f8e7b1c90"),
)

RESPONSE_HEADERS: tuple[tuple[str, str], ...] = (
    (":status", "200"),
    ("content-length", "13"),
    ("content-type", "text/plain"),
    ("date", "Wed, 26 Nov 2025 03:00:00 GMT"),
    ("server", "envoy"),
    ("x-envoy-upstream-service-time", "0"),
)

RESPONSE_BODY = b"example body\n"  # the static-reply listener's body


def request_headers(path: str = BENCH_PATH) -> list[tuple[str, str]]:
    """REQUEST_HEADERS with `:path` set to `path`."""
    return [(key, path if key == ":path" else value) for key, value in REQUEST_HEADERS]
