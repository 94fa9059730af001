"""A wasm module's interface read from its binary: each import and export
with its kind and, for a function, its signature.

Reading it from wasmtime would mean compiling the whole module with
Cranelift (about 40 ms for a 30 KB module, a sixth of pwc's compile time)
only to look at a few sections; validation alone is cheap
(`wasmtime.Module.validate`).  The sections read here are the binary
format's type (1), import (2), function (3) and export (7) sections.
"""

from __future__ import annotations

from dataclasses import dataclass

_KINDS = ("func", "table", "memory", "global")
_VALUE_TYPES = {0x7F: "i32", 0x7E: "i64", 0x7D: "f32", 0x7C: "f64", 0x7B: "v128",
                0x70: "funcref", 0x6F: "externref"}


@dataclass(frozen=True)
class Entry:
    """One import or export.  `signature` is (params, results) for a function."""

    module: str  # "" for an export
    name: str
    kind: str  # func, table, memory or global
    signature: tuple[tuple[str, ...], tuple[str, ...]] | None


@dataclass(frozen=True)
class Interface:
    imports: tuple[Entry, ...]
    exports: tuple[Entry, ...]


class _Reader:
    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    def byte(self) -> int:
        b = self.data[self.pos]
        self.pos += 1
        return b

    def u32(self) -> int:
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result

    def name(self) -> str:
        n = self.u32()
        self.pos += n
        return self.data[self.pos - n:self.pos].decode("utf-8")

    def limits(self) -> None:
        flags = self.byte()
        self.u32()
        if flags & 1:
            self.u32()


def read_interface(wasm: bytes) -> Interface:
    """The imports and exports of a module that wasmtime validated."""
    types: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    func_types: list[int] = []  # type index of each function, imports first
    imports: list[Entry] = []
    raw_exports: list[tuple[str, int, int]] = []
    r = _Reader(wasm, 8)  # after the magic number and version
    while r.pos < len(wasm):
        section, size = r.byte(), r.u32()
        end = r.pos + size
        if section == 1:
            for _ in range(r.u32()):
                r.byte()  # 0x60, a function type
                params = tuple(_VALUE_TYPES[r.byte()] for _ in range(r.u32()))
                results = tuple(_VALUE_TYPES[r.byte()] for _ in range(r.u32()))
                types.append((params, results))
        elif section == 2:
            for _ in range(r.u32()):
                module, name, kind = r.name(), r.name(), r.byte()
                signature = None
                if kind == 0:
                    func_types.append(r.u32())
                    signature = types[func_types[-1]]
                elif kind == 1:
                    r.byte()
                    r.limits()
                elif kind == 2:
                    r.limits()
                else:
                    r.pos += 2  # value type, mutability
                imports.append(Entry(module, name, _KINDS[kind], signature))
        elif section == 3:
            func_types += [r.u32() for _ in range(r.u32())]
        elif section == 7:
            raw_exports = [(r.name(), r.byte(), r.u32()) for _ in range(r.u32())]
        r.pos = end
    exports = tuple(
        Entry("", name, _KINDS[kind], types[func_types[index]] if kind == 0 else None)
        for name, kind, index in raw_exports)
    return Interface(tuple(imports), exports)
