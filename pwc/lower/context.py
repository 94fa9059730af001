"""State shared by the lowering of all functions of one program."""

from __future__ import annotations

from dataclasses import dataclass, field

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.lower.layout import Descriptors
from pwc.statics import StaticImage

EXC_ROOT = f"{PRELUDE}.BaseException"


def func_name(symbol: str) -> str:
    return f"$f:{symbol}"


def global_name(symbol: str) -> str:
    return f"$g:{symbol}"


def ctor_name(qualname: str) -> str:
    return f"$new:{qualname}"


@dataclass
class Signature:
    params: tuple[str, ...]
    result: str | None  # None: no wasm result (the function returns None)


def signature(params: tuple[T.Type, ...], ret: T.Type) -> Signature:
    return Signature(tuple(T.wasm_type(p) for p in params),
                     None if isinstance(ret, T.NoneType) else T.wasm_type(ret))


@dataclass
class LowerContext:
    program: tir.Program
    statics: StaticImage
    desc: Descriptors
    signatures: dict[str, Signature]
    imports: dict[str, tir.HostImport]
    may_raise: set[str]  # function symbols whose calls need an exception test
    table: list[str] = field(default_factory=list)  # wasm function names, index order
    helpers: dict[str, str] = field(default_factory=dict)  # generated helper functions

    def table_index(self, wasm_func: str) -> int:
        if wasm_func not in self.table:
            self.table.append(wasm_func)
        return self.table.index(wasm_func)

    def string(self, text: str) -> int:
        return self.desc.string(text)

    def helper(self, name: str, text: str) -> str:
        """Register a generated helper function once; returns its name."""
        self.helpers.setdefault(name, text)
        return name


def wat_id(text: str) -> str:
    """`text` made into a valid WAT identifier (types in helper names)."""
    return "".join(c if c.isalnum() or c in "!#$%&'*+-./:<=>?@\\^_`|~" else "_" for c in text)
