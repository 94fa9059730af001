"""A million HTTP streams, and linear memory does not move.

The plugin (plugins/summaries.py) reads every request header, builds
strings, a dict and a list per request and folds a summary into its plugin
context.  After a warm-up of 10,000 streams, memory.size must stay exactly
the same up to stream 1,000,000 (design.md "Memory: regions tied to
contexts"): each stream's garbage goes with its region.

Through the emulator (about 1,900 streams a second) a million streams would
take nine minutes; even a minimal host in Python is slow, as wasmtime-py
spends tens of microseconds on each call across the boundary: with three
calls into the plugin and one out of it per stream, it served 7,000 to 9,000
streams a second on the 2-core CI machine (two minutes of CPU for the
million, more on a loaded machine).  So the per-stream work stays in wasm: a
small host module (HOST_WAT) answers proxy_get_header_map_pairs the way
Envoy does (the module's allocator, the header blob copied in, the return
slots), and loops over the streams: proxy_on_context_create,
proxy_on_request_headers, proxy_on_delete.  Python only starts the plugin,
looks at memory.size every 10,000 streams and reads the plugin's final log
line.  That serves over 100,000 streams a second: the million take about ten
seconds.  `PWC_MEMORY_STREAMS` sets another count (a multiple of 10,000).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import wasmtime

from pwc.testing.loading import compile_plugin
from pwc.testing.wire import encode_map

pytestmark = pytest.mark.usefixtures("needs_compiler")

PLUGIN = Path(__file__).parent / "plugins" / "summaries.py"
STREAMS = int(os.environ.get("PWC_MEMORY_STREAMS", "1000000"))
WARM_UP = 10_000
# memory.size is looked at (and fuel refilled) every this many streams.
CHECKPOINT = 10_000
# Far more than a stream needs (some thousand instructions), while a plugin
# stuck in a loop runs out within seconds instead of hanging CI.
FUEL_PER_CHECKPOINT = CHECKPOINT * 1_000_000

REQUEST_HEADERS = [
    (b":method", b"GET"),
    (b":path", b"/items/7?expand=owner"),
    (b":authority", b"api.example"),
    (b":scheme", b"https"),
    (b"user-agent", b"curl/8.5.0"),
    (b"accept", b"application/json"),
    (b"x-request-id", b"d2f1c0de-5a1e-4c6b-9f3e-0b7a1c2d3e4f"),
    (b"x-forwarded-for", b"203.0.113.7"),
]
PLUGIN_CONTEXT_ID = 1
BUFFER_PLUGIN_CONFIGURATION = 7

# The plugin's import of proxy_get_header_map_pairs must exist before the
# plugin does, and the host side needs the plugin's memory and allocator: the
# import is a forwarder through a table slot, filled once both exist.
FORWARDER_WAT = """
(module
  (type $pairs (func (param i32 i32 i32) (result i32)))
  (table (export "slot") 1 funcref)
  (func (export "proxy_get_header_map_pairs") (type $pairs)
    (call_indirect (type $pairs) (local.get 0) (local.get 1) (local.get 2) (i32.const 0))))
"""

HOST_WAT = """
(module
  (import "plugin" "memory" (memory 1))
  (import "plugin" "proxy_on_memory_allocate" (func $allocate (param i32) (result i32)))
  (import "plugin" "proxy_on_context_create" (func $create (param i32 i32)))
  (import "plugin" "proxy_on_request_headers" (func $request_headers (param i32 i32 i32) (result i32)))
  (import "plugin" "proxy_on_delete" (func $delete (param i32)))
  (data $headers "{blob}")

  ;; proxy_get_header_map_pairs for the request headers (status 2 for any
  ;; other map, which the plugin would log, failing the test).
  (func (export "get_pairs") (param $map i32) (param $data_slot i32) (param $size_slot i32)
    (result i32)
    (local $address i32)
    (if (local.get $map) (then (return (i32.const 2))))
    (local.set $address (call $allocate (i32.const {size})))
    (memory.init $headers (local.get $address) (i32.const 0) (i32.const {size}))
    (i32.store (local.get $data_slot) (local.get $address))
    (i32.store (local.get $size_slot) (i32.const {size}))
    (i32.const 0))

  ;; Streams with context ids first .. first + count - 1, one after the other;
  ;; 0, or the id whose request headers callback did not continue.
  (func (export "serve") (param $first i32) (param $count i32) (result i32)
    (local $id i32)
    (local $end i32)
    (local.set $id (local.get $first))
    (local.set $end (i32.add (local.get $first) (local.get $count)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $id) (local.get $end)))
        (call $create (local.get $id) (i32.const {parent}))
        (if (call $request_headers (local.get $id) (i32.const {pairs}) (i32.const 1))
          (then (return (local.get $id))))
        (call $delete (local.get $id))
        (local.set $id (i32.add (local.get $id) (i32.const 1)))
        (br $next)))
    (i32.const 0)))
