"""An exception escaping a callback is caught at the ABI boundary, logged with
its source line, and handled by the plugin's policy (design.md "Errors at
run time").  Compiled and under CPython alike."""

from __future__ import annotations

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugins" / "failures.py"


def line_of(text: str) -> int:
    """The line of PLUGIN that contains `text`."""
    for number, line in enumerate(PLUGIN.read_text().splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {PLUGIN.name}")


def started(backend: Backend, configuration: bytes = b"") -> Emulator:
    emulator = Emulator(PLUGIN, backend, configuration)
    assert emulator.start_plugin()
    return emulator


def test_an_exception_in_a_request_callback_fails_closed(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [("x-raise", "request")], False)
    assert action == Action.PAUSE
    location = f"failures.py:{line_of('boom')} in on_http_request_headers"
    assert emulator.get_error_logs() == [f"ValueError: boom ({location})"]
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert (reply.status_code, reply.body, reply.details) == (500, b"", "plugin_raised_exception")
    assert (":status", "500") in emulator.get_current_response_headers(stream)
    emulator.complete_http_stream(stream)


def test_an_sdk_call_that_raises_is_located_at_the_plugins_line(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [("x-raise", "sdk")], False) == Action.PAUSE
    location = f"failures.py:{line_of('no-such-queue')} in on_http_request_headers"
    [line] = emulator.get_error_logs()
    assert line.startswith("NotFoundError: ") and line.endswith(f" ({location})"), line


def test_the_vm_keeps_serving_after_an_exception(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    failing = emulator.init_http_stream()
    emulator.call_on_request_headers(failing, [("x-raise", "request")], True)
    emulator.complete_http_stream(failing)
    healthy = emulator.init_http_stream()
    assert emulator.call_on_request_headers(healthy, [], True) == Action.CONTINUE
    assert emulator.get_sent_local_response(healthy) is None


def test_fail_open_lets_the_stream_continue(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend, b"open")
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [("x-raise", "request")], False)
    assert action == Action.CONTINUE
    assert emulator.get_sent_local_response(stream) is None
    assert len(emulator.get_error_logs()) == 1


def test_once_the_response_started_the_stream_is_reset(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [("x-raise", "response")], True)
    emulator.call_on_response_headers(stream, [(":status", "200")], False)
    emulator.call_on_response_body(stream, b"partial", False)
    assert not emulator.was_http_stream_reset(stream)
    emulator.call_on_response_body(stream, b"", True)
    assert emulator.was_http_stream_reset(stream)
    location = f"failures.py:{line_of('late')} in on_http_response_body"
    assert emulator.get_error_logs() == [f"KeyError: 'late' ({location})"]


def test_an_exception_in_on_plugin_start_fails_the_plugin(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, b"raise")
    assert not emulator.start_plugin()
    location = f"failures.py:{line_of('bad config')} in on_plugin_start"
    assert emulator.get_error_logs() == [f"RuntimeError: bad config ({location})"]


def test_an_exception_creating_a_stream_context_fails_its_request(
    emulator_backend: Backend,
) -> None:
    emulator = started(emulator_backend, b"raise-stream")
    stream = emulator.init_http_stream()
    location = f"failures.py:{line_of('no context for')} in new_http_context"
    assert emulator.get_error_logs() == [f"ValueError: no context for {stream} ({location})"]
    assert emulator.call_on_request_headers(stream, [], True) == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None and reply.status_code == 500
    emulator.complete_http_stream(stream)
