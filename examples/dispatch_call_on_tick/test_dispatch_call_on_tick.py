"""Unit tests of dispatch_call_on_tick (examples.md §8), run compiled and under CPython."""

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def test_on_tick(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert emulator.tick_period_ms == 100
    plugin = emulator.plugin_context_id
    assert plugin == 1
    for i in range(1, 10):
        emulator.tick()
        calls = emulator.get_http_calls(plugin)
        assert len(calls) == i  # the list accumulates
        # Envoy never reuses a callout token: answer the one just sent.
        emulator.call_on_http_call_response(calls[-1].token)
        assert f"called {i} for contextID=1" in emulator.get_info_logs()


def test_on_plugin_start(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert emulator.tick_period_ms == 100
    assert emulator.get_info_logs() == ["set tick period milliseconds: 100"]


def test_callouts_ask_for_ok_or_fail(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    for _ in range(40):
        emulator.tick()
    calls = emulator.get_http_calls()
    paths = set()
    for call in calls:
        assert call.cluster == "web_service"
        assert call.timeout_milliseconds == 5000
        headers = dict(call.headers)
        assert headers[":method"] == "GET"
        assert headers[":authority"] == "some_authority"
        assert headers["accept"] == "*/*"
        paths.add(headers[":path"])
    # 40 fair coin flips all landing the same way: odds of 2**-39.
    assert paths == {"/ok", "/fail"}


def test_answers_are_logged(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    emulator.tick()
    token = emulator.get_http_calls()[0].token
    emulator.call_on_http_call_response(
        token, [(":status", "503"), ("server", "envoy")], b"", [("grpc-status", "14")]
    )
    assert emulator.get_info_logs()[1:] == [
        "called 1 for contextID=1",
        "response header for the dispatched call: :status: 503",
        "response header for the dispatched call: server: envoy",
        "response trailer for the dispatched call: grpc-status: 14",
    ]


def test_two_plugin_contexts_share_the_vm(emulator_backend: Backend) -> None:
    # Envoy's config: two filters, configurations plugin1 and plugin2, one VM.
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=b"plugin1")
    second = emulator.add_plugin_context(b"plugin2")
    assert second == 2
    for plugin in (1, second):
        assert emulator.start_plugin(plugin)
        assert emulator.get_tick_period_ms(plugin) == 100
    for round_number in range(1, 4):
        for plugin in (1, second):
            emulator.tick(plugin)
            emulator.call_on_http_call_response(emulator.get_http_calls(plugin)[-1].token)
        logs = emulator.get_info_logs()
        assert f"called {round_number} for contextID=1" in logs
        assert f"called {round_number} for contextID=2" in logs
    assert len(emulator.get_http_calls(1)) == len(emulator.get_http_calls(second)) == 3


def test_failed_callout_is_counted(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    emulator.tick()
    emulator.fail_http_call(emulator.get_http_calls()[0].token)
    assert emulator.get_info_logs()[-1] == "called 1 for contextID=1"
    assert emulator.get_error_logs() == []
