"""Properties through the SDK (abi.md §5.2, §5.3, §6.1): NUL-joined paths,
seeded and computed values, map values, set_property read back in the same
stream, Envoy's refusals.  Every test runs compiled and under CPython."""

from __future__ import annotations

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugins" / "properties.py"
ROUTE_METADATA = {"filter_metadata": {"envoy.filters.http.wasm": {"auth": "cookie"}}}


def test_a_root_context_reads_plugin_attributes_only(emulator_backend: Backend) -> None:
    emulator = Emulator(
        PLUGIN, emulator_backend, vm_id="vm", plugin_name="props", root_id="root"
    )
    assert emulator.start_plugin()
    assert emulator.get_info_logs() == [
        "plugin_root_id = b'root'",
        "plugin_vm_id = b'vm'",
        "request.path: NotFoundError",
        "set in root: NotFoundError",
    ]


def test_a_stream_reads_seeded_computed_and_its_own_properties(
    emulator_backend: Backend,
) -> None:
    emulator = Emulator(
        PLUGIN,
        emulator_backend,
        plugin_name="props",
        properties={("xds", "route_metadata"): ROUTE_METADATA},
    )
    stream = emulator.init_http_stream(properties={("connection", "id"): 7})
    emulator.call_on_request_headers(
        stream, [(":path", "/a?b=1"), ("X-Name", "value")], end_of_stream=True
    )
    assert emulator.get_info_logs() == [
        "request.path = b'/a?b=1'",
        "request.url_path = b'/a'",
        "request.headers.x-name = b'value'",
        "plugin_name = b'props'",
        "xds.route_metadata.filter_metadata.envoy.filters.http.wasm.auth = b'cookie'",
        r"connection.id = b'\x07\x00\x00\x00\x00\x00\x00\x00'",
        "no.such.thing: NotFoundError",
        "my.key = b'my value'",
        "my.key: NotFoundError",  # the dotted name is one segment
        "header :path=/a?b=1",
        "header x-name=value",
        "empty path: BadArgumentError",
    ]
    assert emulator.get_property(["my", "key"], stream) == b"my value"
    assert emulator.get_property(["my", "key"]) is None


def test_a_property_set_in_a_stream_stays_in_that_stream(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    first = emulator.init_http_stream()
    second = emulator.init_http_stream()
    emulator.call_on_request_headers(first, [(":path", "/")], True)
    emulator.call_on_response_headers(first, [(":status", "201")], True)
    emulator.call_on_response_headers(second, [(":status", "200")], True)
    logs = emulator.get_info_logs()
    assert logs[-4:] == [
        r"response.code = b'\xc9\x00\x00\x00\x00\x00\x00\x00'",
        "my.key = b'my value'",
        r"response.code = b'\xc8\x00\x00\x00\x00\x00\x00\x00'",
        "my.key: NotFoundError",
    ]


def test_the_test_can_seed_properties_later(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    emulator.set_property(("xds", "route_metadata"), ROUTE_METADATA)
    path = ["xds", "route_metadata", "filter_metadata", "envoy.filters.http.wasm", "auth"]
    assert emulator.get_property(path) == b"cookie"
    stream = emulator.init_http_stream()
    emulator.set_property(("connection", "id"), 9, stream)
    emulator.call_on_request_headers(stream, [(":path", "/")], True)
    logs = emulator.get_info_logs()
    assert "xds.route_metadata.filter_metadata.envoy.filters.http.wasm.auth = b'cookie'" in logs
    assert r"connection.id = b'\t\x00\x00\x00\x00\x00\x00\x00'" in logs
