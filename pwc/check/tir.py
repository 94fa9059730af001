"""The typed intermediate representation: the checker's output, the lowering's input.

Everything here is resolved: names are locals, globals or functions; calls
know their target and whether they dispatch dynamically; implicit
conversions are explicit `Coerce` nodes; sugar (chained comparisons, `for`
over lists, augmented assignment) is already expanded.  Every expression
carries its type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar, Union

from pwc.check.types import Type
from pwc.diagnostics import Span

# ---------------------------------------------------------------- expressions


@dataclass(frozen=True)
class Const:
    value: int | float | str | bytes | bool | None
    type: Type
    span: Span


@dataclass(frozen=True)
class Local:
    name: str
    type: Type
    span: Span


@dataclass(frozen=True)
class Global:
    symbol: str  # "module.name"
    type: Type
    span: Span


@dataclass(frozen=True)
class FieldGet:
    obj: Expr
    cls: str  # qualname of the class that declares the field
    name: str
    type: Type
    span: Span


@dataclass(frozen=True)
class Call:
    """A direct call of a known function (module function, or a method called
    statically such as `super().__init__()` or a method no subclass overrides)."""

    func: str  # function symbol, e.g. "mod.f" or "mod.Class.method"
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class VirtualCall:
    """A method call dispatched through the receiver's vtable."""

    cls: str  # static class of the receiver
    method: str
    args: tuple[Expr, ...]  # receiver first
    type: Type
    span: Span


@dataclass(frozen=True)
class HostCall:
    """A call of an `@host_import` function."""

    func: str
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class New:
    """Allocate an instance of `cls` and run its `__init__` (`init` symbol or None)."""

    cls: str
    init: str | None
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class Prim:
    """A primitive operation the lowering implements inline or in the runtime.

    `op` names it, e.g. "int.add", "str.concat", "list.get", "len.str"; "index.next" is
    i + 1 for a loop's position in a sequence, which cannot overflow
    ("index.prev": i - 1 for a range() counter counting down by 1); the lowering's
    "int.add_unchecked" (sub, mul) is one that value ranges prove cannot
    overflow (pwc/lower/ranges.py); "list.item" and "bytes.item" read at a for
    loop's own position, just tested against the length: no range check."""

    op: str
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class Coerce:
    """Implicit conversion to a wider type: bool -> int, T -> T | None (boxing a
    scalar), None -> T | None, subclass -> base, `T | None` narrowed -> T."""

    value: Expr
    type: Type
    span: Span


@dataclass(frozen=True)
class And:
    left: Expr
    right: Expr
    type: Type
    span: Span


@dataclass(frozen=True)
class Or:
    left: Expr
    right: Expr
    type: Type
    span: Span


@dataclass(frozen=True)
class CondExpr:
    test: Expr
    body: Expr
    orelse: Expr
    type: Type
    span: Span


@dataclass(frozen=True)
class Let:
    """Evaluate `value` into the temporary local `name`, then `body`."""

    name: str
    value: Expr
    body: Expr
    type: Type
    span: Span


@dataclass(frozen=True)
class ListLit:
    items: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class TupleLit:
    items: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class DictLit:
    keys: tuple[Expr, ...]
    values: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class SetLit:
    items: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class FuncValue:
    """A module-level function used as a value (a closure with no captures)."""

    func: str
    type: Type
    span: Span


@dataclass(frozen=True)
class BoundMethod:
    """`obj.method` used as a value: a closure capturing the receiver."""

    obj: Expr
    cls: str  # static class of the receiver
    method: str
    virtual: bool  # dispatch through the receiver's vtable when called
    type: Type
    span: Span


@dataclass(frozen=True)
class MakeClosure:
    """A lambda or nested function: its code and the values it captures
    (copied at creation: the checker allows capturing only variables that
    are never reassigned, so copying is indistinguishable from Python's cells)."""

    func: str  # its first parameter is the closure itself
    captures: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class CaptureGet:
    """Captured value `index` of the closure the current function runs in."""

    index: int
    captured_types: tuple[Type, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class IndirectCall:
    """A call of a Callable value."""

    callee: Expr
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True)
class StmtExpr:
    """Run `stmts`, then evaluate `value` (comprehensions: a loop that fills a
    temporary, then the temporary)."""

    stmts: tuple[Stmt, ...]
    value: Expr
    type: Type
    span: Span


@dataclass(frozen=True)
class IsInstance:
    value: Expr
    classes: tuple[str, ...]
    type: Type
    span: Span


Expr = Union[
    Const, Local, Global, FieldGet, Call, VirtualCall, HostCall, New, Prim, Coerce, And, Or,
    CondExpr, Let, ListLit, TupleLit, DictLit, IsInstance, FuncValue, BoundMethod, MakeClosure,
    CaptureGet, IndirectCall, StmtExpr, SetLit,
]

# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class ExprStmt:
    value: Expr
    span: Span


@dataclass(frozen=True)
class SetLocal:
    name: str
    value: Expr
    span: Span


