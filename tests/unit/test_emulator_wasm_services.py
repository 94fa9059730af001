"""The wasm backend's newer host functions and callbacks, driven with small
hand-written WAT modules: TCP callback order, properties, shared data,
metrics with their i64 arguments, callouts and foreign functions through
linear memory (inputs read from memory, results through the allocator and
return slots, statuses)."""

from __future__ import annotations

from proxywasm import Action, PeerType

from pwc.testing import Emulator
from pwc.testing.wire import encode_map
from pwc.toolchain import assemble

LOG = '(import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))'

# Memory: "status=?" at 0, return slots at 16..47, constants from 64, the
# allocator's heap from 32768.
BASE = """
  (memory (export "memory") 2)
  (global $brk (mut i32) (i32.const 32768))
  (func (export "proxy_on_memory_allocate") (param $n i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $brk))
    (global.set $brk (i32.and (i32.add (i32.add (local.get $p) (local.get $n)) (i32.const 7))
                              (i32.const -8)))
    (local.get $p))
  (func (export "proxy_abi_version_0_2_1"))
  (data (i32.const 0) "status=?")
  (func $info (param $p i32) (param $n i32)
    (drop (call $log (i32.const 2) (local.get $p) (local.get $n))))
  (func $status (param $s i32)
    (i32.store8 (i32.const 7) (i32.add (i32.const 48) (local.get $s)))
    (call $info (i32.const 0) (i32.const 8)))
  (func (export "proxy_on_context_create") (param i32 i32))
"""


def module(body: str, *imports: str) -> bytes:
    return assemble("\n".join(["(module", LOG, *imports, BASE, body, ")"]))


def env(name: str, params: int, *, i64_last: bool = False) -> str:
    types = ["i32"] * params
    if i64_last:
        types[-1] = "i64"
    return f'(import "env" "{name}" (func ${name} (param {" ".join(types)}) (result i32)))'


def emulator(wasm: bytes, **options: object) -> Emulator:
    return Emulator(None, "wasm", wasm=wasm, **options)  # type: ignore[arg-type]


# --- TCP -------------------------------------------------------------------------

# Each callback logs its name, then its arguments after the context id as digits.
TCP_LOGGER = module(
    """
  (data (i32.const 100) "new_connection")
  (data (i32.const 120) "downstream_data")
  (data (i32.const 140) "upstream_data")
  (data (i32.const 160) "downstream_close")
  (data (i32.const 180) "upstream_close")
  (data (i32.const 200) "done")
  (data (i32.const 210) "log")
  (data (i32.const 220) "delete")
  (func (export "proxy_on_new_connection") (param i32) (result i32)
    (call $info (i32.const 100) (i32.const 14)) (i32.const 0))
  (func (export "proxy_on_downstream_data") (param i32 i32 i32) (result i32)
    (call $info (i32.const 120) (i32.const 15))
    (call $status (local.get 1)) (call $status (local.get 2))
    (i32.const 1))
  (func (export "proxy_on_upstream_data") (param i32 i32 i32) (result i32)
    (call $info (i32.const 140) (i32.const 13))
    (call $status (local.get 1)) (call $status (local.get 2))
    (i32.const 0))
  (func (export "proxy_on_downstream_connection_close") (param i32 i32)
    (call $info (i32.const 160) (i32.const 16)) (call $status (local.get 1)))
  (func (export "proxy_on_upstream_connection_close") (param i32 i32)
    (call $info (i32.const 180) (i32.const 14)) (call $status (local.get 1)))
  (func (export "proxy_on_done") (param i32) (result i32)
    (call $info (i32.const 200) (i32.const 4)) (i32.const 1))
  (func (export "proxy_on_log") (param i32) (call $info (i32.const 210) (i32.const 3)))
  (func (export "proxy_on_delete") (param i32) (call $info (i32.const 220) (i32.const 6)))
"""
)


