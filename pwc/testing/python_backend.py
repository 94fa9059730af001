"""Run a plugin's source under CPython against the host model.

Each PythonPlugin loads its own copies of the `proxywasm` package and of the
plugin module (and of any module beside it), so emulators never share SDK
state: the context registry, the VM context set by `set_vm_context`, module
globals.  The copy's `proxywasm._host` functions (the SDK's bottom layer,
wasm-only) are replaced by SdkHost's methods, which speak to the host model
with the same conventions as the wasm bottom layer: strings encoded with
surrogateescape, u32 arguments, non-OK statuses raised through the SDK's own
`_errors.check_status`, so plugin code sees identical exceptions.

The emulator then calls the SDK's dispatch functions, which are named after
the wasm exports they become; only those the compiled module would export
exist (see sdk_exports), so both backends see the same callbacks.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TypeVar

from pwc.testing.abi import LogLevel, Status
from pwc.testing.errors import EmulatorError, PluginLoadError, PluginTrap, StatusError
from pwc.testing.host import HostModel, Phase
from pwc.testing.http_stream import decode_text, encode_text, text_pairs_to_bytes
from pwc.testing.sdk_exports import is_exported, read_export_rules
from pwc.testing.wire import decode_map

SDK_PACKAGE = "proxywasm"
INTRINSICS_MODULE = "pwc_intrinsics"
_U32 = 0xFFFFFFFF
T = TypeVar("T")


def _i64(value: int) -> int:
    """`value` as the wasm i64 it would be in compiled code."""
    value &= (1 << 64) - 1
    return value - (1 << 64) if value >= 1 << 63 else value


class SdkHost:
    """`proxywasm._host` implemented on the host model (see stdlib/proxywasm/_host.py)."""

    def __init__(self, host: HostModel, check_status: Callable[[int, str], None]) -> None:
        self._host = host
        self._check_status = check_status

    def _fail(self, error: StatusError, call: str) -> NoReturn:
        """Raise what the wasm bottom layer raises for this status."""
        self._check_status(error.status, call)
        raise AssertionError(f"proxywasm accepted the non-OK status {error.status}")

    def log(self, level: int, message: str) -> None:
        try:
            self._host.log(level & _U32, encode_text(message))
        except StatusError:
            pass  # like the wasm layer: a log call never raises

    def get_current_time_ns(self) -> int:
        return self._host.get_current_time_nanoseconds()

    def set_tick_period(self, milliseconds: int) -> None:
        try:
            self._host.set_tick_period_milliseconds(milliseconds & _U32)
        except StatusError as e:
            self._fail(e, "proxy_set_tick_period_milliseconds")

    def get_buffer(self, kind: int, start: int, max_size: int) -> bytes:
        try:
            return self._host.get_buffer_bytes(kind & _U32, start & _U32, max_size & _U32)
        except StatusError as e:
            self._fail(e, "proxy_get_buffer_bytes")

    def set_buffer(self, kind: int, start: int, size: int, data: bytes) -> None:
        try:
            self._host.set_buffer_bytes(kind & _U32, start & _U32, size & _U32, data)
        except StatusError as e:
            self._fail(e, "proxy_set_buffer_bytes")

    def get_map(self, kind: int) -> list[tuple[str, str]]:
        try:
            pairs = self._host.get_header_map_pairs(kind & _U32)
        except StatusError as e:
            self._fail(e, "proxy_get_header_map_pairs")
        return [(decode_text(k), decode_text(v)) for k, v in pairs]

    def set_map(self, kind: int, pairs: list[tuple[str, str]]) -> None:
        try:
            self._host.set_header_map_pairs(kind & _U32, text_pairs_to_bytes(pairs))
        except StatusError as e:
            self._fail(e, "proxy_set_header_map_pairs")

    def get_map_value(self, kind: int, key: str) -> str | None:
        try:
            return decode_text(self._host.get_header_map_value(kind & _U32, encode_text(key)))
        except StatusError as e:
            if e.status == Status.NOT_FOUND:
                return None
            self._fail(e, "proxy_get_header_map_value")

    def add_map_value(self, kind: int, key: str, value: str) -> None:
        try:
            self._host.add_header_map_value(kind & _U32, encode_text(key), encode_text(value))
        except StatusError as e:
            self._fail(e, "proxy_add_header_map_value")

    def replace_map_value(self, kind: int, key: str, value: str) -> None:
        try:
            self._host.replace_header_map_value(
                kind & _U32, encode_text(key), encode_text(value)
            )
        except StatusError as e:
            self._fail(e, "proxy_replace_header_map_value")

    def remove_map_value(self, kind: int, key: str) -> None:
        try:
            self._host.remove_header_map_value(kind & _U32, encode_text(key))
        except StatusError as e:
            self._fail(e, "proxy_remove_header_map_value")

    def continue_stream(self, kind: int) -> None:
        try:
            self._host.continue_stream(kind & _U32)
        except StatusError as e:
            self._fail(e, "proxy_continue_stream")

    def close_stream(self, kind: int) -> None:
        try:
            self._host.close_stream(kind & _U32)
        except StatusError as e:
            self._fail(e, "proxy_close_stream")

    def send_local_response(
        self,
        status_code: int,
        details: str,
        body: bytes,
        headers: list[tuple[str, str]] | None,
        grpc_status: int,
    ) -> None:
        # grpc_status is an i32 on the wire: -1 stays -1.
        grpc = (grpc_status + 2**31) % 2**32 - 2**31
        pairs = text_pairs_to_bytes(headers or [])
        try:
            self._host.send_local_response(
                status_code & _U32, encode_text(details), body, pairs, grpc
            )
        except StatusError as e:
            self._fail(e, "proxy_send_local_response")

    def set_effective_context(self, context_id: int) -> None:
        try:
            self._host.set_effective_context(context_id & _U32)
        except StatusError as e:
            self._fail(e, "proxy_set_effective_context")

    def switch_effective_context(self, context_id: int) -> bool:
        try:
            self._host.set_effective_context(context_id & _U32)
        except StatusError:
            return False
        return True

    def done(self) -> None:
        try:
            self._host.done()
        except StatusError as e:
            self._fail(e, "proxy_done")

    def get_log_level(self) -> int:
        return self._run("proxy_get_log_level", self._host.get_log_level)

    def get_property(self, path: bytes) -> bytes:
        return self._run("proxy_get_property", lambda: self._host.get_property(path))

    def get_property_map(self, path: bytes) -> list[tuple[str, str]]:
        value = self._run("proxy_get_property", lambda: self._host.get_property(path))
        # Like the wasm layer's decoder: what does not parse reads as no pairs.
        pairs = decode_map(value) or []
        return [(decode_text(k), decode_text(v)) for k, v in pairs]

    def set_property(self, path: bytes, value: bytes) -> None:
        self._run("proxy_set_property", lambda: self._host.set_property(path, value))

    def get_shared_data(self, key: str) -> tuple[bytes, int]:
        return self._run(
            "proxy_get_shared_data", lambda: self._host.get_shared_data(encode_text(key))
        )

    def set_shared_data(self, key: str, value: bytes, cas: int) -> None:
        self._run(
            "proxy_set_shared_data",
            lambda: self._host.set_shared_data(encode_text(key), value, cas & _U32),
        )

    def register_shared_queue(self, name: str) -> int:
        return self._run(
            "proxy_register_shared_queue",
            lambda: self._host.register_shared_queue(encode_text(name)),
        )

    def resolve_shared_queue(self, vm_id: str, name: str) -> int:
        return self._run(
            "proxy_resolve_shared_queue",
            lambda: self._host.resolve_shared_queue(encode_text(vm_id), encode_text(name)),
        )

    def enqueue_shared_queue(self, queue_id: int, data: bytes) -> None:
        self._run(
            "proxy_enqueue_shared_queue",
            lambda: self._host.enqueue_shared_queue(queue_id & _U32, data),
        )

    def dequeue_shared_queue(self, queue_id: int) -> bytes:
        return self._run(
            "proxy_dequeue_shared_queue",
            lambda: self._host.dequeue_shared_queue(queue_id & _U32),
        )

    def define_metric(self, kind: int, name: str) -> int:
        return self._run(
            "proxy_define_metric",
            lambda: self._host.define_metric(kind & _U32, encode_text(name)),
        )

    def increment_metric(self, metric_id: int, offset: int) -> None:
        self._run(
            "proxy_increment_metric",
            lambda: self._host.increment_metric(metric_id & _U32, _i64(offset)),
        )

    def record_metric(self, metric_id: int, value: int) -> None:
        self._run(
            "proxy_record_metric", lambda: self._host.record_metric(metric_id & _U32, _i64(value))
        )

    def get_metric(self, metric_id: int) -> int:
        # The wasm layer loads the u64 result as a signed i64.
        value = self._run("proxy_get_metric", lambda: self._host.get_metric(metric_id & _U32))
        return _i64(value)

    def http_call(
        self,
        cluster: str,
        headers: list[tuple[str, str]],
        body: bytes,
        trailers: list[tuple[str, str]],
        timeout_milliseconds: int,
    ) -> int:
        return self._run(
            "proxy_http_call",
            lambda: self._host.http_call(
                encode_text(cluster),
                text_pairs_to_bytes(headers),
                body,
                text_pairs_to_bytes(trailers),
                timeout_milliseconds & _U32,
            ),
        )

    def call_foreign_function(self, name: str, argument: bytes) -> bytes:
        return self._run(
            "proxy_call_foreign_function",
            lambda: self._host.call_foreign_function(encode_text(name), argument),
        )

    def _run(self, call: str, run: Callable[[], T]) -> T:
        """Run a host call; a non-OK status raises what the wasm layer raises."""
        try:
            return run()
        except StatusError as e:
            self._fail(e, call)

    def print(self, *values: object, sep: str | None = " ", end: str | None = "\n") -> None:
        """`print` in plugin code: a write to fd 1, which Envoy logs at info
        level without one trailing newline (abi.md §6.7); WASI output is
        allowed in every phase, module-level code included."""
        text = (" " if sep is None else sep).join(str(v) for v in values)
        text += "\n" if end is None else end
        self._host.record_log(LogLevel.INFO, text.removesuffix("\n"))


class PythonPlugin:
    """A plugin source file loaded under CPython (implements PluginRuntime)."""

    def __init__(self, path: Path, host: HostModel, stdlib: Path) -> None:
        self.path = path
        self._host = host
        self._exports, self.module = _load_isolated(path, host, stdlib)

    def has_export(self, name: str) -> bool:
        return name in self._exports

    def memory_size(self) -> int | None:
        return None  # CPython's memory is not the plugin's to measure

    def call(self, name: str, *args: int) -> int:
        function = self._exports[name]
        try:
            result = function(*args)
        except EmulatorError:
            raise
        except Exception as e:
            raise PluginTrap(
                f"{name} raised {type(e).__name__}: {e}. The SDK's dispatch catches every "
                "exception of plugin code, so this is a bug in proxywasm or pwc.testing"
            ) from e
        return 0 if result is None else int(result) & _U32


def _load_isolated(
    path: Path, host: HostModel, stdlib: Path
) -> tuple[dict[str, Callable[..., int | None]], types.ModuleType]:
    """Fresh copies of the SDK and the plugin; returns (the callbacks the
    compiled plugin would export, by name; the plugin module)."""
    if not path.is_file():
        raise PluginLoadError(f"plugin source {path} does not exist")
    rules = read_export_rules(stdlib / SDK_PACKAGE, SDK_PACKAGE)
    with _private_modules(path.parent):
        _import_from(INTRINSICS_MODULE, stdlib / f"{INTRINSICS_MODULE}.py", reuse=True)
        _import_from(SDK_PACKAGE, stdlib / SDK_PACKAGE / "__init__.py", package=True)
        errors = importlib.import_module(f"{SDK_PACKAGE}._errors")
        _install_host(importlib.import_module(f"{SDK_PACKAGE}._host"), host, errors.check_status)
        importlib.import_module(f"{SDK_PACKAGE}._dispatch")
        plugin = _run_plugin_module(path, host, errors.check_status)
        # Decided once the plugin's classes exist, as the compiler decides.
        exports: dict[str, Callable[..., int | None]] = {}
        plugin_source = _program_source(path)
        for name, rule in rules.items():
            module = sys.modules[rule.module]
            if name.startswith("proxy_") and is_exported(rule, module, plugin_source):
                exports[name] = getattr(module, rule.function)
    return exports, plugin


def _program_source(path: Path) -> str:
    """The plugin's text and that of the modules beside it that it imports."""
    text = path.read_text(encoding="utf-8")
    parts = [text]
    for name in sorted(set(re.findall(r"^\s*(?:from|import)\s+(\w+)", text, re.M))):
        sibling = path.parent / f"{name}.py"
        if sibling.is_file() and sibling != path:
            parts.append(sibling.read_text(encoding="utf-8"))
    return "\n".join(parts)