@dataclass(frozen=True)
class SetGlobal:
    symbol: str
    value: Expr
    span: Span


@dataclass(frozen=True)
class SetField:
    obj: Expr
    cls: str
    name: str
    value: Expr
    span: Span


@dataclass(frozen=True)
class If:
    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class While:
    """`while test: body else: orelse`; `step` runs before each re-test, also
    after `continue` (used by desugared `for` loops)."""

    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]
    step: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class Break:
    span: Span


@dataclass(frozen=True)
class Continue:
    span: Span


@dataclass(frozen=True)
class Return:
    value: Expr | None
    span: Span


@dataclass(frozen=True)
class Raise:
    """`raise exc` (exc None: re-raise the exception being handled)."""

    exc: Expr | None
    span: Span


@dataclass(frozen=True)
class Handler:
    classes: tuple[str, ...]  # empty: catches everything (bare except / BaseException)
    name: str | None  # local bound to the exception
    body: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class Try:
    body: tuple[Stmt, ...]
    handlers: tuple[Handler, ...]
    orelse: tuple[Stmt, ...]
    finalbody: tuple[Stmt, ...]
    span: Span


Stmt = Union[
    ExprStmt, SetLocal, SetGlobal, SetField, If, While, Break, Continue, Return, Raise, Try,
]

# ---------------------------------------------------------------- program


@dataclass(frozen=True)
class Function:
    symbol: str
    params: tuple[tuple[str, Type], ...]
    ret: Type
    locals: tuple[tuple[str, Type], ...]  # every non-parameter local, temporaries included
    body: tuple[Stmt, ...]
    span: Span
    location_prefix: str | None  # "file.py" for raise locations; None: don't record (library)
    closure: bool = False  # takes the closure it was created in as a hidden first parameter


@dataclass(frozen=True)
class HostImport:
    symbol: str
    module: str
    name: str
    params: tuple[Type, ...]
    wasm_params: tuple[str, ...]
    ret: Type
    wasm_ret: str | None


@dataclass(frozen=True)
class Export:
    name: str
    func: str
    wasm_params: tuple[str, ...]
    wasm_ret: str | None
    if_reachable: tuple[str, ...] = ()  # export only if one of these can be called


@dataclass(frozen=True)
class ClassLayout:
    qualname: str
    name: str
    base: str | None
    fields: tuple[tuple[str, Type], ...]  # inherited first
    vtable: tuple[tuple[str, str], ...]  # (method name, implementing function symbol)
    is_exception: bool
    defaults: tuple[tuple[str, Expr], ...] = ()  # class-body field defaults, own fields only


@dataclass(frozen=True)
class Program:
    functions: tuple[Function, ...]
    globals: tuple[tuple[str, Type], ...]
    classes: tuple[ClassLayout, ...]  # base classes before subclasses
    imports: tuple[HostImport, ...]
    exports: tuple[Export, ...]
    init_order: tuple[str, ...]  # module-init function symbols in the order to run them
    enum_names: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)


# A memo of each node class's child fields (read-only facts about the classes).
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def walk(node: object) -> Iterator[object]:
    """Every TIR node under `node` (itself included), types excluded."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(children(n))


def children(n: object) -> Iterator[object]:
    """The TIR nodes directly under `n`."""
    for name in _child_fields(n):
        value = getattr(n, name)
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, tuple):
                    yield from (x for x in item if _is_node(x))
                elif _is_node(item):
                    yield item
        elif _is_node(value):
            yield value


def _child_fields(n: object) -> tuple[str, ...]:
    cls = type(n)
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(n)  # type: ignore[arg-type]
                      if f.name not in ("type", "span"))
        _CHILD_FIELDS[cls] = names
    return names


def _is_node(x: object) -> bool:
    cls = type(x)
    known = _NODE_CLASSES.get(cls)
    if known is None:
        known = dataclasses.is_dataclass(cls) and cls.__module__ == __name__
        _NODE_CLASSES[cls] = known
    return known


# A memo: is a class a TIR node class (a dataclass of this module)?
_NODE_CLASSES: dict[type, bool] = {}


_N = TypeVar("_N")


def rewrite(node: _N, replace: Callable[[object], object | None]) -> _N:
    """`node` with every TIR node under it for which `replace` returns a
    value (not None) replaced by that value; unchanged subtrees are shared.
    `node` may also be a tuple of nodes (a statement list)."""
    if isinstance(node, tuple):
        return _rewrite_value(node, replace)  # type: ignore[return-value]
    new = replace(node)
    if new is not None:
        return new  # type: ignore[return-value]
    changes = {}
    for name in _child_fields(node):
        value = getattr(node, name)
        new_value = _rewrite_value(value, replace)
        if new_value is not value:
            changes[name] = new_value
    return dataclasses.replace(node, **changes) if changes else node  # type: ignore[type-var]


def _rewrite_value(value: object, replace: Callable[[object], object | None]) -> object:
    if isinstance(value, tuple):
        items = tuple(_rewrite_value(x, replace) for x in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return rewrite(value, replace) if _is_node(value) else value
