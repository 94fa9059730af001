"""Run a compiled plugin module in wasmtime against the host model.

The module is checked and linked the way Envoy 1.40 does it (abi.md §1):
an ABI marker, an allocator export, exact callback signatures, and every
import provided with the identical type — otherwise PluginLoadError with
Envoy's reason.  Each `env.proxy_*` import reads its inputs from linear
memory, calls the host model, and hands results back through the module's
allocator and return slots; bad pointers give status 6, never a trap (the
metric calls' i64 argument arrives signed, as the module passed it).  WASI
`fd_write` (fd 1 = info log, fd 2 = error log) and `clock_time_get` are
there too.  A trap in a callback becomes PluginTrap naming the callback.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable
from dataclasses import dataclass

import wasmtime

from pwc.testing.abi import ABI_MARKERS, CALLBACK_SIGNATURES, LEGACY_ABI_MARKER, LogLevel, Status
from pwc.testing.errors import PluginLoadError, PluginTrap, StatusError
from pwc.testing.host import HostModel, Phase
from pwc.testing.http_stream import decode_text
from pwc.testing.wire import decode_map, encode_map

_U32 = 0xFFFFFFFF
WASI_MODULES = ("wasi_snapshot_preview1", "wasi_unstable")

# Fuel for one callback (about one unit per wasm instruction): far more than
# any plugin needs, while an infinite loop ends as a trap within a second.
CALLBACK_FUEL = 1_000_000_000

# WASI errno values (abi.md §4.11).
ERRNO_SUCCESS = 0
ERRNO_BADF = 8
ERRNO_FAULT = 21
ERRNO_NOTSUP = 58


class Guest:
    """The module's memory and allocator, as seen during one host call."""

    def __init__(self, plugin: WasmPlugin, caller: wasmtime.Caller) -> None:
        self._plugin = plugin
        self._caller = caller

    def read(self, address: int, size: int) -> bytes:
        memory = self._plugin.memory
        self._check_range(memory, address, size)
        if size == 0:
            return b""
        return bytes(memory.read(self._caller, address, address + size))

    def write(self, address: int, data: bytes) -> None:
        memory = self._plugin.memory
        self._check_range(memory, address, len(data))
        if data:
            memory.write(self._caller, data, address)

    def _check_range(self, memory: wasmtime.Memory, address: int, size: int) -> None:
        if address + size > memory.data_len(self._caller):
            raise StatusError(
                Status.INVALID_MEMORY_ACCESS, f"[{address}, {address + size}) is outside memory"
            )

    def write_u32(self, address: int, value: int) -> None:
        self.write(address, struct.pack("<I", value & _U32))

    def write_u64(self, address: int, value: int) -> None:
        self.write(address, struct.pack("<Q", value & 0xFFFFFFFFFFFFFFFF))

    def give(self, data: bytes, data_slot: int, size_slot: int) -> None:
        """Return variable-size data the way Envoy does: copy it into memory
        from the module's allocator, then fill the two return slots (an empty
        result is (0, 0), without an allocation)."""
        address = self.allocate(len(data)) if data else 0
        self.write(address, data)
        self.write_u32(data_slot, address)
        self.write_u32(size_slot, len(data))

    def allocate(self, size: int) -> int:
        host = self._plugin.host
        outer = host.phase
        host.phase = Phase.ALLOCATOR
        try:
            address = int(self._plugin.allocator(self._caller, _signed(size))) & _U32
        finally:
            host.phase = outer
        if address == 0:
            raise StatusError(Status.INVALID_MEMORY_ACCESS, "the allocator returned 0")
        return address


@dataclass(frozen=True)
class HostFunction:
    params: tuple[str, ...]  # "i32" / "i64"
    results: tuple[str, ...]
    run: Callable[..., int]  # (guest, *args) -> status or errno

    def functype(self) -> wasmtime.FuncType:
        params = [_valtype(p) for p in self.params]
        return wasmtime.FuncType(params, [_valtype(r) for r in self.results])