def _install_host(
    host_module: types.ModuleType, host: HostModel, check_status: Callable[[int, str], None]
) -> None:
    """Point every function of the SDK's host interface at the host model."""
    adapter = SdkHost(host, check_status)
    for name, value in vars(host_module).items():
        if name.startswith("_") or not isinstance(value, types.FunctionType):
            continue
        if value.__module__ != host_module.__name__:
            continue  # imported helpers, not part of the interface
        implementation = getattr(adapter, name, None)
        if implementation is None:
            raise EmulatorError(
                f"pwc.testing does not implement proxywasm._host.{name}: add it to "
                "pwc/testing/python_backend.py (SdkHost) and the host model"
            )
        setattr(host_module, name, implementation)


def _run_plugin_module(
    path: Path, host: HostModel, check_status: Callable[[int, str], None]
) -> types.ModuleType:
    # A name of its own (the compiler calls it __main__); it leaves sys.modules
    # once loaded, so the host's id is unique enough.
    name = f"pwc_plugin_{id(host)}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginLoadError(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    # print() in plugin code goes to the info log, as compiled code's does.
    module.__dict__["print"] = SdkHost(host, check_status).print
    sys.modules[name] = module
    host.phase = Phase.START  # module-level code is the module's start function
    try:
        spec.loader.exec_module(module)
    except PluginTrap as e:
        raise PluginLoadError(f"the plugin's module-level code failed: {e}") from None
    except EmulatorError:
        raise
    except Exception as e:
        raise PluginLoadError(
            f"importing {path} raised {type(e).__name__}: {e}; in Envoy the start "
            "function would trap and the plugin would not load"
        ) from e
    finally:
        host.phase = Phase.IDLE
    return module


