"""Unit tests of properties (examples.md §12), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"
# Envoy 1.40 names route metadata `xds.route_metadata` (see plugin.py).
AUTH = ("xds", "route_metadata", "filter_metadata", "envoy.filters.http.wasm", "auth")


def test_properties(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)

    # No auth property: the request passes.
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.CONTINUE
    emulator.complete_http_stream(stream)
    logs = emulator.get_info_logs()
    assert "no auth header for route" in logs
    assert f"{stream} finished" in logs

    emulator.set_property(AUTH, "cookie")
    assert emulator.get_property(AUTH) == b"cookie"

    # The named header is present: the request passes.
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [("cookie", "value")], end_of_stream=False)
    assert action == Action.CONTINUE
    emulator.complete_http_stream(stream)
    logs = emulator.get_info_logs()
    assert 'auth header is "cookie"' in logs
    assert f"{stream} finished" in logs
    assert emulator.get_sent_local_response(stream) is None

    # It is absent: 401, no body.
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.PAUSE
    emulator.complete_http_stream(stream)
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert reply.status_code == 401
    assert reply.body == b""
    assert reply.headers == ()
    assert reply.grpc_status == 16


def test_route_metadata_of_each_stream(emulator_backend: Backend) -> None:
    # As in Envoy, each stream sees the metadata of the route it matched; the
    # whole metadata is a map the plugin's path indexes into.
    emulator = Emulator(PLUGIN, emulator_backend)
    routes = {
        "/one": {"filter_metadata": {"envoy.filters.http.wasm": {"auth": "cookie"}}},
        "/two": {"filter_metadata": {"envoy.filters.http.wasm": {"auth": "authorization"}}},
    }
    cases = [
        ("/one", [], 401),
        ("/one", [("cookie", "value")], 200),
        ("/two", [("cookie", "value")], 401),
        ("/two", [("authorization", "token")], 200),
    ]
    for path, headers, status in cases:
        stream = emulator.init_http_stream(
            properties={("xds", "route_metadata"): routes[path]}
        )
        emulator.call_on_request_headers(stream, [(":path", path), *headers], True)
        reply = emulator.get_sent_local_response(stream)
        assert (401 if reply is not None else 200) == status, (path, headers)
        emulator.complete_http_stream(stream)
    logs = emulator.get_info_logs()
    assert logs.count('auth header is "cookie"') == 2
    assert logs.count('auth header is "authorization"') == 2
    assert "no auth header for route" not in logs


def test_header_values_do_not_count(emulator_backend: Backend) -> None:
    # Only a header *named* like the property admits the request.
    emulator = Emulator(PLUGIN, emulator_backend)
    emulator.set_property(AUTH, "cookie")
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [("x-auth", "cookie")], True) == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None and reply.status_code == 401