def test_tcp_callbacks_come_in_envoys_order_done_before_log() -> None:
    emu = emulator(TCP_LOGGER)
    connection = emu.init_tcp_stream()
    assert emu.call_on_new_connection(connection) == Action.CONTINUE
    assert emu.call_on_downstream_data(connection, b"ab") == Action.PAUSE
    emu.call_on_downstream_data(connection, b"c", end_of_stream=True)
    emu.call_on_upstream_data(connection, b"xyz", end_of_stream=True)
    emu.close_downstream(connection, PeerType.LOCAL)
    emu.complete_tcp_stream(connection)
    assert emu.get_info_logs() == [
        "new_connection",
        "downstream_data", "status=2", "status=0",
        "downstream_data", "status=3", "status=1",  # paused bytes stay buffered
        "upstream_data", "status=3", "status=1",
        "upstream_close", "status=0",
        "downstream_close", "status=1",
        "done", "log", "delete",
    ]


def test_tcp_buffers_and_edits_through_memory() -> None:
    wasm = module(
        """
  (data (i32.const 64) "<>")
  (func (export "proxy_on_downstream_data") (param i32 i32 i32) (result i32)
    (call $status (call $proxy_get_buffer_bytes (i32.const 2) (i32.const 1) (i32.const 9)
        (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (call $proxy_set_buffer_bytes (i32.const 2) (i32.const 0) (i32.const 0)
        (i32.const 64) (i32.const 1)))
    (call $status (call $proxy_set_buffer_bytes (i32.const 2) (i32.const -1) (i32.const 0)
        (i32.const 65) (i32.const 1)))
    (call $status (call $proxy_get_buffer_bytes (i32.const 3) (i32.const 0) (i32.const 9)
        (i32.const 16) (i32.const 20)))
    (i32.const 0))
""",
        env("proxy_get_buffer_bytes", 5),
        env("proxy_set_buffer_bytes", 5),
    )
    emu = emulator(wasm)
    connection = emu.init_tcp_stream()
    emu.call_on_new_connection(connection)
    emu.call_on_downstream_data(connection, b"data")
    assert emu.get_info_logs() == ["status=0", "ata", "status=0", "status=0", "status=1"]
    assert emu.get_forwarded_downstream_data(connection) == b"<data>"


# --- properties and shared data ---------------------------------------------------


def test_a_property_path_is_read_from_memory_and_the_value_given_back() -> None:
    wasm = module(
        """
  (data (i32.const 64) "xds\\00node\\00id")
  (data (i32.const 96) "mine\\00k")
  (data (i32.const 112) "v1")
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (call $status (call $proxy_get_property (i32.const 64) (i32.const 11)
        (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (call $proxy_set_property (i32.const 96) (i32.const 6)
        (i32.const 112) (i32.const 2)))
    (call $status (call $proxy_get_property (i32.const 96) (i32.const 6)
        (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (call $proxy_get_property (i32.const 64) (i32.const 3)
        (i32.const 16) (i32.const 20)))
    (i32.const 0))
""",
        env("proxy_get_property", 4),
        env("proxy_set_property", 4),
    )
    emu = emulator(wasm, properties={("xds", "node", "id"): "node-1"})
    stream = emu.init_http_stream()
    emu.call_on_request_headers(stream, [], True)
    assert emu.get_info_logs() == ["status=0", "node-1", "status=0", "status=0", "v1", "status=1"]


def test_shared_data_returns_value_and_cas_through_slots() -> None:
    wasm = module(
        """
  (data (i32.const 64) "key")
  (data (i32.const 80) "value")
  (func (export "proxy_on_tick") (param i32)
    (call $status (call $proxy_get_shared_data (i32.const 64) (i32.const 3)
        (i32.const 16) (i32.const 20) (i32.const 24)))
    (call $status (call $proxy_set_shared_data (i32.const 64) (i32.const 3)
        (i32.const 80) (i32.const 5) (i32.const 0)))
    (call $status (call $proxy_get_shared_data (i32.const 64) (i32.const 3)
        (i32.const 16) (i32.const 20) (i32.const 24)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (i32.load (i32.const 24)))
    (call $status (call $proxy_set_shared_data (i32.const 64) (i32.const 3)
        (i32.const 80) (i32.const 1) (i32.const 5))))
""",
        env("proxy_get_shared_data", 5),
        env("proxy_set_shared_data", 5),
    )
    emu = emulator(wasm)
    emu.tick()
    assert emu.get_info_logs() == ["status=1", "status=0", "status=0", "value", "status=1",
                                   "status=8"]


