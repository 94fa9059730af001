"""The emulator's wasm backend, driven with small hand-written WAT modules.

Each module logs what it observes (statuses as `status=<digit>`, strings it
got back from the host), so the tests check the memory protocol — inputs
read from linear memory, results through the allocator and return slots,
statuses — and Envoy's load-time and run-time rules, without the compiler.
"""

from __future__ import annotations

import pytest

from pwc.testing import Emulator, EmulatorError, PluginLoadError, PluginTrap
from pwc.testing.wire import encode_map
from pwc.toolchain import assemble

LOG = '(import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))'
HGET = (
    '(import "env" "proxy_get_header_map_value" '
    "(func $hget (param i32 i32 i32 i32 i32) (result i32)))"
)
PAIRS = '(import "env" "proxy_get_header_map_pairs" (func $pairs (param i32 i32 i32) (result i32)))'
HADD = (
    '(import "env" "proxy_add_header_map_value" '
    "(func $hadd (param i32 i32 i32 i32 i32) (result i32)))"
)
GETBUF = (
    '(import "env" "proxy_get_buffer_bytes" '
    "(func $getbuf (param i32 i32 i32 i32 i32) (result i32)))"
)
REPLY = (
    '(import "env" "proxy_send_local_response" '
    "(func $reply (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))"
)
FD_WRITE = (
    '(import "wasi_snapshot_preview1" "fd_write" '
    "(func $fd_write (param i32 i32 i32 i32) (result i32)))"
)

# Memory: "status=?" at 0, return slots at 16..31, constants from 64, scratch
# at 1024, the allocator's heap from 32768.  The allocator logs "alloc" at
# trace level (proxy_log is allowed there) so tests can count allocations.
ALLOCATOR = """
  (global $brk (mut i32) (i32.const 32768))
  (func $alloc (export "proxy_on_memory_allocate") (param $n i32) (result i32)
    (local $p i32)
    (drop (call $log (i32.const 0) (i32.const 8) (i32.const 5)))
    (local.set $p (global.get $brk))
    (global.set $brk (i32.and (i32.add (i32.add (local.get $p) (local.get $n)) (i32.const 7))
                              (i32.const -8)))
    (local.get $p))
"""
HELPERS = """
  (data (i32.const 0) "status=?alloc")
  (func $info (param $p i32) (param $n i32)
    (drop (call $log (i32.const 2) (local.get $p) (local.get $n))))
  (func $status (param $s i32)
    (i32.store8 (i32.const 7) (i32.add (i32.const 48) (local.get $s)))
    (call $info (i32.const 0) (i32.const 8)))
  (func (export "proxy_on_context_create") (param i32 i32))
"""


def module(
    body: str,
    imports: tuple[str, ...] = (),
    *,
    marker: bool = True,
    allocator: str = ALLOCATOR,
    memory: str = '(memory (export "memory") 2)',
) -> bytes:
    parts = ["(module", LOG, *imports, memory, HELPERS, allocator]
    if marker:
        parts.append('(func (export "proxy_abi_version_0_2_1"))')
    parts += [body, ")"]
    return assemble("\n".join(parts))


def emulator(
    wasm: bytes, plugin_configuration: bytes = b"", vm_configuration: bytes = b""
) -> Emulator:
    return Emulator(None, "wasm", plugin_configuration, vm_configuration, wasm=wasm)


# --- header maps through memory ----------------------------------------------------

HEADERS_PROBE = module(
    """
  (data (i32.const 64) ":path")
  (data (i32.const 80) "x-probe")
  (data (i32.const 96) "yes")
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (local $s i32)
    (local.set $s (call $hget (i32.const 0) (i32.const 64) (i32.const 5)
        (i32.const 16) (i32.const 20)))
    (call $status (local.get $s))
    (if (i32.eqz (local.get $s))
      (then (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))))
    (call $status (call $pairs (i32.const 0) (i32.const 24) (i32.const 28)))
    (call $info (i32.load (i32.const 24)) (i32.load (i32.const 28)))
    (call $status (call $hadd (i32.const 0) (i32.const 80) (i32.const 7)
        (i32.const 96) (i32.const 3)))
    (i32.const 0))
""",
    (HGET, PAIRS, HADD),
)


