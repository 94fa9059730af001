"""Unit tests of http_body (examples.md §3), run compiled and under CPython."""

from pathlib import Path

import pytest
from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"
ORIGINAL = b"[original body]"
EDITED = {
    "append": b"[original body][this is appended body]",
    "prepend": b"[this is prepended body][original body]",
    "replace": b"[this is replaced body]",
    "invalid": b"[this is replaced body]",
}


def test_content_length_is_removed(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(
        stream, [("content-length", "10"), ("buffer-operation", "replace")], end_of_stream=False
    )
    assert action == Action.CONTINUE
    assert emulator.get_current_request_headers(stream) == [("buffer-operation", "replace")]


def test_request_without_content_length_is_refused(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert reply.status_code == 400
    assert reply.body == b"content must be provided"
    assert reply.headers == ()


def test_request_body_is_buffered_until_complete(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_body(stream, b"aaaa", end_of_stream=False) == Action.PAUSE


@pytest.mark.parametrize("operation", sorted(EDITED))
def test_request_body_is_edited(emulator_backend: Backend, operation: str) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(
        stream, [("content-length", "10"), ("buffer-operation", operation)], end_of_stream=False
    )
    assert action == Action.CONTINUE
    assert emulator.call_on_request_body(stream, ORIGINAL, end_of_stream=True) == Action.CONTINUE
    assert "original request body: [original body]" in emulator.get_info_logs()
    assert emulator.get_current_request_body(stream) == EDITED[operation]


@pytest.mark.parametrize("operation", sorted(EDITED))
def test_response_body_is_edited(emulator_backend: Backend, operation: str) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(
        stream,
        [("buffer-replace-at", "response"), ("content-length", "10"),
         ("buffer-operation", operation)],
        end_of_stream=False,
    )
    assert action == Action.CONTINUE
    # In response mode the request body passes untouched.
    assert emulator.call_on_request_body(stream, ORIGINAL, end_of_stream=True) == Action.CONTINUE
    assert emulator.get_current_request_body(stream) == ORIGINAL
    assert emulator.call_on_response_body(stream, ORIGINAL, end_of_stream=True) == Action.CONTINUE
    logs = emulator.get_info_logs()
    assert "original response body: [original body]" in logs
    assert "original request body: [original body]" not in logs
    assert emulator.get_current_response_body(stream) == EDITED[operation]


def test_response_content_length_is_removed_only_when_editing_the_response(
    emulator_backend: Backend,
) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    response_headers = [(":status", "200"), ("content-length", "15")]
    for mode, expected in [
        ("response", [(":status", "200")]),
        ("request", response_headers),
    ]:
        stream = emulator.init_http_stream()
        emulator.call_on_request_headers(
            stream, [("buffer-replace-at", mode), ("content-length", "15")], end_of_stream=False
        )
        emulator.call_on_request_body(stream, ORIGINAL, end_of_stream=True)
        action = emulator.call_on_response_headers(stream, response_headers, end_of_stream=False)
        assert action == Action.CONTINUE
        assert emulator.get_current_response_headers(stream) == expected, mode


def test_response_body_is_buffered_until_complete(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(
        stream,
        [("buffer-replace-at", "response"), ("content-length", "15"),
         ("buffer-operation", "append")],
        end_of_stream=False,
    )
    assert emulator.call_on_response_body(stream, b"[original", end_of_stream=False) == (
        Action.PAUSE
    )
    assert emulator.call_on_response_body(stream, b" body]", end_of_stream=True) == (
        Action.CONTINUE
    )
    assert emulator.get_current_response_body(stream) == EDITED["append"]


def test_echo(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=b"echo")
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_body(stream, b"aaaa", end_of_stream=False) == Action.PAUSE

    stream = emulator.init_http_stream()
    for frame in [b"frame1...", b"frame2...", b"frame3..."]:
        assert emulator.call_on_request_body(stream, frame, end_of_stream=False) == Action.PAUSE
    assert emulator.call_on_request_body(stream, b"", end_of_stream=True) == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert reply.status_code == 200
    assert reply.body == b"frame1...frame2...frame3..."
    assert reply.headers == ()


def test_other_configurations_edit_bodies(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=b"echo ")
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [("content-length", "15")], end_of_stream=False)
    assert emulator.call_on_request_body(stream, ORIGINAL, end_of_stream=True) == Action.CONTINUE
    assert emulator.get_sent_local_response(stream) is None
    assert emulator.get_current_request_body(stream) == EDITED["replace"]
