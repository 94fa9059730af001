"""Unit tests of json_validation (examples.md §7), run compiled and under CPython."""

from pathlib import Path

import pytest
from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"
MY_KEY_CONFIG = b'{"requiredKeys": ["my_key"]}'


def send_body(emulator: Emulator, body: bytes) -> tuple[Action, int]:
    """A new stream whose whole request body is `body` (no headers call, as in
    the reference test); the plugin's action and the stream."""
    stream = emulator.init_http_stream()
    return emulator.call_on_request_body(stream, body, end_of_stream=True), stream


def test_content_type_must_be_json(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()

    refused = emulator.init_http_stream()
    action = emulator.call_on_request_headers(refused, [("content-type", "text/html")], False)
    assert action == Action.PAUSE
    reply = emulator.get_sent_local_response(refused)
    assert reply is not None
    assert (reply.status_code, reply.body, reply.headers) == (
        403, b"content-type must be provided", ()
    )

    accepted = emulator.init_http_stream()
    action = emulator.call_on_request_headers(
        accepted, [("content-type", "application/json")], False
    )
    assert action == Action.CONTINUE
    assert emulator.get_sent_local_response(accepted) is None


def test_missing_content_type_is_refused(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=True) == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None and reply.status_code == 403


def test_body_validation(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=MY_KEY_CONFIG)
    assert emulator.start_plugin()

    for invalid in [b"invalid_payload", b'{"unknown_key":"unknown_value"}']:
        action, stream = send_body(emulator, invalid)
        assert action == Action.PAUSE, invalid
        reply = emulator.get_sent_local_response(stream)
        assert reply is not None
        assert (reply.status_code, reply.body, reply.headers) == (403, b"invalid payload", ())

    action, stream = send_body(emulator, b'{"my_key":"my_value"}')
    assert action == Action.CONTINUE
    assert emulator.get_sent_local_response(stream) is None
    assert emulator.get_error_logs() == [
        'body is not a valid json: "invalid_payload"',
        'required key (my_key) is missing: {"unknown_key":"unknown_value"}',
    ]


def test_body_is_validated_once_complete(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=MY_KEY_CONFIG)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_body(stream, b'{"my_key":', end_of_stream=False) == (
        Action.PAUSE
    )
    assert emulator.call_on_request_body(stream, b' "my_value"}', end_of_stream=True) == (
        Action.CONTINUE
    )
    assert emulator.get_error_logs() == []


def test_without_configuration_any_json_passes(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert send_body(emulator, b"[1, 2]")[0] == Action.CONTINUE
    assert send_body(emulator, b"{]")[0] == Action.PAUSE


def test_keys_are_paths(emulator_backend: Backend) -> None:
    config = b'{"requiredKeys": ["user.ids.1", "id"]}'
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=config)
    assert emulator.start_plugin()
    assert send_body(emulator, b'{"id": 1, "user": {"ids": [7, 8]}}')[0] == Action.CONTINUE
    assert send_body(emulator, b'{"id": 1, "user": {"ids": [7]}}')[0] == Action.PAUSE
    assert send_body(emulator, b'{"id": 1, "user": [7, 8]}')[0] == Action.PAUSE


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (b"{not json", '"{not json"'),
        (b'{"a": "\ttab\\n"}\x00\xff', '"{\\"a\\": \\"\\ttab\\\\n\\"}\\x00\\xff"'),
    ],
)
def test_invalid_configuration_fails_the_plugin(
    emulator_backend: Backend, config: bytes, message: str
) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=config)
    assert not emulator.start_plugin()
    assert emulator.get_critical_logs() == [
        "error parsing plugin configuration: the plugin configuration is not a valid json: "
        + message
    ]
