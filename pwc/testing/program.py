"""Run a compiled pwc program in wasmtime and capture what it prints.

A pwc program is a reactor-style module: its module-level statements run in
the exported `_initialize`, and `print` is a WASI `fd_write` to fd 1.  This
harness is the wasm half of the differential tests (`tests/programs/`): it
provides exactly the WASI functions Envoy would (those two that pwc uses), so
a program that imports anything else fails loudly here rather than at load
time in Envoy.

Execution is bounded by wasmtime fuel, so an infinite loop ends as an
`out_of_fuel` trap instead of hanging the test run.  Traps never escape as
exceptions: they are part of the result, next to the output printed so far.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable
from dataclasses import dataclass

import wasmtime

# About one fuel unit per wasm instruction: enough for any corpus program by a
# wide margin, while an infinite loop burns through it in well under a second.
DEFAULT_FUEL = 1_000_000_000

WASI_MODULE = "wasi_snapshot_preview1"

# WASI errno values (abi.md §4.11).
ERRNO_SUCCESS = 0
ERRNO_BADF = 8
ERRNO_FAULT = 21
ERRNO_NOTSUP = 58


@dataclass(frozen=True)
class ProgramResult:
    """What a program printed, and how it ended.

    `stdout`/`stderr` are the bytes written to fd 1/2, decoded as UTF-8 with
    `surrogateescape`, so two results compare equal exactly when the bytes
    do.  `trap` is None when execution finished, else `"<kind>: <message>"`
    with kind a wasmtime trap code in lower case (`out_of_fuel`,
    `unreachable`, `stack_overflow`, ...).
    """

    stdout: str
    stderr: str
    trap: str | None


class ProgramLoadError(Exception):
    """The module cannot run here: invalid wasm, an import this harness does
    not provide, or an entry point with the wrong signature."""


def run_program(wasm: bytes, *, fuel: int | None = DEFAULT_FUEL) -> ProgramResult:
    """Instantiate `wasm`, run `_initialize` (or `_start` if that is what it
    exports) and return what it printed.  `fuel=None` runs without a bound."""
    config = wasmtime.Config()
    config.consume_fuel = fuel is not None
    engine = wasmtime.Engine(config)
    try:
        module = wasmtime.Module(engine, wasm)
    except wasmtime.WasmtimeError as e:
        raise ProgramLoadError(f"not a valid wasm module: {e}") from e
    store = wasmtime.Store(engine)
    if fuel is not None:
        store.set_fuel(fuel)
    output = _Output()
    imports = [_provide(store, imp, output) for imp in module.imports]
    try:
        instance = wasmtime.Instance(store, module, imports)
        entry = _entry_point(store, instance)
        if entry is not None:
            entry(store)
    except wasmtime.Trap as trap:
        return output.result(_describe(trap))
    except wasmtime.WasmtimeError as e:
        raise ProgramLoadError(f"cannot instantiate the module: {e}") from e
    return output.result(None)


class _Output:
    """The bytes one run writes to stdout and stderr.  Mutable on purpose:
    the host functions append to it while the program runs; it lives exactly
    as long as one `run_program` call."""

    def __init__(self) -> None:
        self.stdout = bytearray()
        self.stderr = bytearray()

    def result(self, trap: str | None) -> ProgramResult:
        return ProgramResult(_decode(self.stdout), _decode(self.stderr), trap)


def _decode(data: bytearray) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def _describe(trap: wasmtime.Trap) -> str:
    code = trap.trap_code
    kind = "trap" if code is None else code.name.lower()
    return f"{kind}: {trap.message.strip()}"


def _entry_point(store: wasmtime.Store, instance: wasmtime.Instance) -> wasmtime.Func | None:
    exports = instance.exports(store)
    for name in ("_initialize", "_start"):
        if name not in exports:
            continue
        entry = exports[name]
        if not isinstance(entry, wasmtime.Func) or _signature(entry.type(store)) != "() -> ()":
            raise ProgramLoadError(f"the export {name} is not a function () -> ()")
        return entry
    return None


# --- the WASI functions on offer ---------------------------------------------

HostFunction = Callable[..., int]


def _provide(store: wasmtime.Store, imp: wasmtime.ImportType, output: _Output) -> wasmtime.Func:
    i32, i64 = wasmtime.ValType.i32(), wasmtime.ValType.i64()
    offered: dict[str, tuple[wasmtime.FuncType, HostFunction]] = {
        "fd_write": (wasmtime.FuncType([i32, i32, i32, i32], [i32]), _fd_write_into(output)),
        "clock_time_get": (wasmtime.FuncType([i32, i64, i32], [i32]), _clock_time_get),
    }
    name = f"{imp.module}.{imp.name}"
    if imp.module != WASI_MODULE or imp.name not in offered:
        available = ", ".join(f"{WASI_MODULE}.{n}" for n in offered)
        raise ProgramLoadError(
            f"the program imports {name}, which run_program does not provide "
            f"(available: {available})"
        )
    functype, function = offered[imp.name]
    wanted = _signature(functype)
    actual = _signature(imp.type) if isinstance(imp.type, wasmtime.FuncType) else "not a function"
    if actual != wanted:
        raise ProgramLoadError(f"the program imports {name} as {actual}, expected {wanted}")
    return wasmtime.Func(store, functype, function, access_caller=True)


def _signature(functype: wasmtime.FuncType) -> str:
    params = " ".join(str(t) for t in functype.params)
    results = " ".join(str(t) for t in functype.results)
    return f"({params}) -> ({results})"


def _fd_write_into(output: _Output) -> HostFunction:
    def fd_write(caller: wasmtime.Caller, fd: int, iovs: int, iovs_len: int, nwritten: int) -> int:
        match fd:
            case 1:  # stdout: print
                sink = output.stdout
            case 2:  # stderr
                sink = output.stderr
            case _:
                return ERRNO_BADF
        # The ABI's pointers and lengths are u32; wasmtime hands i32s over signed.
        iovs, iovs_len, nwritten = iovs & 0xFFFFFFFF, iovs_len & 0xFFFFFFFF, nwritten & 0xFFFFFFFF
        table = _read(caller, iovs, 8 * iovs_len)
        if table is None:
            return ERRNO_FAULT
        data = bytearray()
        for ptr, length in struct.iter_unpack("<II", table):
            piece = _read(caller, ptr, length)
            if piece is None:
                return ERRNO_FAULT
            data += piece
        if not _write(caller, nwritten, struct.pack("<I", len(data))):
            return ERRNO_FAULT
        # Only a write that succeeded as a whole is captured.
        sink += data
        return ERRNO_SUCCESS

    return fd_write


def _clock_time_get(caller: wasmtime.Caller, clock_id: int, precision: int, result: int) -> int:
    match clock_id:
        case 0:  # realtime: ns since the Unix epoch
            now = time.time_ns()
        case 1:  # monotonic
            now = time.monotonic_ns()
        case _:
            return ERRNO_NOTSUP
    if not _write(caller, result & 0xFFFFFFFF, struct.pack("<Q", now)):
        return ERRNO_FAULT
    return ERRNO_SUCCESS


def _memory(caller: wasmtime.Caller) -> wasmtime.Memory | None:
    memory = caller.get("memory")
    return memory if isinstance(memory, wasmtime.Memory) else None


def _read(caller: wasmtime.Caller, address: int, length: int) -> bytes | None:
    """`length` bytes at `address`, or None if the range is outside memory."""
    memory = _memory(caller)
    if memory is None or address + length > memory.data_len(caller):
        return None
    return bytes(memory.read(caller, address, address + length))


def _write(caller: wasmtime.Caller, address: int, data: bytes) -> bool:
    memory = _memory(caller)
    if memory is None or address + len(data) > memory.data_len(caller):
        return False
    memory.write(caller, data, address)
    return True
