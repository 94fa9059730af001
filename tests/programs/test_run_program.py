"""The wasm half of the differential tests, `run_program`, on hand-written WAT modules."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from pwc.testing.program import ProgramLoadError, ProgramResult, run_program

FD_WRITE = (
    '(import "wasi_snapshot_preview1" "fd_write" '
    "(func $fd_write (param i32 i32 i32 i32) (result i32)))"
)
CLOCK_TIME_GET = (
    '(import "wasi_snapshot_preview1" "clock_time_get" '
    "(func $clock_time_get (param i32 i64 i32) (result i32)))"
)


def assemble(tmp_path: Path, wat: str) -> bytes:
    source = tmp_path / "module.wat"
    binary = tmp_path / "module.wasm"
    source.write_text(wat)
    subprocess.run(["wat2wasm", str(source), "-o", str(binary)], check=True)
    return binary.read_bytes()


def run_wat(tmp_path: Path, wat: str, fuel: int | None = 10_000_000) -> ProgramResult:
    return run_program(assemble(tmp_path, wat), fuel=fuel)


# A module that writes `text` (at address 64) to `fd` with one iovec at 16,
# traps unless fd_write returns `errno`, and checks nwritten (at 8) when it succeeds.
def writer(text: str, fd: int = 1, errno: int = 0, iov_len: int | None = None) -> str:
    data = text.encode()
    length = len(data) if iov_len is None else iov_len
    escaped = "".join(f"\\{b:02x}" for b in data)
    return f"""
    (module
      {FD_WRITE}
      (memory (export "memory") 1)
      (data (i32.const 16) "\\40\\00\\00\\00")
      (data (i32.const 64) "{escaped}")
      (func (export "_initialize")
        (i32.store (i32.const 20) (i32.const {length}))
        (if (i32.ne (call $fd_write (i32.const {fd}) (i32.const 16) (i32.const 1) (i32.const 8))
                    (i32.const {errno}))
          (then unreachable))
        (if (i32.and (i32.eqz (i32.const {errno}))
                     (i32.ne (i32.load (i32.const 8)) (i32.const {length})))
          (then unreachable))))
    """


def test_fd_write_to_stdout_is_captured(tmp_path: Path) -> None:
    assert run_wat(tmp_path, writer("hello\n")) == ProgramResult("hello\n", "", None)


def test_fd_write_to_stderr_is_captured_apart(tmp_path: Path) -> None:
    assert run_wat(tmp_path, writer("oops\n", fd=2)) == ProgramResult("", "oops\n", None)


def test_non_ascii_text_round_trips(tmp_path: Path) -> None:
    assert run_wat(tmp_path, writer("héllo 日本 😀\n")).stdout == "héllo 日本 😀\n"


def test_invalid_utf8_is_kept_byte_for_byte(tmp_path: Path) -> None:
    wat = f"""
    (module
      {FD_WRITE}
      (memory (export "memory") 1)
      (data (i32.const 16) "\\40\\00\\00\\00\\02\\00\\00\\00")
      (data (i32.const 64) "\\ff\\0a")
      (func (export "_initialize")
        (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))))
    """
    stdout = run_wat(tmp_path, wat).stdout
    assert stdout.encode("utf-8", errors="surrogateescape") == b"\xff\n"


def test_several_iovecs_and_calls_concatenate(tmp_path: Path) -> None:
    # iovecs at 16: ("ab" at 64), ("" at 70), ("cde" at 66); the call is made twice.
    wat = f"""
    (module
      {FD_WRITE}
      (memory (export "memory") 1)
      (data (i32.const 16) "\\40\\00\\00\\00\\02\\00\\00\\00\\46\\00\\00\\00\\00\\00\\00\\00")
      (data (i32.const 32) "\\42\\00\\00\\00\\03\\00\\00\\00")
      (data (i32.const 64) "abcde")
      (func $write_all
        (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 3) (i32.const 8)))
        (if (i32.ne (i32.load (i32.const 8)) (i32.const 5)) (then unreachable)))
      (func (export "_initialize") (call $write_all) (call $write_all)))
    """
    assert run_wat(tmp_path, wat) == ProgramResult("abcdeabcde", "", None)


def test_unknown_fd_is_badf(tmp_path: Path) -> None:
    assert run_wat(tmp_path, writer("lost", fd=3, errno=8)) == ProgramResult("", "", None)


def test_out_of_bounds_iovec_is_fault_and_writes_nothing(tmp_path: Path) -> None:
    result = run_wat(tmp_path, writer("x", errno=21, iov_len=0x10000))
    assert result == ProgramResult("", "", None)


def test_negative_looking_length_is_unsigned_and_faults(tmp_path: Path) -> None:
    result = run_wat(tmp_path, writer("x", errno=21, iov_len=-1))
    assert result == ProgramResult("", "", None)


def test_clock_time_get(tmp_path: Path) -> None:
    # Traps unless: realtime is after 2020, monotonic does not go back,
    # an unknown clock is NOTSUP (58).
    wat = f"""
    (module
      {CLOCK_TIME_GET}
      (memory (export "memory") 1)
      (func (export "_initialize")
        (if (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 8)) (then unreachable))
        (if (i64.lt_u (i64.load (i32.const 8)) (i64.const 1577836800000000000))
          (then unreachable))
        (if (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 16)) (then unreachable))
        (if (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 24)) (then unreachable))
        (if (i64.lt_u (i64.load (i32.const 24)) (i64.load (i32.const 16))) (then unreachable))
        (if (i32.ne (call $clock_time_get (i32.const 7) (i64.const 1) (i32.const 8))
                    (i32.const 58))
          (then unreachable))))
    """
    assert run_wat(tmp_path, wat) == ProgramResult("", "", None)


def test_trap_is_reported_not_raised(tmp_path: Path) -> None:
    result = run_wat(tmp_path, '(module (func (export "_initialize") unreachable))')
    assert result.stdout == "" and result.stderr == ""
    assert result.trap is not None and result.trap.startswith("unreachable: ")
    assert "wasm trap: wasm `unreachable` instruction executed" in result.trap


def test_output_printed_before_a_trap_is_kept(tmp_path: Path) -> None:
    wat = writer("partial\n").replace(
        "(then unreachable))))", "(then unreachable)) (unreachable)))"
    )
    result = run_wat(tmp_path, wat)
    assert result.stdout == "partial\n"
    assert result.trap is not None and result.trap.startswith("unreachable: ")


def test_infinite_loop_runs_out_of_fuel_quickly(tmp_path: Path) -> None:
    wat = '(module (func (export "_initialize") (loop $forever (br $forever))))'
    started = time.monotonic()
    result = run_program(assemble(tmp_path, wat))  # the default fuel
    assert time.monotonic() - started < 5
    assert result.trap is not None and result.trap.startswith("out_of_fuel: ")


def test_unbounded_run_finishes_a_long_finite_loop(tmp_path: Path) -> None:
    # 2 million iterations: more than the 10 million fuel given by run_wat allows.
    wat = """
    (module (func (export "_initialize") (local $i i32)
      (loop $again
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $again (i32.lt_u (local.get $i) (i32.const 2000000))))))
    """
    assert run_wat(tmp_path, wat).trap is not None
    assert run_wat(tmp_path, wat, fuel=None).trap is None


def test_runaway_recursion_is_a_stack_overflow_trap(tmp_path: Path) -> None:
    wat = '(module (func $f (call $f)) (func (export "_initialize") (call $f)))'
    result = run_wat(tmp_path, wat, fuel=None)
    assert result.trap is not None and result.trap.startswith("stack_overflow: ")


def test_trap_in_start_function_is_reported(tmp_path: Path) -> None:
    wat = "(module (func $boom unreachable) (start $boom))"
    result = run_wat(tmp_path, wat)
    assert result.trap is not None and result.trap.startswith("unreachable: ")


def test_start_is_run_when_there_is_no_initialize(tmp_path: Path) -> None:
    wat = writer("from _start\n").replace('"_initialize"', '"_start"')
    assert run_wat(tmp_path, wat).stdout == "from _start\n"


def test_module_without_entry_point_prints_nothing(tmp_path: Path) -> None:
    assert run_wat(tmp_path, "(module)") == ProgramResult("", "", None)


def test_entry_point_with_wrong_signature_is_refused(tmp_path: Path) -> None:
    wat = '(module (func (export "_initialize") (param i32)))'
    with pytest.raises(ProgramLoadError, match="_initialize is not a function"):
        run_wat(tmp_path, wat)


def test_other_import_is_refused_by_name(tmp_path: Path) -> None:
    wat = '(module (import "env" "proxy_log" (func (param i32 i32 i32) (result i32))))'
    with pytest.raises(ProgramLoadError, match=r"imports env\.proxy_log, which"):
        run_wat(tmp_path, wat)


def test_other_wasi_import_is_refused_by_name(tmp_path: Path) -> None:
    wat = '(module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32))))'
    with pytest.raises(ProgramLoadError, match=r"wasi_snapshot_preview1\.proc_exit"):
        run_wat(tmp_path, wat)


def test_mistyped_fd_write_is_refused(tmp_path: Path) -> None:
    wat = '(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32) (result i32))))'
    with pytest.raises(ProgramLoadError, match=r"as \(i32\) -> \(i32\), expected"):
        run_wat(tmp_path, wat)


def test_invalid_wasm_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProgramLoadError, match="not a valid wasm module"):
        run_program(b"\0asm\x01\0\0\0garbage")