def _valtype(name: str) -> wasmtime.ValType:
    return wasmtime.ValType.i64() if name == "i64" else wasmtime.ValType.i32()


def _i32s(count: int) -> tuple[str, ...]:
    return ("i32",) * count


class EnvImports:
    """The `env.proxy_*` functions, each (guest, u32 args...) -> status."""

    def __init__(self, host: HostModel) -> None:
        self.host = host

    def table(self) -> dict[str, HostFunction]:
        functions: dict[str, tuple[int, Callable[..., None]]] = {
            "proxy_log": (3, self.log),
            "proxy_get_log_level": (1, self.get_log_level),
            "proxy_get_current_time_nanoseconds": (1, self.get_current_time_nanoseconds),
            "proxy_set_tick_period_milliseconds": (1, self.set_tick_period_milliseconds),
            "proxy_get_buffer_bytes": (5, self.get_buffer_bytes),
            "proxy_set_buffer_bytes": (5, self.set_buffer_bytes),
            "proxy_get_buffer_status": (3, self.get_buffer_status),
            "proxy_get_header_map_pairs": (3, self.get_header_map_pairs),
            "proxy_set_header_map_pairs": (3, self.set_header_map_pairs),
            "proxy_get_header_map_value": (5, self.get_header_map_value),
            "proxy_get_header_map_size": (2, self.get_header_map_size),
            "proxy_add_header_map_value": (5, self.add_header_map_value),
            "proxy_replace_header_map_value": (5, self.replace_header_map_value),
            "proxy_remove_header_map_value": (3, self.remove_header_map_value),
            "proxy_continue_stream": (1, self.continue_stream),
            "proxy_close_stream": (1, self.close_stream),
            "proxy_send_local_response": (8, self.send_local_response),
            "proxy_set_effective_context": (1, self.set_effective_context),
            "proxy_done": (0, self.done),
            "proxy_get_property": (4, self.get_property),
            "proxy_set_property": (4, self.set_property),
            "proxy_get_shared_data": (5, self.get_shared_data),
            "proxy_set_shared_data": (5, self.set_shared_data),
            "proxy_register_shared_queue": (3, self.register_shared_queue),
            "proxy_resolve_shared_queue": (5, self.resolve_shared_queue),
            "proxy_enqueue_shared_queue": (3, self.enqueue_shared_queue),
            "proxy_dequeue_shared_queue": (3, self.dequeue_shared_queue),
            "proxy_define_metric": (4, self.define_metric),
            "proxy_get_metric": (2, self.get_metric),
            "proxy_http_call": (10, self.http_call),
            "proxy_get_status": (3, self.get_status),
            "proxy_call_foreign_function": (6, self.call_foreign_function),
        }
        table = {
            name: HostFunction(_i32s(arity), ("i32",), _with_status(name, self.host, run))
            for name, (arity, run) in functions.items()
        }
        # The ABI's only i64 parameters: a metric's offset or value.
        for name, run in (
            ("proxy_increment_metric", self.increment_metric),
            ("proxy_record_metric", self.record_metric),
        ):
            table[name] = HostFunction(("i32", "i64"), ("i32",), _with_status_i64(run))
        return table

    def log(self, guest: Guest, level: int, data: int, size: int) -> None:
        self.host.log(level, guest.read(data, size))

    def get_log_level(self, guest: Guest, result: int) -> None:
        guest.write_u32(result, self.host.get_log_level())

    def get_current_time_nanoseconds(self, guest: Guest, result: int) -> None:
        guest.write_u64(result, self.host.get_current_time_nanoseconds())

    def set_tick_period_milliseconds(self, guest: Guest, period: int) -> None:
        self.host.set_tick_period_milliseconds(period)

    def get_buffer_bytes(
        self, guest: Guest, kind: int, start: int, max_size: int, data_slot: int, size_slot: int
    ) -> None:
        guest.give(self.host.get_buffer_bytes(kind, start, max_size), data_slot, size_slot)

    def set_buffer_bytes(
        self, guest: Guest, kind: int, start: int, size: int, data: int, data_size: int
    ) -> None:
        self.host.set_buffer_bytes(kind, start, size, guest.read(data, data_size))

    def get_buffer_status(self, guest: Guest, kind: int, size_slot: int, flags_slot: int) -> None:
        size = self.host.get_buffer_status(kind)
        guest.write_u32(size_slot, size)
        guest.write_u32(flags_slot, 0)

    def get_header_map_pairs(self, guest: Guest, kind: int, data_slot: int, size_slot: int) -> None:
        guest.give(encode_map(self.host.get_header_map_pairs(kind)), data_slot, size_slot)

    def set_header_map_pairs(self, guest: Guest, kind: int, data: int, size: int) -> None:
        # A map Envoy cannot parse is taken as an empty map, and still OK.
        pairs = decode_map(guest.read(data, size))
        self.host.set_header_map_pairs(kind, pairs if pairs is not None else [])

    def get_header_map_value(
        self, guest: Guest, kind: int, key: int, key_size: int, data_slot: int, size_slot: int
    ) -> None:
        value = self.host.get_header_map_value(kind, guest.read(key, key_size))
        guest.give(value, data_slot, size_slot)

    def get_header_map_size(self, guest: Guest, kind: int, result: int) -> None:
        guest.write_u32(result, self.host.get_header_map_size(kind))

    def add_header_map_value(
        self, guest: Guest, kind: int, key: int, key_size: int, value: int, value_size: int
    ) -> None:
        self.host.add_header_map_value(
            kind, guest.read(key, key_size), guest.read(value, value_size)
        )

    def replace_header_map_value(
        self, guest: Guest, kind: int, key: int, key_size: int, value: int, value_size: int
    ) -> None:
        self.host.replace_header_map_value(
            kind, guest.read(key, key_size), guest.read(value, value_size)
        )

    def remove_header_map_value(self, guest: Guest, kind: int, key: int, key_size: int) -> None:
        self.host.remove_header_map_value(kind, guest.read(key, key_size))

    def continue_stream(self, guest: Guest, kind: int) -> None:
        self.host.continue_stream(kind)

    def close_stream(self, guest: Guest, kind: int) -> None:
        self.host.close_stream(kind)

    def send_local_response(
        self,
        guest: Guest,
        status_code: int,
        details: int,
        details_size: int,
        body: int,
        body_size: int,
        headers: int,
        headers_size: int,
        grpc_status: int,
    ) -> None:
        pairs = decode_map(guest.read(headers, headers_size))
        self.host.send_local_response(
            status_code,
            guest.read(details, details_size),
            guest.read(body, body_size),
            pairs if pairs is not None else [],
            _signed(grpc_status),
        )

    def set_effective_context(self, guest: Guest, context_id: int) -> None:
        self.host.set_effective_context(context_id)

    def done(self, guest: Guest) -> None:
        self.host.done()

    def get_property(
        self, guest: Guest, path: int, path_size: int, data_slot: int, size_slot: int
    ) -> None:
        guest.give(self.host.get_property(guest.read(path, path_size)), data_slot, size_slot)

    def set_property(
        self, guest: Guest, path: int, path_size: int, value: int, value_size: int
    ) -> None:
        self.host.set_property(guest.read(path, path_size), guest.read(value, value_size))

    def get_shared_data(
        self, guest: Guest, key: int, key_size: int, data_slot: int, size_slot: int, cas_slot: int
    ) -> None:
        value, cas = self.host.get_shared_data(guest.read(key, key_size))
        guest.give(value, data_slot, size_slot)
        guest.write_u32(cas_slot, cas)

    def set_shared_data(
        self, guest: Guest, key: int, key_size: int, value: int, value_size: int, cas: int
    ) -> None:
        self.host.set_shared_data(guest.read(key, key_size), guest.read(value, value_size), cas)

    def register_shared_queue(self, guest: Guest, name: int, name_size: int, result: int) -> None:
        guest.write_u32(result, self.host.register_shared_queue(guest.read(name, name_size)))

    def resolve_shared_queue(
        self, guest: Guest, vm_id: int, vm_id_size: int, name: int, name_size: int, result: int
    ) -> None:
        token = self.host.resolve_shared_queue(
            guest.read(vm_id, vm_id_size), guest.read(name, name_size)
        )
        guest.write_u32(result, token)

    def enqueue_shared_queue(self, guest: Guest, token: int, data: int, size: int) -> None:
        self.host.enqueue_shared_queue(token, guest.read(data, size))

    def dequeue_shared_queue(
        self, guest: Guest, token: int, data_slot: int, size_slot: int
    ) -> None:
        guest.give(self.host.dequeue_shared_queue(token), data_slot, size_slot)

    def define_metric(
        self, guest: Guest, kind: int, name: int, name_size: int, result: int
    ) -> None:
        guest.write_u32(result, self.host.define_metric(kind, guest.read(name, name_size)))

    def increment_metric(self, guest: Guest, metric_id: int, offset: int) -> None:
        self.host.increment_metric(metric_id, offset)

    def record_metric(self, guest: Guest, metric_id: int, value: int) -> None:
        self.host.record_metric(metric_id, value)

    def get_metric(self, guest: Guest, metric_id: int, result: int) -> None:
        guest.write_u64(result, self.host.get_metric(metric_id))

    def http_call(
        self,
        guest: Guest,
        cluster: int,
        cluster_size: int,
        headers: int,
        headers_size: int,
        body: int,
        body_size: int,
        trailers: int,
        trailers_size: int,
        timeout_milliseconds: int,
        result: int,
    ) -> None:
        # Maps Envoy cannot parse are taken as empty, which it then refuses.
        header_pairs = decode_map(guest.read(headers, headers_size)) or []
        trailer_pairs = decode_map(guest.read(trailers, trailers_size)) or []
        token = self.host.http_call(
            guest.read(cluster, cluster_size),
            header_pairs,
            guest.read(body, body_size),
            trailer_pairs,
            timeout_milliseconds,
        )
        guest.write_u32(result, token)

    def get_status(self, guest: Guest, code_slot: int, data_slot: int, size_slot: int) -> None:
        code, message = self.host.get_status()
        guest.write_u32(code_slot, code)
        guest.give(message.encode(), data_slot, size_slot)

    def call_foreign_function(
        self,
        guest: Guest,
        name: int,
        name_size: int,
        argument: int,
        argument_size: int,
        data_slot: int,
        size_slot: int,
    ) -> None:
        result = self.host.call_foreign_function(
            guest.read(name, name_size), guest.read(argument, argument_size)
        )
        guest.give(result, data_slot, size_slot)