def test_header_values_and_pairs_come_back_through_the_allocator() -> None:
    emu = emulator(HEADERS_PROBE)
    stream = emu.init_http_stream()
    headers = [(":path", "/hello"), ("Accept", "*/*")]
    emu.call_on_request_headers(stream, headers, end_of_stream=True)
    serialized = encode_map([(b":path", b"/hello"), (b"accept", b"*/*")])
    assert emu.get_info_logs() == [
        "status=0", "/hello",
        "status=0", serialized.decode("utf-8", "surrogateescape"),
        "status=0",
    ]
    assert emu.get_trace_logs() == ["alloc", "alloc"]
    assert emu.get_current_request_headers(stream) == [
        (":path", "/hello"), ("accept", "*/*"), ("x-probe", "yes")
    ]


def test_a_missing_header_is_not_found_and_leaves_the_slots_alone() -> None:
    emu = emulator(HEADERS_PROBE)
    stream = emu.init_http_stream()
    emu.call_on_request_headers(stream, [], end_of_stream=True)
    assert emu.get_info_logs()[:3] == ["status=1", "status=0", ""]
    assert emu.get_trace_logs() == []  # empty results are (0, 0), no allocation


EMPTY_VALUE_PROBE = module(
    """
  (data (i32.const 64) "empty")
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (i32.store (i32.const 16) (i32.const 7))
    (i32.store (i32.const 20) (i32.const 7))
    (call $status (call $hget (i32.const 0) (i32.const 64) (i32.const 5)
        (i32.const 16) (i32.const 20)))
    (call $status (i32.load (i32.const 16)))
    (call $status (i32.load (i32.const 20)))
    (i32.const 0))
""",
    (HGET,),
)


def test_an_empty_value_is_ok_with_null_slots_and_no_allocation() -> None:
    emu = emulator(EMPTY_VALUE_PROBE)
    stream = emu.init_http_stream()
    emu.call_on_request_headers(stream, [("empty", "")], end_of_stream=True)
    assert emu.get_info_logs() == ["status=0", "status=0", "status=0"]
    assert emu.get_trace_logs() == []


def test_a_zero_from_the_allocator_is_an_invalid_memory_access() -> None:
    null_allocator = """
  (func (export "proxy_on_memory_allocate") (param i32) (result i32) (i32.const 0))
"""
    wasm = module(
        """
  (data (i32.const 64) "k")
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (call $status (call $hget (i32.const 0) (i32.const 64) (i32.const 1)
        (i32.const 16) (i32.const 20)))
    (i32.const 0))
""",
        (HGET,),
        allocator=null_allocator,
    )
    emu = emulator(wasm)
    stream = emu.init_http_stream()
    emu.call_on_request_headers(stream, [("k", "v")], end_of_stream=True)
    assert emu.get_info_logs() == ["status=6"]


HEADERS_PROBE_BODY = """
  (data (i32.const 64) ":path")
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (drop (call $hget (i32.const 0) (i32.const 64) (i32.const 5) (i32.const 16) (i32.const 20)))
    (drop (call $pairs (i32.const 0) (i32.const 24) (i32.const 28)))
    (i32.const 0))
"""


def test_envoy_prefers_malloc_to_proxy_on_memory_allocate() -> None:
    both = ALLOCATOR + """
  (data (i32.const 48) "malloc")
  (func (export "malloc") (param $n i32) (result i32)
    (drop (call $log (i32.const 0) (i32.const 48) (i32.const 6)))
    (i32.const 40000))
"""
    emu = emulator(module(HEADERS_PROBE_BODY, (HGET, PAIRS, HADD), allocator=both))
    stream = emu.init_http_stream()
    emu.call_on_request_headers(stream, [(":path", "/")], end_of_stream=True)
    assert emu.get_trace_logs() == ["malloc", "malloc"]


