"""Unit tests of http_headers (examples.md §2), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"
CONFIG = b'{"header": "x-wasm-header", "value": "x-value"}'
INVALID = (
    'invalid configuration format; expected {"header": "<header name>", '
    '"value": "<header value>"}'
)


def test_request_headers(emulator_backend: Backend) -> None:
    # No plugin start and no configuration, as in the reference test.
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(
        stream, [("key1", "value1"), ("key2", "value2")], end_of_stream=False
    )
    assert action == Action.CONTINUE
    assert ("test", "best") in emulator.get_current_request_headers(stream)
    emulator.complete_http_stream(stream)
    logs = emulator.get_info_logs()
    assert f"{stream} finished" in logs
    assert "request header --> key2: value2" in logs
    assert "request header --> key1: value1" in logs


def test_response_headers(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=CONFIG)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    action = emulator.call_on_response_headers(
        stream, [("key1", "value1"), ("key2", "value2")], end_of_stream=False
    )
    assert action == Action.CONTINUE
    emulator.complete_http_stream(stream)
    headers = emulator.get_current_response_headers(stream)
    for header in [
        ("key1", "value1"),
        ("key2", "value2"),
        ("x-wasm-header", "x-value"),
        ("x-proxy-wasm-go-sdk-example", "http_headers"),
    ]:
        assert header in headers
    logs = emulator.get_info_logs()
    assert f"{stream} finished" in logs
    assert "response header <-- key2: value2" in logs
    assert "response header <-- key1: value1" in logs
    assert "response header <-- x-wasm-header: x-value" in logs
    assert "response header <-- x-proxy-wasm-go-sdk-example: http_headers" in logs


def test_configuration_is_logged(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=CONFIG)
    assert emulator.start_plugin()
    assert emulator.get_debug_logs() == ["loading plugin config"]
    assert "header from config: x-wasm-header = x-value" in emulator.get_info_logs()


def test_without_configuration_only_the_fixed_header_is_added(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=True)
    assert emulator.get_current_response_headers(stream) == [
        (":status", "200"),
        ("x-proxy-wasm-go-sdk-example", "http_headers"),
    ]
    assert "adding header: =" in emulator.get_info_logs()


def test_invalid_configurations_fail_the_plugin(emulator_backend: Backend) -> None:
    for config in [b"not json", b"[1, 2]", b'{"header": "x-h"}', b'{"header": " ", "value": "v"}']:
        emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=config)
        assert not emulator.start_plugin(), config
        assert emulator.get_critical_logs() == [INVALID], config