def _with_status(name: str, host: HostModel, run: Callable[..., None]) -> Callable[..., int]:
    """Adapt a host call: u32 arguments in, the status out (StatusError -> its code)."""

    def call(guest: Guest, *args: int) -> int:
        host.require_allowed(name)
        try:
            run(guest, *(a & _U32 for a in args))
        except StatusError as e:
            return e.status
        return Status.OK

    return call


def _with_status_i64(run: Callable[..., None]) -> Callable[..., int]:
    """Like _with_status for (i32, i64) imports: the i64 stays signed."""

    def call(guest: Guest, metric_id: int, value: int) -> int:
        try:
            run(guest, metric_id & _U32, value)
        except StatusError as e:
            return e.status
        return Status.OK

    return call


class WasiImports:
    """The two WASI functions pwc programs use (Envoy provides them all, §1.2)."""

    def __init__(self, host: HostModel) -> None:
        self.host = host

    def table(self) -> dict[str, HostFunction]:
        return {
            "fd_write": HostFunction(_i32s(4), ("i32",), self.fd_write),
            "clock_time_get": HostFunction(("i32", "i64", "i32"), ("i32",), self.clock_time_get),
        }

    def fd_write(self, guest: Guest, fd: int, iovs: int, iovs_len: int, written: int) -> int:
        fd, iovs, iovs_len, written = fd & _U32, iovs & _U32, iovs_len & _U32, written & _U32
        match fd:
            case 1:
                level = LogLevel.INFO
            case 2:
                level = LogLevel.ERROR
            case _:
                return ERRNO_BADF
        try:
            table = guest.read(iovs, 8 * iovs_len)
            data = b"".join(
                guest.read(address, size) for address, size in struct.iter_unpack("<II", table)
            )
            guest.write_u32(written, len(data))
        except StatusError:
            return ERRNO_FAULT
        # Envoy logs each write as one line, minus one trailing newline.
        self.host.record_log(level, decode_text(data.removesuffix(b"\n")))
        return ERRNO_SUCCESS

    def clock_time_get(self, guest: Guest, clock_id: int, precision: int, result: int) -> int:
        match clock_id & _U32:
            case 0:
                now = self.host.clock_ns()
            case 1:
                now = time.monotonic_ns()
            case _:
                return ERRNO_NOTSUP
        try:
            guest.write_u64(result & _U32, now)
        except StatusError:
            return ERRNO_FAULT
        return ERRNO_SUCCESS