def test_bad_pointers_give_status_6_and_bad_levels_status_2() -> None:
    wasm = module(
        """
  (func (export "proxy_on_tick") (param i32)
    (call $status (call $log (i32.const 2) (i32.const 200000) (i32.const 4)))
    (call $status (call $log (i32.const 6) (i32.const 0) (i32.const 4))))
"""
    )
    emu = emulator(wasm)
    emu.tick()
    assert emu.get_info_logs() == ["status=6", "status=2"]


# --- buffers and configuration -------------------------------------------------------


def test_configuration_buffers_and_their_phases() -> None:
    wasm = module(
        """
  (func (export "proxy_on_vm_start") (param i32 i32) (result i32)
    (call $status (call $getbuf (i32.const 7) (i32.const 0) (i32.const 100)
        (i32.const 16) (i32.const 20)))
    (call $status (call $getbuf (i32.const 6) (i32.const 0) (i32.const 100)
        (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (i32.const 1))
  (func (export "proxy_on_configure") (param i32 i32) (result i32)
    (call $status (call $getbuf (i32.const 7) (i32.const 2) (i32.const 3)
        (i32.const 16) (i32.const 20)))
    (call $info (i32.load (i32.const 16)) (i32.load (i32.const 20)))
    (call $status (local.get 1))
    (i32.const 1))
""",
        (GETBUF,),
    )
    emu = emulator(wasm, vm_configuration=b"vmcfg", plugin_configuration=b"abcdefg")
    assert emu.start_plugin()
    assert emu.get_info_logs() == ["status=1", "status=0", "vmcfg", "status=0", "cde", "status=7"]


def test_a_failing_configure_fails_the_plugin() -> None:
    wasm = module('(func (export "proxy_on_configure") (param i32 i32) (result i32) (i32.const 0))')
    assert not emulator(wasm).start_plugin()


# --- local replies ---------------------------------------------------------------------

DENY = module(
    """
  (data (i32.const 64) "denied by plugin")
  (data (i32.const 96) "forbidden")
  (data (i32.const 128) "\\01\\00\\00\\00\\03\\00\\00\\00\\01\\00\\00\\00X-A\\00b\\00")
  (data (i32.const 160) "response headers")
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)
    (call $status (call $reply (i32.const 403) (i32.const 64) (i32.const 16) (i32.const 96)
                               (i32.const 9) (i32.const 128) (i32.const 18) (i32.const -1)))
    (i32.const 0))
  (func (export "proxy_on_response_headers") (param i32 i32 i32) (result i32)
    (call $info (i32.const 160) (i32.const 16))
    (i32.const 0))
""",
    (REPLY,),
)


def test_a_local_reply_is_sent_after_the_callback_through_the_response_callbacks() -> None:
    emu = emulator(DENY)
    stream = emu.init_http_stream()
    emu.call_on_request_headers(stream, [(":path", "/")], end_of_stream=False)
    reply = emu.get_sent_local_response(stream)
    assert reply is not None
    assert (reply.status_code, reply.details, reply.body, reply.headers, reply.grpc_status) == (
        403, "denied by plugin", b"forbidden", (("x-a", "b"),), -1
    )
    assert emu.get_info_logs() == ["status=0", "response headers"]
    assert emu.get_current_response_headers(stream) == [
        (":status", "403"), ("x-a", "b"), ("content-length", "9"), ("content-type", "text/plain")
    ]
    with pytest.raises(EmulatorError, match="local reply"):
        emu.call_on_request_body(stream, b"late", end_of_stream=True)
    emu.complete_http_stream(stream)


# --- WASI ------------------------------------------------------------------------------


def test_fd_write_logs_stdout_at_info_and_stderr_at_error() -> None:
    wasm = module(
        """
  (data (i32.const 64) "hello\\n")
  (func $write (param $fd i32) (result i32)
    (i32.store (i32.const 1024) (i32.const 64))
    (i32.store (i32.const 1028) (i32.const 6))
    (call $fd_write (local.get $fd) (i32.const 1024) (i32.const 1) (i32.const 1032)))
  (func (export "proxy_on_tick") (param i32)
    (drop (call $write (i32.const 1)))
    (drop (call $write (i32.const 2)))
    (call $status (call $write (i32.const 3)))
    (call $status (i32.load (i32.const 1032))))
""",
        (FD_WRITE,),
    )
    emu = emulator(wasm)
    emu.tick()
    assert emu.get_error_logs() == ["hello"]
    assert emu.get_info_logs() == ["hello", "status=8", "status=6"]


