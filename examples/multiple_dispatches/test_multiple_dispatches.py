"""Unit tests of multiple_dispatches (examples.md §10), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def test_on_http_response_headers(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_response_headers(stream, [("key", "value")], end_of_stream=False)
    assert action == Action.PAUSE
    calls = emulator.get_http_calls(stream)
    assert len(calls) == 10
    assert emulator.get_current_http_stream_action(stream) == Action.PAUSE
    for call in calls:
        emulator.call_on_http_call_response(call.token)
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
    logs = emulator.get_info_logs()
    assert "pending dispatched requests: 9" in logs
    assert "pending dispatched requests: 1" in logs
    assert "response resumed after processed 10 dispatched request" in logs


def test_callouts_and_the_released_response(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=False)
    calls = emulator.get_http_calls(stream)
    for call in calls:
        assert call.cluster == "httpbin"
        assert list(call.headers) == [(":path", "/"), (":method", "GET"), (":authority", "")]
        assert call.timeout_milliseconds == 50000
    # Answered in any order: each answer counts down, the last releases.
    for call in reversed(calls):
        assert emulator.get_current_http_stream_action(stream) == Action.PAUSE
        assert emulator.get_current_response_headers(stream) == [(":status", "200")]
        emulator.call_on_http_call_response(call.token, [(":status", "200")], b"ok")
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
    assert emulator.get_current_response_headers(stream) == [
        (":status", "200"),
        ("total-dispatched", "10"),
    ]
    assert emulator.get_info_logs() == [
        *[f"pending dispatched requests: {n}" for n in range(9, 0, -1)],
        "response resumed after processed 10 dispatched request",
    ]


def test_streams_count_their_own_callouts(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    first, second = emulator.init_http_stream(), emulator.init_http_stream()
    for stream in (first, second):
        emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=False)
    for call in emulator.get_http_calls(second):
        emulator.call_on_http_call_response(call.token)
    assert emulator.get_current_http_stream_action(second) == Action.CONTINUE
    assert emulator.get_current_http_stream_action(first) == Action.PAUSE
    assert len(emulator.get_pending_http_calls()) == 10
