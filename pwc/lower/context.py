"""State shared by the lowering of all functions of one program."""

from __future__ import annotations

from dataclasses import dataclass, field

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.lower.layout import Descriptors
from pwc.lower.locations import LocationTexts
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
    # Classes built by a constructor shared with others (class -> its name):
    # the call passes the descriptor, see lower/__init__.py _shared_constructors.
    shared_constructors: dict[str, str] = field(default_factory=dict)
    locations: LocationTexts = field(default_factory=LocationTexts)

    function_values: dict[str, int] = field(default_factory=dict)

    def function_value(self, symbol: str) -> int:
        """Address of the static closure of module function `symbol`."""
        if symbol not in self.function_values:
            sig = self.signatures[symbol]
            wrapper = f"$fnval:{symbol}"
            params = "".join(f" (param $a{i} {wt})" for i, wt in enumerate(sig.params))
            result = f" (result {sig.result})" if sig.result else ""
            args = "".join(f" (local.get $a{i})" for i in range(len(sig.params)))
            self.helper(wrapper, f"(func {wrapper} (param $closure i32){params}{result}\n"
                                 f"  (call {func_name(symbol)}{args}))")
            desc, _ = self.desc.struct((T.BOOL,))
            self.function_values[symbol] = self.statics.add_words(
                [desc, self.table_index(wrapper)], align=8)
        return self.function_values[symbol]

    def bound_method_code(self, cls: str, method: str, virtual: bool, t: T.FuncType) -> str:
        """The code of closures `obj.method`: call the method on the captured receiver."""
        name = f"$bound:{cls}.{method}"
        if name not in self.helpers:
            params = [T.wasm_type(p) for p in t.params]
            result = "" if isinstance(t.ret, T.NoneType) else f" (result {T.wasm_type(t.ret)})"
            decls = "".join(f" (param $a{i} {wt})" for i, wt in enumerate(params))
            args = "".join(f" (local.get $a{i})" for i in range(len(params)))
            receiver = "(i32.load offset=8 (local.get $closure))"
            impl = dict(next(c for c in self.program.classes if c.qualname == cls).vtable)[method]
            if virtual:
                slot = self.desc.classes[cls].slots[method]
                from pwc.lower.layout import DESC_VTABLE

                call = (f"(call_indirect (param i32{' ' + ' '.join(params) if params else ''})"
                        f"{result} {receiver}{args} (i32.load offset={DESC_VTABLE + 4 * slot} "
                        f"(i32.load {receiver})))")
            else:
                call = f"(call {func_name(impl)} {receiver}{args})"
            self.helper(name, f"(func {name} (param $closure i32){decls}{result}\n  {call})")
        return name

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
