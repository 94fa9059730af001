"""A harness that runs the hand-written runtime alone in wasmtime.

It links every runtime function (exported under its name without `$`) with
the pieces generated code normally supplies: the descriptor globals, a
`$pwc_raise` that records its code and argument in globals and sets
`$rt_exc`, and a static image with the descriptors the tests use.  The
other test_runtime_*.py files import `Runtime` from here; the tests at the
bottom check the harness itself.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import wasmtime

from pwc.link import Program, link, runtime_fields
from pwc.statics import StaticImage
from pwc.toolchain import assemble
from pwc.unicode_tables import lazy_tables

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "runtime"

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1


@dataclass(frozen=True)
class Descriptors:
    str: int
    bytes: int
    list_ptr: int
    list_i32: int
    list_i64: int
    dict_int: int  # int keys, int values
    dict_str: int  # str keys, int values
    dict_str_ptr: int  # str keys, pointer values
    dict_obj: int  # identity pointer keys, pointer values
    dict_bytes: int  # bytes keys, int values
    dict_registry: int  # int keys, pointer values a copy does not follow (a Registry)
    node: int  # struct: +4 next (ptr), +8 payload (ptr), +12 value (i32); 16 bytes
    node_offsets: int


def _build_statics() -> tuple[StaticImage, Descriptors]:
    image = StaticImage()
    str_desc = image.add_words([1, 0, 0, 0])
    bytes_desc = image.add_words([2, 0, 0, 0])
    offsets = image.add_words([4, 8])
    desc = Descriptors(
        str=str_desc,
        bytes=bytes_desc,
        list_ptr=image.add_words([3, 4, 1, 0]),
        list_i32=image.add_words([3, 4, 0, 0]),
        list_i64=image.add_words([3, 8, 0, 0]),
        dict_int=image.add_words([5, 0, 0, 0]),
        dict_str=image.add_words([5, 0, 0b011, 0]),
        dict_str_ptr=image.add_words([5, 0, 0b111, 0]),
        dict_obj=image.add_words([5, 0, 0b110, 0]),
        dict_bytes=image.add_words([5, 0, 0b1010, 0]),
        dict_registry=image.add_words([5, 0, 0b10000, 0]),
        node=image.add_words([4, 16, 2, offsets]),
        node_offsets=offsets,
    )
    return image, desc


_RAISE = """(func $pwc_raise (param $code i32) (param $arg i64)
  (global.set $test_code (local.get $code))
  (global.set $test_arg (local.get $arg))
  (global.set $test_raises (i32.add (global.get $test_raises) (i32.const 1)))
  (global.set $rt_exc (i32.const 1)))"""

# The one root of a compaction in the harness: the global $test_root.
_VISIT_ROOTS = """(func $pwc_visit_roots (param $ctx i32)
  (global.set $test_root (call $rt_copy_translate (local.get $ctx) (global.get $test_root))))"""

_CLEAR = """(func $test_clear
  (global.set $test_code (i32.const 0))
  (global.set $test_arg (i64.const 0))
  (global.set $test_raises (i32.const 0))
  (global.set $rt_exc (i32.const 0)))"""


def harness_program() -> tuple[Program, Descriptors]:
    image, desc = _build_statics()
    names = [f.name for f in runtime_fields(RUNTIME_DIR) if f.kind == "func"]
    exports = [f'(export "{n[1:]}" (func {n}))' for n in names]
    exports += ['(export "test_clear" (func $test_clear))']
    for g in (
        "test_code",
        "test_arg",
        "test_raises",
        "test_root",
        "rt_exc",
        "rt_region",
        "rt_vm_region",
        "rt_free_chunks",
        "rt_reserve",
        "rt_heap_top",
    ):
        exports.append(f'(export "{g}" (global ${g}))')
    # The Unicode tables' addresses (every table is kept: all functions are).
    tables = lazy_tables()
    exports += [f'(export "{name[1:]}" (global {name}))' for name in tables]
    globals_ = {
        "$rt_desc_str": f"(global $rt_desc_str i32 (i32.const {desc.str}))",
        "$rt_desc_bytes": f"(global $rt_desc_bytes i32 (i32.const {desc.bytes}))",
        "$rt_desc_list_ptr": f"(global $rt_desc_list_ptr i32 (i32.const {desc.list_ptr}))",
        "$rt_desc_list_i32": f"(global $rt_desc_list_i32 i32 (i32.const {desc.list_i32}))",
        "$rt_desc_list_i64": f"(global $rt_desc_list_i64 i32 (i32.const {desc.list_i64}))",
        "$test_code": "(global $test_code (mut i32) (i32.const 0))",
        "$test_arg": "(global $test_arg (mut i64) (i64.const 0))",
        "$test_raises": "(global $test_raises (mut i32) (i32.const 0))",
        "$test_root": "(global $test_root (mut i32) (i32.const 0))",
    }
    program = Program(
        imports=(),
        functions={"$pwc_raise": _RAISE, "$test_clear": _CLEAR,
                   "$pwc_visit_roots": _VISIT_ROOTS},
        globals=globals_,
        table=(),
        exports=tuple(exports),
        statics=image.image(),
        heap_base=image.heap_base,
        roots=("$pwc_raise",),
        tables=tables,
    )
    return program, desc


@cache
def _engine() -> wasmtime.Engine:
    return wasmtime.Engine()


@cache
def _compiled() -> tuple[wasmtime.Module, Descriptors]:
    program, desc = harness_program()
    wasm = assemble(link(program, RUNTIME_DIR))
    return wasmtime.Module(_engine(), wasm), desc


class Runtime:
    """One fresh instance of the runtime, with helpers to move values in and out."""

    def __init__(self, init: bool = True) -> None:
        module, self.desc = _compiled()
        self.store = wasmtime.Store(_engine())
        self.instance = wasmtime.Instance(self.store, module, [])
        self._exports = self.instance.exports(self.store)
        memory = self._exports["memory"]
        assert isinstance(memory, wasmtime.Memory)
        self.memory = memory
        if init:
            self.call("rt_init")

    # -- calls and exceptions ------------------------------------------------------

    def call(self, name: str, *args: int) -> Any:
        func = self._exports[name]
        assert isinstance(func, wasmtime.Func), name
        return func(self.store, *args)

    def global_value(self, name: str) -> int:
        g = self._exports[name]
        assert isinstance(g, wasmtime.Global)
        value = g.value(self.store)
        assert isinstance(value, int)
        return value

    def set_global(self, name: str, value: int) -> None:
        g = self._exports[name]
        assert isinstance(g, wasmtime.Global)
        g.set_value(self.store, wasmtime.Val.i32(value))

    @property
    def raised(self) -> tuple[int, int] | None:
        """(code, arg) of the last $pwc_raise since the last clear, or None."""
        if self.global_value("test_raises") == 0:
            return None
        return self.global_value("test_code"), self.global_value("test_arg")

    @property
    def raise_count(self) -> int:
        return self.global_value("test_raises")

    def clear(self) -> None:
        self.call("test_clear")

    # -- memory ------------------------------------------------------------------

    def read(self, address: int, size: int) -> bytes:
        return bytes(self.memory.read(self.store, address, address + size))

    def write(self, address: int, data: bytes) -> None:
        self.memory.write(self.store, data, address)

    def u32(self, address: int) -> int:
        value: int = struct.unpack("<I", self.read(address, 4))[0]
        return value

    def i64(self, address: int) -> int:
        value: int = struct.unpack("<q", self.read(address, 8))[0]
        return value

    def pages(self) -> int:
        return self.memory.size(self.store)

    # -- values ------------------------------------------------------------------

    def new_str(self, text: str) -> int:
        """A new str object holding `text` (lone surrogates allowed)."""
        data = text.encode("utf-8", "surrogatepass")
        s: int = self.call("str_alloc", len(data), len(text))
        self.write(s + 12, data)
        return s

    def read_str(self, s: int) -> str:
        assert s != 0, "null str"
        assert self.u32(s) == self.desc.str, "not a str"
        byte_len, cp_len = self.u32(s + 4), self.u32(s + 8)
        text = self.read(s + 12, byte_len).decode("utf-8", "surrogatepass")
        assert len(text) == cp_len, f"cp_len {cp_len} but {len(text)} code points in {text!r}"
        return text

    def new_bytes(self, data: bytes) -> int:
        b: int = self.call("bytes_alloc", len(data))
        self.write(b + 8, data)
        return b

    def read_bytes(self, b: int) -> bytes:
        assert b != 0, "null bytes"
        assert self.u32(b) == self.desc.bytes, "not a bytes"
        return self.read(b + 8, self.u32(b + 4))

    def raw(self, data: bytes) -> int:
        """`data` copied into a fresh raw block; returns its address."""
        p: int = self.call("rt_alloc", max(len(data), 1))
        self.write(p, data)
        return p

    def list_items(self, lst: int) -> list[int]:
        desc = self.u32(lst)
        size = self.u32(desc + 4)
        n, items = self.u32(lst + 4), self.u32(lst + 12)
        assert n <= self.u32(lst + 8), "len > cap"
        fmt = "<I" if size == 4 else "<q"
        return [struct.unpack(fmt, self.read(items + i * size, size))[0] for i in range(n)]

    def read_str_list(self, lst: int) -> list[str]:
        assert self.u32(lst) == self.desc.list_ptr
        return [self.read_str(p) for p in self.list_items(lst)]

    def str_list(self, items: list[str]) -> int:
        lst: int = self.call("list_new", self.desc.list_ptr, 0)
        for text in items:
            self.call("list_append4", lst, self.new_str(text))
        return lst


# -- the harness's own tests ----------------------------------------------------------


def test_harness_links_every_runtime_function() -> None:
    rt = Runtime()
    names = [f.name[1:] for f in runtime_fields(RUNTIME_DIR) if f.kind == "func"]
    assert len(names) > 50
    for name in names:
        assert isinstance(rt._exports[name], wasmtime.Func), name


def test_raise_is_recorded_and_cleared() -> None:
    rt = Runtime()
    assert rt.raised is None
    rt.call("int_floordiv", 1, 0)
    assert rt.raised == (2, 0)
    assert rt.global_value("rt_exc") != 0
    rt.clear()
    assert rt.raised is None and rt.global_value("rt_exc") == 0


def test_strings_round_trip_through_memory() -> None:
    rt = Runtime()
    for text in ["", "abc", "héllo wörld", "\udc80x", "😀"]:
        assert rt.read_str(rt.new_str(text)) == text
    assert rt.read_bytes(rt.new_bytes(b"\x00\xff")) == b"\x00\xff"