"""


# An instance's exports by name.
Exports = dict[str, object]


def _wat_bytes(data: bytes) -> str:
    return "".join(f"\\{byte:02x}" for byte in data)


class WasmHost:
    """The compiled plugin in wasmtime, served by HOST_WAT; its other host
    calls are Python: the plugin configuration and proxy_log, needed once
    each, and anything else fails the test."""

    def __init__(self, wasm: bytes, configuration: bytes) -> None:
        config = wasmtime.Config()
        config.consume_fuel = True
        engine = wasmtime.Engine(config)
        self.store = wasmtime.Store(engine)
        self.store.set_fuel(FUEL_PER_CHECKPOINT)
        self.logs: list[str] = []
        self._configuration = configuration
        forwarder = self._instantiate(wasmtime.Module(engine, FORWARDER_WAT), {})
        plugin_module = wasmtime.Module(engine, wasm)
        python: dict[str, Callable[..., int]] = {
            "proxy_get_buffer_bytes": self._buffer_bytes,
            "proxy_log": self._log,
        }
        imports: list[wasmtime.Func] = []
        for imp in plugin_module.imports:
            assert isinstance(imp.type, wasmtime.FuncType)
            name = imp.name or ""
            if name == "proxy_get_header_map_pairs":
                imports.append(self._func(forwarder, name))
                continue
            run = python.get(name) or _unexpected(f"{imp.module}.{name}")
            imports.append(wasmtime.Func(self.store, imp.type, run))
        instance = wasmtime.Instance(self.store, plugin_module, imports)
        self.plugin: Exports = dict(instance.exports(self.store).items())
        memory = self.plugin["memory"]
        assert isinstance(memory, wasmtime.Memory)
        self.memory = memory
        blob = encode_map(REQUEST_HEADERS)
        host_wat = HOST_WAT.format(
            blob=_wat_bytes(blob), size=len(blob), parent=PLUGIN_CONTEXT_ID,
            pairs=len(REQUEST_HEADERS),
        )
        host = self._instantiate(wasmtime.Module(engine, host_wat), self.plugin)
        slot = forwarder["slot"]
        assert isinstance(slot, wasmtime.Table)
        slot.set(self.store, 0, self._func(host, "get_pairs"))
        self.serve = self._func(host, "serve")
        self.call("_initialize")

    def _instantiate(self, module: wasmtime.Module, exports: Exports) -> Exports:
        """Instantiate `module` with imports taken from `exports` by name."""
        externs = []
        for imp in module.imports:
            item = exports[imp.name or ""]
            assert isinstance(item, wasmtime.Func | wasmtime.Memory)
            externs.append(item)
        return dict(wasmtime.Instance(self.store, module, externs).exports(self.store).items())

    @staticmethod
    def _func(exports: Exports, name: str) -> wasmtime.Func:
        item = exports[name]
        assert isinstance(item, wasmtime.Func)
        return item

    def call(self, export: str, *args: int) -> int:
        result = self._func(self.plugin, export)(self.store, *args)
        return 0 if result is None else int(result)

    def memory_size(self) -> int:
        return int(self.memory.data_len(self.store))

    def _buffer_bytes(
        self, buffer_type: int, start: int, max_size: int, data_slot: int, size_slot: int
    ) -> int:
        assert buffer_type == BUFFER_PLUGIN_CONFIGURATION, f"buffer {buffer_type}"
        address = self.call("proxy_on_memory_allocate", len(self._configuration))
        self.memory.write(self.store, self._configuration, address)
        self.memory.write(self.store, address.to_bytes(4, "little"), data_slot)
        self.memory.write(self.store, len(self._configuration).to_bytes(4, "little"), size_slot)
        return 0

    def _log(self, level: int, data: int, size: int) -> int:
        self.logs.append(self.memory.read(self.store, data, data + size).decode())
        return 0


def _unexpected(name: str) -> Callable[..., int]:
    def call(*args: int) -> int:
        raise AssertionError(f"the plugin called {name}{args}")

    return call


def serve(host: WasmHost, streams: int) -> dict[int, int]:
    """Start the plugin, serve `streams` streams, finish the plugin; memory.size
    at every checkpoint (streams served -> bytes)."""
    host.call("proxy_on_context_create", PLUGIN_CONTEXT_ID, 0)
    assert host.call("proxy_on_configure", PLUGIN_CONTEXT_ID, 0) == 1
    sizes: dict[int, int] = {}
    next_id = PLUGIN_CONTEXT_ID + 1
    for served in range(CHECKPOINT, streams + 1, CHECKPOINT):
        stuck = host.serve(host.store, next_id, CHECKPOINT)
        assert stuck == 0, f"stream {stuck} did not continue: {host.logs}"
        next_id += CHECKPOINT
        sizes[served] = host.memory_size()
        host.store.set_fuel(FUEL_PER_CHECKPOINT)
    assert host.call("proxy_on_done", PLUGIN_CONTEXT_ID) == 1
    return sizes


def _expected_summary(streams: int) -> str:
    lines = [f"{key.decode()}: {value.decode()}" for key, value in REQUEST_HEADERS]
    header_bytes = len("\n".join(lines)) * streams
    path = dict(REQUEST_HEADERS)[b":path"]
    return f"{streams} requests, {header_bytes} header bytes, longest path {len(path)}"


@pytest.mark.slow
def test_memory_is_identical_after_ten_thousand_and_a_million_streams() -> None:
    assert STREAMS >= WARM_UP and STREAMS % CHECKPOINT == 0, "PWC_MEMORY_STREAMS"
    host = WasmHost(compile_plugin(PLUGIN), b"")
    sizes = serve(host, STREAMS)
    assert host.logs == [_expected_summary(STREAMS)]
    warm = sizes[WARM_UP]
    grown = {served: size for served, size in sizes.items() if size != warm}
    assert not grown, f"memory.size was {warm} after {WARM_UP} streams, then {grown}"


@pytest.mark.slow
def test_a_text_summary_in_the_plugin_context_is_compacted_away() -> None:
    """The same plugin keeping the last request's line as a str: each
    request's copy goes to the VM region (about 40 bytes a request), whose
    compactions (runtime/collect.wat) keep memory flat once the first has
    sized the free list (measured: 11 pages after 10,000 requests, then 30
    pages from 20,000 on)."""
    host = WasmHost(compile_plugin(PLUGIN), b"text")
    sizes = serve(host, 30 * CHECKPOINT)
    settled = {served: size for served, size in sizes.items() if served >= 5 * CHECKPOINT}
    assert len(set(settled.values())) == 1, f"memory.size by stream count: {sizes}"
