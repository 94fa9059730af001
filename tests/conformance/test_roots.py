"""Several plugin contexts in one VM (abi.md §2.1-2.3): each gets its own
vm_start, configuration, ticks and callout answers; a singleton service (a
plugin context without streams) receives what a filter enqueues.  Every test
runs compiled and under CPython."""

from __future__ import annotations

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugins" / "roots.py"


def two_plugins(backend: Backend) -> tuple[Emulator, int, int]:
    emulator = Emulator(PLUGIN, backend, b"service", root_id="svc")
    filter_id = emulator.add_plugin_context(b"filter", root_id="flt")
    assert emulator.start_plugin()
    assert emulator.start_plugin(filter_id)
    return emulator, emulator.plugin_context_id, filter_id


def test_each_plugin_context_starts_on_its_own(emulator_backend: Backend) -> None:
    emulator, service, plugin = two_plugins(emulator_backend)
    assert (service, plugin) == (1, 2)
    assert emulator.get_info_logs() == [
        "vm_start", "service started as 1", "vm_start", "filter started as 2",
    ]
    assert emulator.get_tick_period_ms(service) == 100
    assert emulator.get_tick_period_ms(plugin) == 200


def test_callouts_answer_on_the_plugin_context_that_sent_them(
    emulator_backend: Backend,
) -> None:
    emulator, service, plugin = two_plugins(emulator_backend)
    for i in range(1, 4):
        emulator.tick(service)
        emulator.tick(plugin)
        for call in emulator.get_pending_http_calls():
            emulator.call_on_http_call_response(call.token, [(":status", "200")])
        logs = emulator.get_info_logs()
        assert f"called {i} for contextID=1" in logs
        assert f"called {i} for contextID=2" in logs
    assert len(emulator.get_http_calls(service)) == len(emulator.get_http_calls(plugin)) == 3


def test_a_service_receives_what_a_filter_enqueues(emulator_backend: Backend) -> None:
    emulator, service, plugin = two_plugins(emulator_backend)
    stream = emulator.init_http_stream(plugin)
    emulator.call_on_request_headers(stream, [(":path", "/one")], True)
    emulator.complete_http_stream(stream)
    assert emulator.deliver_queue_ready() == 1
    assert emulator.get_info_logs()[-1] == "service 1 got /one"


def test_a_plugin_context_without_streams_passes_them_through(
    emulator_backend: Backend,
) -> None:
    emulator, service, _ = two_plugins(emulator_backend)
    stream = emulator.init_http_stream(service)
    emulator.call_on_request_headers(stream, [(":path", "/x")], True)
    emulator.complete_http_stream(stream)
    assert emulator.get_queue_size(1) == 0


def test_finishing_one_plugin_leaves_the_other(emulator_backend: Backend) -> None:
    emulator, service, plugin = two_plugins(emulator_backend)
    assert emulator.finish_plugin(service)
    assert emulator.is_plugin_deleted(service) and not emulator.is_plugin_deleted(plugin)
    emulator.tick(plugin)
    (call,) = emulator.get_pending_http_calls()
    emulator.call_on_http_call_response(call.token, [])
    assert emulator.get_info_logs()[-1] == "called 1 for contextID=2"
