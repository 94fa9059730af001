"""Memory stays flat: once warmed up, a compiled plugin's linear memory does
not grow with the number of streams, connections, callouts or ticks it has
served (design.md "Memory: regions tied to contexts")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pwc.testing import Emulator

pytestmark = pytest.mark.usefixtures("needs_compiler")

PLUGINS = Path(__file__).parent / "plugins"
WARM_UP = 300
# Enough rounds that leaking 32 bytes per round crosses a 64 KiB page.
ROUNDS = 2100


def grows(emulator: Emulator, round_: Callable[[], None]) -> tuple[int | None, int | None]:
    for _ in range(WARM_UP):
        round_()
    before = emulator.get_memory_size()
    for _ in range(ROUNDS):
        round_()
    return before, emulator.get_memory_size()


@pytest.mark.slow
def test_http_streams_with_callouts() -> None:
    emulator = Emulator(PLUGINS / "callouts.py", "wasm")
    assert emulator.start_plugin()

    def round_() -> None:
        stream = emulator.init_http_stream()
        emulator.call_on_request_headers(stream, [(":path", "/closure")], False)
        (call,) = emulator.get_pending_http_calls()
        token = call.token
        emulator.call_on_http_call_response(token, [(":status", "200")], b"ok")
        emulator.complete_http_stream(stream)

    before, after = grows(emulator, round_)
    assert before == after


@pytest.mark.slow
def test_callouts_from_ticks() -> None:
    emulator = Emulator(PLUGINS / "callouts.py", "wasm", b"twice")
    assert emulator.start_plugin()

    def round_() -> None:
        emulator.tick()
        for call in reversed(emulator.get_pending_http_calls()):
            emulator.call_on_http_call_response(call.token, [(":status", "200")])

    before, after = grows(emulator, round_)
    assert before == after


@pytest.mark.slow
def test_plugin_contexts_deleted_with_callouts_pending() -> None:
    """A plugin context deleted while its tick's callouts wait: they are
    dropped, and the tick's region they held is freed with them."""
    emulator = Emulator(PLUGINS / "callouts.py", "wasm", b"twice")

    def round_() -> None:
        root = emulator.add_plugin_context(b"twice")
        emulator.start_plugin(root)
        emulator.tick(root)
        emulator.finish_plugin(root)

    before, after = grows(emulator, round_)
    assert before is not None and after is not None
    # Each tick's region is a 64 KiB page, freed on deletion; the plugin
    # contexts themselves fill the VM region between two compactions.
    assert after - before <= 4 * 65536


@pytest.mark.slow
def test_tcp_connections() -> None:
    emulator = Emulator(PLUGINS / "tcp.py", "wasm")

    def round_() -> None:
        connection = emulator.init_tcp_stream()
        emulator.call_on_new_connection(connection)
        emulator.call_on_downstream_data(connection, b"wrap")
        emulator.complete_tcp_stream(connection)

    before, after = grows(emulator, round_)
    assert before == after


@pytest.mark.slow
def test_streams_the_plugin_passes_through() -> None:
    emulator = Emulator(PLUGINS / "roots.py", "wasm", b"service")
    assert emulator.start_plugin()

    def round_() -> None:
        stream = emulator.init_http_stream()
        emulator.call_on_request_headers(stream, [(":path", "/")], True)
        emulator.complete_http_stream(stream)

    before, after = grows(emulator, round_)
    assert before == after


@pytest.mark.slow
def test_a_header_reading_plugin_over_twenty_thousand_streams() -> None:
    """The benchmark's hdr plugin: JSON configuration, every request header read,
    strings built per request.  Twenty thousand streams after the warm-up: a
    leak of even 4 bytes a request would cross a 64 KiB page."""
    root = Path(__file__).resolve().parents[2]
    emulator = Emulator(root / "benchmarks" / "reference" / "hdr.py", "wasm",
                        plugin_configuration=b'{"header": "x-added", "value": "1"}')
    assert emulator.start_plugin()
    headers = [(":method", "GET"), (":path", "/items/7"), (":authority", "a.example"),
               ("user-agent", "curl/8"), ("x-request-id", "d2f1c0de")]

    def stream() -> None:
        context_id = emulator.init_http_stream()
        emulator.call_on_request_headers(context_id, headers, True)
        emulator.call_on_response_headers(context_id, [(":status", "200")], False)
        emulator.complete_http_stream(context_id)

    for _ in range(WARM_UP):
        stream()
    before = emulator.get_memory_size()
    for _ in range(20_000):
        stream()
    assert emulator.get_memory_size() == before