def _import_from(
    name: str, file: Path, *, package: bool = False, reuse: bool = False
) -> types.ModuleType:
    """Import module `name` from `file` (not from sys.path)."""
    if reuse and name in sys.modules:
        return sys.modules[name]  # stateless: sharing it is harmless
    locations = [str(file.parent)] if package else None
    spec = importlib.util.spec_from_file_location(name, file, submodule_search_locations=locations)
    if spec is None or spec.loader is None:
        raise PluginLoadError(f"cannot load {name} from {file}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@contextmanager
def _private_modules(plugin_dir: Path) -> Iterator[None]:
    """Import the SDK and the plugin into sys.modules only for the duration of
    the load: afterwards the loaded objects are reachable from the plugin
    module alone, and sys.modules is as before."""
    def private(name: str) -> bool:
        return name == SDK_PACKAGE or name.startswith(SDK_PACKAGE + ".")

    saved = {name: module for name, module in sys.modules.items() if private(name)}
    before = set(sys.modules)
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, str(plugin_dir))  # modules beside the plugin, as the compiler finds them
    try:
        yield
    finally:
        sys.path.remove(str(plugin_dir))
        for name in set(sys.modules) - before:
            module = sys.modules[name]
            if private(name) or name.startswith("pwc_plugin_") or _is_under(module, plugin_dir):
                del sys.modules[name]
        sys.modules.update(saved)


def _is_under(module: types.ModuleType, directory: Path) -> bool:
    file = getattr(module, "__file__", None)
    return file is not None and Path(file).resolve().is_relative_to(directory.resolve())
