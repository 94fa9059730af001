"""Envoy's HTTP semantics as plugins observe them through the SDK (abi.md §3.2,
§6.2–§6.4), compiled and under CPython."""

from __future__ import annotations

from pathlib import Path

import pytest
from proxywasm import Action

from pwc.testing import Backend, Emulator, EmulatorError

PLUGINS = Path(__file__).parent / "plugins"


def test_request_headers_vanish_once_the_request_continued(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "availability.py", emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/p")], end_of_stream=True)
    emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=True)
    emulator.complete_http_stream(stream)
    assert emulator.get_info_logs() == [
        "path /p",
        "request headers gone: proxy_get_header_map_value: bad argument",
        "request header pairs: 0",
        "done /p",  # on_log reads them again...
        "read-only: BadArgumentError",  # ... but changes nothing
    ]


def test_plugin_configuration_is_only_readable_in_on_plugin_start(
    emulator_backend: Backend,
) -> None:
    emulator = Emulator(PLUGINS / "availability.py", emulator_backend, b"config")
    emulator.tick()
    assert emulator.get_info_logs() == [
        "NotFoundError: proxy_get_buffer_bytes: not found"
    ]


def test_a_local_reply_goes_through_the_response_callbacks(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "deny.py", emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":path", "/deny")], end_of_stream=True)
    assert action == Action.PAUSE
    assert emulator.get_info_logs() == [
        "reply queued",  # the reply is sent after the callback returns
        "response 403 4 False",
        "response body denied True",
    ]
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert (reply.status_code, reply.headers, reply.body) == (
        403, (("x-reason", "test"),), b"denied"
    )
    assert emulator.get_current_response_headers(stream) == [
        (":status", "403"),
        ("x-reason", "test"),
        ("content-length", "6"),
        ("content-type", "text/plain"),
    ]
    with pytest.raises(EmulatorError, match="local reply"):
        emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=True)


def test_other_requests_pass(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "deny.py", emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [(":path", "/ok")], True) == Action.CONTINUE
    assert emulator.get_sent_local_response(stream) is None


def test_a_paused_body_accumulates_and_can_be_rewritten(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "bodies.py", emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [], end_of_stream=False)
    assert emulator.call_on_request_body(stream, b"hello ", False) == Action.PAUSE
    assert emulator.call_on_request_body(stream, b"world", True) == Action.CONTINUE
    assert emulator.get_info_logs() == ["body 11 hello world"]
    assert emulator.get_current_request_body(stream) == b"<HELLO WORLD>"


def test_a_request_paused_in_its_headers_is_resumed_from_a_tick(
    emulator_backend: Backend,
) -> None:
    emulator = Emulator(PLUGINS / "postpone.py", emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.PAUSE
    with pytest.raises(EmulatorError, match="paused"):
        emulator.call_on_request_body(stream, b"early", True)
    emulator.tick()
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
    emulator.call_on_request_body(stream, b"later", True)
    assert emulator.get_info_logs() == [f"resumed {stream}", "body 5"]


def test_each_emulator_starts_from_fresh_module_state(emulator_backend: Backend) -> None:
    for _ in range(2):
        emulator = Emulator(PLUGINS / "module_state.py", emulator_backend)
        assert emulator.start_plugin()
        assert emulator.get_info_logs() == ["loaded", "starts 1"]


def test_print_goes_to_the_info_log(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "module_state.py", emulator_backend)
    emulator.tick()
    assert emulator.get_info_logs() == ["loaded", "printed 42"]


def test_header_maps_round_trip_through_the_sdk(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "rewrite.py", emulator_backend)
    stream = emulator.init_http_stream()
    # Lengths 0..9 cover every tail of the word-wise copy; "\udcff" is the
    # byte 0xff, which is not UTF-8 and must come back unchanged.
    headers = [(f"k{'x' * n}", "v" * n) for n in range(10)]
    headers += [("drop-me", "1"), ("raw", "caf\u00e9\udcff")]
    emulator.call_on_request_headers(stream, headers, end_of_stream=True)
    expected = [(key, value + value) for key, value in headers if key != "drop-me"]
    expected.append(("x-count", "12"))
    assert emulator.get_current_request_headers(stream) == expected
    assert emulator.get_info_logs() == ["raw has 10 characters"]
    emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=True)
    assert emulator.get_current_response_headers(stream) == [(":status", "201")]
