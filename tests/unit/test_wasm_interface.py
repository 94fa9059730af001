"""pwc/wasm_interface.py reads a module's imports and exports as wasmtime
does (wasmtime's own reading, which compiles the module, is the oracle)."""

from __future__ import annotations

from pathlib import Path

import pytest
import wasmtime

from pwc.driver import compile_file
from pwc.toolchain import assemble
from pwc.wasm_interface import Entry, read_interface

ROOT = Path(__file__).resolve().parents[2]

EVERY_KIND = """(module
  (import "env" "f" (func (param i32 i64 f32 f64) (result i32)))
  (import "env" "t" (table 2 10 funcref))
  (import "env" "m" (memory 1 4))
  (import "env" "g" (global (mut i64)))
  (import "env" "h" (func))
  (type $unused (func (param f64)))
  (func $own (param i64) (result i64 i32) (local.get 0) (i32.const 1))
  (table $t2 1 funcref)
  (global $g2 i32 (i32.const 7))
  (export "own" (func $own))
  (export "first_import" (func 0))
  (export "mem" (memory 0))
  (export "tab" (table 0))
  (export "glob" (global $g2)))"""


def wasmtime_view(wasm: bytes) -> tuple[list[Entry], list[Entry]]:
    module = wasmtime.Module(wasmtime.Engine(), wasm)

    def entry(module_name: str, name: str, ty: object) -> Entry:
        if isinstance(ty, wasmtime.FuncType):
            signature = (tuple(str(t) for t in ty.params), tuple(str(t) for t in ty.results))
            return Entry(module_name, name, "func", signature)
        kind = {wasmtime.TableType: "table", wasmtime.MemoryType: "memory",
                wasmtime.GlobalType: "global"}[type(ty)]
        return Entry(module_name, name, kind, None)

    return ([entry(i.module, i.name or "", i.type) for i in module.imports],
            [entry("", e.name, e.type) for e in module.exports])


def test_every_kind_of_import_and_export() -> None:
    wasm = assemble(EVERY_KIND)
    interface = read_interface(wasm)
    assert (list(interface.imports), list(interface.exports)) == wasmtime_view(wasm)
    assert interface.exports[0] == Entry("", "own", "func", (("i64",), ("i64", "i32")))


@pytest.mark.parametrize("plugin", ["helloworld", "http_headers", "network"])
def test_compiled_plugins_read_as_wasmtime_reads_them(plugin: str, needs_compiler: None) -> None:
    wasm = compile_file(ROOT / "examples" / plugin / "plugin.py").wasm
    interface = read_interface(wasm)
    assert (list(interface.imports), list(interface.exports)) == wasmtime_view(wasm)