# --- traps and restricted phases -----------------------------------------------------------


def test_a_trap_is_reported_and_ends_the_instance() -> None:
    wasm = module('(func $boom (export "proxy_on_tick") (param i32) unreachable)')
    emu = emulator(wasm)
    with pytest.raises(PluginTrap, match=r"proxy_on_tick\(1,\) trapped \(unreachable\)"):
        emu.tick()
    with pytest.raises(PluginTrap, match="no more callbacks"):
        emu.init_http_stream()


def test_an_infinite_loop_runs_out_of_fuel() -> None:
    wasm = module('(func (export "proxy_on_tick") (param i32) (loop $l (br $l)))')
    with pytest.raises(PluginTrap, match="out_of_fuel"):
        emulator(wasm).tick()


def test_start_functions_may_log_but_nothing_else() -> None:
    logging_start = module(
        """
  (data (i32.const 64) "starting")
  (func (export "_initialize") (call $info (i32.const 64) (i32.const 8)))
"""
    )
    assert emulator(logging_start).get_info_logs() == ["starting"]
    restricted_start = module(
        """
  (func (export "_initialize")
    (drop (call $getbuf (i32.const 6) (i32.const 0) (i32.const 1) (i32.const 16) (i32.const 20))))
""",
        (GETBUF,),
    )
    with pytest.raises(PluginLoadError, match="proxy_get_buffer_bytes.*restricted_callback"):
        emulator(restricted_start)


def test_the_allocator_may_not_call_the_host() -> None:
    level = '(import "env" "proxy_get_log_level" (func $level (param i32) (result i32)))'
    greedy = """
  (func (export "proxy_on_memory_allocate") (param i32) (result i32)
    (drop (call $level (i32.const 16)))
    (i32.const 40000))
"""
    wasm = module(HEADERS_PROBE_BODY, (HGET, PAIRS, level), allocator=greedy)
    emu = emulator(wasm)
    stream = emu.init_http_stream()
    with pytest.raises(PluginTrap, match="allocator"):
        emu.call_on_request_headers(stream, [(":path", "/")], end_of_stream=True)


# --- what Envoy refuses to load ---------------------------------------------------------


@pytest.mark.parametrize(
    ("wasm", "reason"),
    [
        (lambda: b"\0asm junk", "not a valid wasm module"),
        (lambda: module("", marker=False), "proxy_abi_version_0_2_1"),
        (lambda: module("", allocator=""), "neither malloc nor proxy_on_memory_allocate"),
        (lambda: module("", memory="(memory 1)"), "exports no memory"),
        (
            lambda: module('(func (export "proxy_on_request_headers") (param i32 i32) (result i32)'
                           " (i32.const 0))"),
            "Bad function signature for proxy_on_request_headers",
        ),
        (
            lambda: module(
                "", ('(import "env" "proxy_nonsense" (func (param i32) (result i32)))',)
            ),
            "env.proxy_nonsense",
        ),
        (
            lambda: module("", ('(import "env" "proxy_done" (func (param i32) (result i32)))',)),
            "import type mismatch for env.proxy_done",
        ),
        (
            lambda: module('(func (export "proxy_abi_version_0_1_0"))', marker=False),
            "ABI 0.1.0",
        ),
    ],
)
def test_modules_envoy_rejects_fail_to_load(wasm: object, reason: str) -> None:
    assert callable(wasm)
    with pytest.raises(PluginLoadError, match=reason):
        emulator(wasm())


def test_a_stream_action_other_than_continue_or_pause_is_refused() -> None:
    wasm = module('(func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32)'
                  " (i32.const 3))")
    emu = emulator(wasm)
    stream = emu.init_http_stream()
    with pytest.raises(EmulatorError, match="action 3"):
        emu.call_on_request_headers(stream, [], end_of_stream=True)
