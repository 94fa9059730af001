"""Loading a plugin for the emulator: the backend switch, and compiling with
pwc for the wasm backend (cached per source text within a test run)."""

from __future__ import annotations

import functools
import hashlib
import importlib
from pathlib import Path
from typing import Literal

from pwc.diagnostics import CompileError
from pwc.testing.backend import PluginRuntime
from pwc.testing.errors import EmulatorError, PluginLoadError
from pwc.testing.host import HostModel

Backend = Literal["python", "wasm"]
BACKENDS: tuple[Backend, ...] = ("python", "wasm")


def load_runtime(
    plugin: str | Path | None,
    backend: Backend,
    wasm: bytes | None,
    host: HostModel,
    memory_limit: int | None = None,
) -> PluginRuntime:
    match backend:
        case "python":
            from pwc.testing.python_backend import PythonPlugin

            if wasm is not None:
                raise EmulatorError("wasm= bytes need backend=\"wasm\"")
            if memory_limit is not None:
                raise EmulatorError("memory_limit= needs backend=\"wasm\" (CPython's memory "
                                    "is not capped)")
            if plugin is None:
                raise EmulatorError("the python backend needs the plugin's source file")
            return PythonPlugin(Path(plugin), host, _stdlib_dir())
        case "wasm":
            from pwc.testing.wasm_backend import WasmPlugin

            if wasm is None:
                if plugin is None:
                    raise EmulatorError("the wasm backend needs a plugin source file or wasm=")
                wasm = compile_plugin(Path(plugin))
            return WasmPlugin(wasm, host, memory_limit)
    raise EmulatorError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")


def _stdlib_dir() -> Path:
    from pwc.resources import stdlib_dir

    return stdlib_dir()


def compiler_unavailable_reason() -> str | None:
    """Why the wasm backend cannot compile plugins here (the compiler is not
    installed), or None if it can.  A compiler that exists but fails to
    import is not "unavailable": that error propagates."""
    try:
        importlib.import_module("pwc.driver")
    except ModuleNotFoundError as e:
        if e.name != "pwc.driver":
            raise
        return "the pwc compiler (pwc.driver) is not installed"
    return None


def compile_plugin(path: Path) -> bytes:
    """The plugin compiled by pwc (cached per source text within a test run)."""
    if not path.is_file():
        raise PluginLoadError(f"plugin source {path} does not exist")
    source = path.read_text(encoding="utf-8")
    return _compile_cached(str(path.resolve()), hashlib.sha256(source.encode()).hexdigest())


@functools.lru_cache(maxsize=64)
def _compile_cached(path: str, source_hash: str) -> bytes:
    reason = compiler_unavailable_reason()
    if reason is not None:
        raise EmulatorError(reason)
    driver = importlib.import_module("pwc.driver")
    try:
        result = driver.compile_file(path)
    except CompileError as e:
        raise PluginLoadError(f"pwc could not compile {path}:\n{e}") from None
    wasm = result.wasm
    if not isinstance(wasm, bytes):
        raise PluginLoadError(f"pwc returned no module for {path}")
    return wasm
