"""The SDK's ABI contract through the emulator: callback order and arguments,
and the exports a compiled plugin offers.  Every test runs compiled and
under CPython."""

from __future__ import annotations

from pathlib import Path

import pytest
import wasmtime
from proxywasm import Action

from pwc.testing import Backend, Emulator
from pwc.testing.emulator import compile_plugin

PLUGINS = Path(__file__).parent / "plugins"
EXAMPLES = Path(__file__).parents[2] / "examples"


def test_plugin_lifecycle(emulator_backend: Backend) -> None:
    emulator = Emulator(
        PLUGINS / "lifecycle.py", emulator_backend, b"config", vm_configuration=b"vm-config"
    )
    assert emulator.plugin_context_id == 1
    assert emulator.start_plugin()
    emulator.tick()
    assert emulator.finish_plugin()
    assert emulator.get_info_logs() == [
        "new_plugin_context 1",
        "vm_start 9",
        "plugin_start 1 6",
        "tick 1",
        "plugin_done 1",
    ]


def test_http_stream_lifecycle(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "lifecycle.py", emulator_backend)
    stream = emulator.init_http_stream()
    assert stream == 2
    emulator.call_on_request_headers(stream, [(":path", "/"), ("a", "b")], end_of_stream=False)
    emulator.call_on_request_body(stream, b"abcd", end_of_stream=False)  # paused: buffered
    emulator.call_on_request_body(stream, b"efg", end_of_stream=False)
    emulator.call_on_request_trailers(stream, [("t", "1")])
    emulator.call_on_response_headers(stream, [(":status", "200")], end_of_stream=False)
    emulator.call_on_response_body(stream, b"hello", end_of_stream=False)
    emulator.call_on_response_body(stream, b"", end_of_stream=True)
    emulator.call_on_response_trailers(stream, [])
    emulator.complete_http_stream(stream)
    assert emulator.get_info_logs() == [
        "new_plugin_context 1",
        "new_http_context 2",
        "request_headers 2 2 False",
        "request_body 2 4 False",
        "request_body 2 7 False",
        "request_trailers 2 1",
        "response_headers 2 1 False",
        "response_body 2 5 False",
        "response_body 2 0 True",
        "response_trailers 2 0",
        "stream_done 2",
    ]


def test_stream_ids_keep_growing(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGINS / "lifecycle.py", emulator_backend)
    first = emulator.init_http_stream()
    emulator.complete_http_stream(first)
    assert emulator.init_http_stream() == first + 1


def exported_callbacks(plugin: Path) -> set[str]:
    module = wasmtime.Module(wasmtime.Engine(), compile_plugin(plugin))
    return {e.name for e in module.exports if e.name.startswith("proxy_")}


REQUIRED = {"proxy_abi_version_0_2_1", "proxy_on_memory_allocate", "proxy_on_context_create"}
# Exported only when dispatch_http_call is reachable (@export(if_reachable=)):
# none of the plugins below makes callouts.
CALLOUT_ANSWER: set[str] = set()
NO_CALLBACKS = """
from proxywasm import PluginContext, VMContext, set_vm_context


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return PluginContext()


set_vm_context(VM())
"""


@pytest.mark.parametrize(
    ("plugin", "callbacks"),
    [
        (
            EXAMPLES / "helloworld" / "plugin.py",
            {"proxy_on_configure", "proxy_on_tick"} | CALLOUT_ANSWER,
        ),
        (
            EXAMPLES / "http_headers" / "plugin.py",
            {
                "proxy_on_configure", "proxy_on_request_headers", "proxy_on_response_headers",
                "proxy_on_log", "proxy_on_delete",
            } | CALLOUT_ANSWER,
        ),
        (
            PLUGINS / "lifecycle.py",
            {
                "proxy_on_vm_start", "proxy_on_configure", "proxy_on_tick", "proxy_on_done",
                "proxy_on_request_headers", "proxy_on_request_body", "proxy_on_request_trailers",
                "proxy_on_response_headers", "proxy_on_response_body",
                "proxy_on_response_trailers", "proxy_on_log", "proxy_on_delete",
            } | CALLOUT_ANSWER,
        ),
        (
            PLUGINS / "tcp.py",
            {
                "proxy_on_tick", "proxy_on_new_connection", "proxy_on_downstream_data",
                "proxy_on_downstream_connection_close", "proxy_on_upstream_data",
                "proxy_on_upstream_connection_close", "proxy_on_log", "proxy_on_delete",
            } | CALLOUT_ANSWER,
        ),
        (PLUGINS / "services.py", {
            "proxy_on_vm_start", "proxy_on_configure", "proxy_on_tick", "proxy_on_done",
            "proxy_on_queue_ready", "proxy_on_request_headers", "proxy_on_delete",
        } | CALLOUT_ANSWER),
    ],
    ids=["helloworld", "http_headers", "lifecycle", "tcp", "services"],
)
def test_only_the_callbacks_a_plugin_overrides_are_exported(
    plugin: Path, callbacks: set[str], needs_compiler: None
) -> None:
    assert exported_callbacks(plugin) == REQUIRED | callbacks


def test_a_plugin_that_overrides_nothing_exports_only_the_contract(
    tmp_path: Path, needs_compiler: None
) -> None:
    plugin = tmp_path / "plugin.py"
    plugin.write_text(NO_CALLBACKS)
    assert exported_callbacks(plugin) == REQUIRED


@pytest.mark.parametrize(
    "plugin", sorted(PLUGINS.glob("*.py")) + sorted(EXAMPLES.glob("*/plugin.py")),
    ids=lambda p: p.stem if p.stem != "plugin" else p.parent.name,
)
def test_both_backends_offer_the_same_callbacks(plugin: Path, needs_compiler: None) -> None:
    python = Emulator(plugin, "python")
    names = exported_callbacks(plugin) | {"proxy_on_http_call_response", "proxy_on_queue_ready"}
    offered = {name for name in names if python._runtime.has_export(name)}
    assert offered == exported_callbacks(plugin)


def test_plugin_without_vm_context_gets_the_defaults(emulator_backend: Backend) -> None:
    # Its VM and plugin classes would refuse to start and pause the stream.
    emulator = Emulator(PLUGINS / "no_vm_context.py", emulator_backend)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [(":path", "/")], False) == Action.CONTINUE
    emulator.complete_http_stream(stream)
    assert emulator.finish_plugin()
    assert emulator.get_info_logs() == []