class WasmPlugin:
    """A compiled plugin instantiated in wasmtime (implements PluginRuntime)."""

    def __init__(self, wasm: bytes, host: HostModel, memory_limit: int | None = None) -> None:
        self.host = host
        config = wasmtime.Config()
        config.consume_fuel = True
        engine = wasmtime.Engine(config)
        try:
            module = wasmtime.Module(engine, wasm)
        except wasmtime.WasmtimeError as e:
            raise PluginLoadError(f"not a valid wasm module: {e}") from None
        self.store = wasmtime.Store(engine)
        self.store.set_fuel(CALLBACK_FUEL)
        if memory_limit is not None:
            self.store.set_limits(memory_size=memory_limit)
        imports = [self._provide(imp) for imp in module.imports]
        try:
            instance = wasmtime.Instance(self.store, module, imports)
        except (wasmtime.WasmtimeError, wasmtime.Trap) as e:
            raise PluginLoadError(f"cannot instantiate the module: {e}") from None
        self._exports: dict[str, wasmtime.Func] = {}
        memories: list[wasmtime.Memory] = []
        for name, item in instance.exports(self.store).items():
            if isinstance(item, wasmtime.Func):
                self._exports[name] = item
            elif isinstance(item, wasmtime.Memory):
                memories.append(item)
        if not memories:
            raise PluginLoadError(
                "the module exports no memory; Envoy needs one (it would crash at the first "
                "host call)"
            )
        self.memory = memories[0]
        self._check_marker(module)
        self._check_signatures()
        # Envoy prefers `malloc` when both are exported (abi.md §1.1).
        allocator = self._exports.get("malloc") or self._exports.get("proxy_on_memory_allocate")
        if allocator is None:
            raise PluginLoadError(
                "the module exports neither malloc nor proxy_on_memory_allocate; "
                "Envoy rejects it (missing malloc function)"
            )
        self.allocator = allocator
        self._run_start_functions()

    # --- PluginRuntime ------------------------------------------------------

    def has_export(self, name: str) -> bool:
        return name in self._exports

    def memory_size(self) -> int | None:
        return int(self.memory.data_len(self.store))

    def call(self, name: str, *args: int) -> int:
        self.store.set_fuel(CALLBACK_FUEL)
        try:
            result = self._exports[name](self.store, *(_signed(a) for a in args))
        except wasmtime.Trap as trap:
            raise PluginTrap(_describe_trap(f"{name}{args}", trap)) from None
        except wasmtime.WasmtimeError as e:
            raise PluginTrap(f"{name}{args} failed in wasmtime: {e}") from None
        return 0 if result is None else int(result) & _U32

    # --- loading ------------------------------------------------------------

    def _provide(self, imp: wasmtime.ImportType) -> wasmtime.Func:
        name = f"{imp.module}.{imp.name}"
        offered: dict[str, HostFunction] = {}
        if imp.module == "env":
            offered = EnvImports(self.host).table()
        elif imp.module in WASI_MODULES:
            offered = WasiImports(self.host).table()
        function = offered.get(imp.name or "")
        if function is None:
            raise PluginLoadError(
                f"the module imports {name}, which pwc.testing does not provide "
                "(Envoy would fail with \"missing import\" if it does not know it either)"
            )
        wanted = function.functype()
        actual = imp.type
        if not isinstance(actual, wasmtime.FuncType) or _signature(actual) != _signature(wanted):
            shown = (
                _signature(actual) if isinstance(actual, wasmtime.FuncType) else "not a function"
            )
            raise PluginLoadError(
                f"import type mismatch for {name}: the module wants {shown}, the host "
                f"exports {_signature(wanted)}"
            )
        run = function.run

        def trampoline(caller: wasmtime.Caller, *args: int) -> int:
            return run(Guest(self, caller), *args)

        return wasmtime.Func(self.store, wanted, trampoline, access_caller=True)

    def _check_marker(self, module: wasmtime.Module) -> None:
        for export in module.exports:
            if export.name in ABI_MARKERS:
                if not isinstance(export.type, wasmtime.FuncType):
                    break
                return
            if export.name == LEGACY_ABI_MARKER:
                raise PluginLoadError(
                    f"the module is for ABI 0.1.0 ({LEGACY_ABI_MARKER}); pwc.testing "
                    "emulates ABI 0.2.x only"
                )
        raise PluginLoadError(
            "the module exports no proxy_abi_version_0_2_1 function; Envoy rejects it "
            "(Missing or unknown Proxy-Wasm ABI version)"
        )

    def _check_signatures(self) -> None:
        for name, func in self._exports.items():
            expected = CALLBACK_SIGNATURES.get(name)
            if expected is None:
                continue
            count, has_result = expected
            wanted = wasmtime.FuncType(
                [wasmtime.ValType.i32()] * count, [wasmtime.ValType.i32()] if has_result else []
            )
            actual = func.type(self.store)
            if _signature(actual) != _signature(wanted):
                raise PluginLoadError(
                    f"Bad function signature for {name}: {_signature(actual)}, Envoy expects "
                    f"{_signature(wanted)}"
                )

    def _run_start_functions(self) -> None:
        """Envoy's order: `_initialize` then `main(0, 0)`; else `_start` (§1.1)."""
        calls: list[tuple[str, tuple[int, ...]]] = []
        if "_initialize" in self._exports:
            calls.append(("_initialize", ()))
            if "main" in self._exports:
                calls.append(("main", (0, 0)))
        elif "_start" in self._exports:
            calls.append(("_start", ()))
        self.host.phase = Phase.START
        try:
            for name, args in calls:
                self.call(name, *args)
        except PluginTrap as e:
            raise PluginLoadError(f"the module's start function failed: {e}") from None
        finally:
            self.host.phase = Phase.IDLE


def _signed(value: int) -> int:
    """A u32 as the i32 wasmtime expects."""
    value &= _U32
    return value - (1 << 32) if value >= 1 << 31 else value


def _signature(functype: wasmtime.FuncType) -> str:
    params = " ".join(str(t) for t in functype.params)
    results = " ".join(str(t) for t in functype.results)
    return f"({params}) -> ({results})"


def _describe_trap(where: str, trap: wasmtime.Trap) -> str:
    frames = []
    for frame in trap.frames:
        frames.append(f"  in {frame.func_name or f'function #{frame.func_index}'}")
    code = trap.trap_code
    kind = "trap" if code is None else code.name.lower()
    detail = "\n".join(frames)
    return (
        f"{where} trapped ({kind}): {trap.message.strip()}\n{detail}\n"
        "A trap is a bug: in Envoy it kills the plugin instance (fail closed)."
    ).replace("\n\n", "\n")

