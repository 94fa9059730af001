"""Hostile input reaches the plugin intact and leaves no trace: a 1 MiB
header value, 10,000 headers, a 16 MiB body in chunks, names and values that
are not UTF-8, empty values, NUL bytes, a malformed configuration.  No trap,
no corruption (what the plugin read and wrote back is checked byte for byte),
no leak (wasm memory stays flat over many such requests).

Envoy refuses some of these inputs before a plugin sees them (NUL bytes,
names that are not tokens); tests/e2e/test_hostile_input.py shows what it
does, and the plugin's side is checked here."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from proxywasm import Action

from pwc.testing import Backend, Emulator
from tests.hostile_summary import summary

PLUGIN = Path(__file__).parent / "plugins" / "hostile.py"
MIB = 1 << 20


def text(data: bytes) -> str:
    """Header bytes as the emulator takes them (undecodable bytes round-trip)."""
    return data.decode("utf-8", "surrogateescape")


def transformed(body: bytes) -> bytes:
    return body.replace(b"a", b"@")


def started(backend: Backend, configuration: bytes = b"") -> Emulator:
    emulator = Emulator(PLUGIN, backend, configuration)
    assert emulator.start_plugin()
    return emulator


def exchange(
    emulator: Emulator,
    hostile: list[tuple[bytes, bytes]],
    *,
    echo: bool = False,
    chunks: list[bytes] | None = None,
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], bytes]:
    """One request through the plugin: (headers sent upstream, response
    headers, body sent upstream)."""
    stream = emulator.init_http_stream()
    request = [(":method", "POST"), (":path", "/")] + [(text(n), text(v)) for n, v in hostile]
    if echo:
        request.append(("x-echo", "yes"))
    body_chunks = chunks or []
    action = emulator.call_on_request_headers(stream, request, not body_chunks)
    assert action == Action.CONTINUE
    upstream = emulator.get_current_request_headers(stream)
    forwarded = b""
    for i, chunk in enumerate(body_chunks):
        last = i == len(body_chunks) - 1
        assert emulator.call_on_request_body(stream, chunk, last) == Action.CONTINUE
        forwarded += emulator.get_current_request_body(stream)
    emulator.call_on_response_headers(stream, [(":status", "200")], True)
    response = emulator.get_current_response_headers(stream)
    emulator.complete_http_stream(stream)
    assert emulator.get_error_logs() == []
    return upstream, response, forwarded


def test_a_one_mebibyte_header_value(emulator_backend: Backend) -> None:
    hostile = [(b"x-h-big", b"v" * MIB), (b"x-h-after", b"still here")]
    upstream, response, _ = exchange(started(emulator_backend), hostile, echo=True)
    assert ("x-hostile-headers", summary(hostile)) in response
    assert [(k, v) for k, v in response if k.startswith("x-h-")] == \
        [(text(n), text(v)) for n, v in hostile]
    assert ("x-h-big", "v" * MIB) in upstream


def test_ten_thousand_headers(emulator_backend: Backend) -> None:
    hostile = [(f"x-h-{i}".encode(), str(i * 7).encode()) for i in range(10_000)]
    upstream, response, _ = exchange(started(emulator_backend), hostile)
    assert ("x-hostile-headers", summary(hostile)) in response
    # Removed before going upstream (the plugin rebuilt the header map).
    assert not [k for k, _ in upstream if k.startswith("x-h-")]
    assert (":path", "/") in upstream
    assert ("x-hostile-headers", summary(hostile)) in upstream


def test_names_and_values_that_are_not_utf8_round_trip_unchanged(
    emulator_backend: Backend,
) -> None:
    hostile = [
        (b"x-h-latin1", b"caf\xe9"),               # not UTF-8
        (b"x-h-\xff\xfe", b"name not UTF-8"),
        (b"x-h-cut", b"\xe2\x82"),                  # a truncated sequence
        (b"x-h-surrogate", b"\xed\xa0\x80"),        # an encoded surrogate
        (b"x-h-utf8", "Grüße 🎉".encode()),
        (b"x-h-empty", b""),
        (b"x-h-nul", b"a\x00b\x00"),
        (b"x-h-\x00", b"\x00"),
        (b"x-h-controls", bytes(range(1, 32))),
    ]
    upstream, response, _ = exchange(started(emulator_backend), hostile, echo=True)
    expected = [(text(n), text(v)) for n, v in hostile]
    assert [(k, v) for k, v in response if k.startswith("x-h-")] == expected
    assert [(k, v) for k, v in upstream if k.startswith("x-h-")] == expected
    assert ("x-hostile-headers", summary(hostile)) in response


def sixteen_mib() -> list[bytes]:
    """16 MiB of random bytes (UTF-8 or not) in 256 chunks."""
    data = random.Random(7).randbytes(16 * MIB)
    return [data[i:i + 64 * 1024] for i in range(0, len(data), 64 * 1024)]


def test_a_sixteen_mebibyte_body_in_chunks(emulator_backend: Backend) -> None:
    chunks = sixteen_mib()
    _, response, forwarded = exchange(started(emulator_backend), [], chunks=chunks)
    assert ("x-body-seen", f"{16 * MIB} {len(chunks)}") in response
    assert forwarded == transformed(b"".join(chunks))


@pytest.mark.parametrize("configuration", [
    b'{"prefix": "x-',       # cut short
    b'["x-h-"]',             # not an object
    b'{"prefix": 3}',        # not a string
    b'\xff\xfe{}',           # not UTF-8
])
def test_a_malformed_configuration_stops_the_plugin_with_a_clear_log_line(
    emulator_backend: Backend, configuration: bytes
) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, configuration)
    assert not emulator.start_plugin()
    (line,) = emulator.get_error_logs()
    assert line.startswith("JsonError: ")
    # at the plugin's line that called proxywasm.json, not inside json.py
    step = "as_str" if configuration == b'{"prefix": 3}' else "parse"
    called = next(n for n, text in enumerate(PLUGIN.read_text().splitlines(), start=1)
                  if f"# json: {step}" in text)
    assert line.endswith(f" (hostile.py:{called} in on_plugin_start)")


@pytest.mark.slow
def test_hostile_requests_leave_memory_flat(needs_compiler: None) -> None:
    """After the first few, more hostile requests do not grow the memory."""
    emulator = started("wasm")
    hostile = [(b"x-h-big", b"\xff" * MIB)] + \
        [(f"x-h-{i}".encode(), b"\x00\xfe" * i) for i in range(1000)]
    chunks = [random.Random(i).randbytes(64 * 1024) for i in range(16)]

    def round_() -> None:
        exchange(emulator, hostile, echo=True, chunks=chunks)
        exchange(emulator, hostile, chunks=chunks)

    for _ in range(3):
        round_()
    before = emulator.get_memory_size()
    for _ in range(30):
        round_()
    assert emulator.get_memory_size() == before