# --- metrics: the i64 arguments ------------------------------------------------------


def test_metric_offsets_are_signed_i64s_and_values_u64_slots() -> None:
    wasm = module(
        """
  (data (i32.const 64) "g")
  (func (export "proxy_on_tick") (param i32)
    (call $status (call $proxy_define_metric (i32.const 1) (i32.const 64) (i32.const 1)
        (i32.const 16)))
    (call $status (i32.load (i32.const 16)))
    (call $status (call $proxy_increment_metric (i32.load (i32.const 16)) (i64.const -5)))
    (call $status (call $proxy_get_metric (i32.load (i32.const 16)) (i32.const 24)))
    (call $status (i64.eq (i64.load (i32.const 24)) (i64.const -5)))
    (call $status (call $proxy_record_metric (i32.load (i32.const 16)) (i64.const 7))))
""",
        env("proxy_define_metric", 4),
        env("proxy_increment_metric", 2, i64_last=True),
        env("proxy_record_metric", 2, i64_last=True),
        env("proxy_get_metric", 2),
    )
    emu = emulator(wasm)
    emu.tick()
    assert emu.get_info_logs() == ["status=0", "status=5", "status=0", "status=0", "status=1",
                                   "status=0"]
    assert emu.get_gauge_value("g") == 7


# --- callouts and foreign functions --------------------------------------------------

CALLOUT_HEADERS = encode_map([(b":method", b"GET"), (b":path", b"/x"), (b":authority", b"a")])


def wat_bytes(data: bytes) -> str:
    return "".join(f"\\{b:02x}" for b in data)


def test_a_callout_reads_its_maps_from_memory_and_answers_on_the_root() -> None:
    wasm = module(
        f"""
  (data (i32.const 64) "cluster")
  (data (i32.const 80) "body")
  (data (i32.const 128) "{wat_bytes(CALLOUT_HEADERS)}")
  (func (export "proxy_on_tick") (param i32)
    (call $status (call $proxy_http_call (i32.const 64) (i32.const 7)
        (i32.const 128) (i32.const {len(CALLOUT_HEADERS)}) (i32.const 80) (i32.const 4)
        (i32.const 0) (i32.const 0) (i32.const 250) (i32.const 16)))
    (call $status (i32.shr_u (i32.load (i32.const 16)) (i32.const 2))))
  (func (export "proxy_on_http_call_response") (param i32 i32 i32 i32 i32)
    (call $status (local.get 0))
    (call $status (local.get 2))
    (call $status (call $proxy_get_buffer_bytes (i32.const 4) (i32.const 0) (i32.const 99)
        (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (call $proxy_get_status (i32.const 24) (i32.const 28) (i32.const 32))))
""",
        env("proxy_http_call", 10),
        env("proxy_get_buffer_bytes", 5),
        env("proxy_get_status", 3),
    )
    emu = emulator(wasm)
    emu.tick()
    (call,) = emu.get_pending_http_calls()
    assert (call.token, call.cluster, call.body, call.timeout_milliseconds) == (4, "cluster",
                                                                             b"body", 250)
    assert call.headers == ((":method", "GET"), (":path", "/x"), (":authority", "a"))
    emu.call_on_http_call_response(4, [(":status", "200")], b"answer")
    assert emu.get_info_logs() == ["status=0", "status=1", "status=1", "status=1", "status=0",
                                   "answer", "status=0"]


def test_a_foreign_function_result_comes_back_through_the_allocator() -> None:
    wasm = module(
        """
  (data (i32.const 64) "upper")
  (data (i32.const 80) "abc")
  (func (export "proxy_on_tick") (param i32)
    (call $status (call $proxy_call_foreign_function (i32.const 64) (i32.const 5)
        (i32.const 80) (i32.const 3) (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (call $proxy_call_foreign_function (i32.const 64) (i32.const 4)
        (i32.const 80) (i32.const 3) (i32.const 16) (i32.const 20))))
""",
        env("proxy_call_foreign_function", 6),
    )
    emu = emulator(wasm)
    emu.register_foreign_function("upper", bytes.upper)
    emu.tick()
    assert emu.get_info_logs() == ["status=0", "ABC", "status=1"]
