"""Temporaries the checker introduces that the lowering can do without.

Field stores.  Python evaluates an assignment's right side before the target's parts, so
the checker turns `self.x = f()` into `$t = f(); self.x = $t`.  When the
object is a local that the value cannot assign, reading it first gives the
same object: the pair becomes `self.x = f()`, which the lowering emits as
`local.get $self  <f()>  store` -- 4 bytes (a `local.set` and a `local.get`)
less per store than going through `$t`.  The SDK's constructors store a
dozen fresh tables and contexts this way.

Held constants and locals.  A chained comparison (`48 <= c <= 57`), an
augmented assignment or a conditional holds an operand in a `Let` so that
it is evaluated once.  A constant, or a local that the body cannot assign,
gives the same value wherever it is read: the reads take it directly and the
`local.set` / `local.get` pair goes.  So does a temporary that one later
statement alone reads, when nothing on the way assigns the local it holds:
a for loop's copy of the list it goes over (`$seq = items; $i = 0; while
...`), unless the loop binds `items` to another list.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import cache
from typing import Any, TypeVar

from pwc.check import tir
from pwc.check import types as T
from pwc.check.tir import rewrite, walk

_N = TypeVar("_N")
_STMTS = (tir.ExprStmt, tir.SetLocal, tir.SetGlobal, tir.SetField, tir.If, tir.While,
          tir.Break, tir.Continue, tir.Return, tir.Raise, tir.Try)


def drop_temps(f: tir.Function) -> tir.Function:
    """`f` with `$t = v; o.x = $t` made `o.x = v`, and the held constants and
    locals read directly, wherever that is safe (the same object when
    nothing changed)."""
    reads: Counter[str] = Counter()
    writes: Counter[str] = Counter()
    for n in walk(f):
        if isinstance(n, tir.Local):
            reads[n.name] += 1
        elif isinstance(n, tir.SetLocal | tir.Let | tir.Handler) and n.name:
            writes[n.name] += 1  # (a handler's local is written by the lowering)
    if not any(name.startswith("$") for name in writes):
        return f  # no temporaries (most functions): nothing to rebuild

    def fuse(stmts: tuple[tir.Stmt, ...]) -> tuple[tir.Stmt, ...]:
        out: list[tir.Stmt] = []
        changed = False
        for s in stmts:
            prev = out[-1] if out else None
            if (isinstance(s, tir.SetField) and isinstance(s.obj, tir.Local)
                    and isinstance(s.value, tir.Local) and isinstance(prev, tir.SetLocal)
                    and prev.name == s.value.name and prev.name.startswith("$")
                    and reads[prev.name] == 1 and writes[prev.name] == 1
                    and not assigns(prev.value, s.obj.name)):
                out[-1] = dataclasses.replace(s, value=prev.value)
                changed = True
            else:
                # `$t = self; $t.n = $t.n + 1`: this statement alone reads $t;
                # also `$seq = items; $i = 0; while ...$seq...` (a for loop),
                # if nothing on the way assigns `items`.
                while (k := held_for(out, s)) is not None:
                    held = out.pop(k)
                    assert isinstance(held, tir.SetLocal)
                    s = _substitute(s, held.name, held.value)
                    changed = True
                out.append(s)
        return tuple(out) if changed else stmts

    def held_for(before: list[tir.Stmt], s: tir.Stmt) -> int | None:
        """The index of a statement in `before` that sets a held temporary
        (written once) which `s` alone reads, if its source is the same
        when s reads it; else None."""
        for k in range(len(before) - 1, -1, -1):
            t = before[k]
            if (isinstance(t, tir.SetLocal) and t.name.startswith("$")
                    and writes[t.name] == 1 and _held(t.value, reads[t.name])
                    and sum(isinstance(n, tir.Local) and n.name == t.name
                            for n in walk(s)) == reads[t.name]):
                source = local_source(t.value)
                if any(assigns(u, source) for u in (*before[k + 1:], s)):
                    return None
                return k
        return None

    def replace(node: object) -> object | None:
        if isinstance(node, tir.Let) and _substitutable(node, reads[node.name]):
            return rewrite(_substitute(node.body, node.name, node.value), replace)
        assert dataclasses.is_dataclass(node) and not isinstance(node, type)
        changes = {}
        for name in _children(type(node)):
            value = getattr(node, name)
            if isinstance(value, tuple) or _is_node(value):
                new = rewrite(value, replace)
                if isinstance(new, tuple) and new and isinstance(new[0], _STMTS):
                    new = fuse(new)
                if new is not value:
                    changes[name] = new
        return dataclasses.replace(node, **changes) if changes else node

    return rewrite(f, replace)


# Constants whose instruction is at most as long as a `local.get`, or a
# byte longer (`i32.const` of a static address): a read of one costs what a
# read of the temporary did, and the `local.set` is saved.
_SMALL = range(-64, 8192)


def local_source(value: tir.Expr) -> str:
    """The local that `value` merely reads ("" if it does more): a local, or a
    local coerced to another pointer type (`http` of `HttpContext | None`
    tested not None), which emits no code."""
    if isinstance(value, tir.Coerce) and T.is_pointer(value.type) and T.is_pointer(
            value.value.type):
        value = value.value
    return value.name if isinstance(value, tir.Local) else ""


def _held(value: tir.Expr, reads: int) -> bool:
    """Whether reading `value` `reads` times costs no more than holding it."""
    if local_source(value):
        return True
    return isinstance(value, tir.Const) and (
        reads <= 1 or value.value is None or isinstance(value.value, bool)
        or isinstance(value.value, int) and value.value in _SMALL)


def _substitutable(let: tir.Let, reads: int) -> bool:
    value = let.value
    return (_held(value, reads) and not assigns(let.body, let.name)
            and not assigns(let.body, local_source(value)))


def _substitute(node: _N, name: str, value: tir.Expr) -> _N:
    """`node` with each read of the local `name` made a copy of `value`
    (with the type the read had: a narrowed read keeps its narrowing)."""
    def read(n: object) -> object | None:
        if isinstance(n, tir.Local) and n.name == name:
            return dataclasses.replace(value, type=n.type, span=n.span)
        return None

    return rewrite(node, read)


@cache
def _children(cls: Any) -> tuple[str, ...]:  # a TIR node class
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in ("type", "span"))


def _is_node(value: object) -> bool:
    return dataclasses.is_dataclass(value) and type(value).__module__ == tir.__name__


def assigns(value: object, name: str) -> bool:
    """Whether evaluating `value` may assign the local `name` ("": none)."""
    return bool(name) and any(
        isinstance(n, tir.SetLocal | tir.Let | tir.Handler) and n.name == name
        for n in walk(value))
