from __future__ import annotations

from typing import TYPE_CHECKING

from pwc.check import tir
from pwc.check import types as T
from pwc.check.exprs import q, raise_builtin
from pwc.check.symbols import SpecialRef
from pwc.syntax import ast

if TYPE_CHECKING:
    from pwc.check.body import BodyChecker


def check_for(c: BodyChecker, s: ast.For) -> list[tir.Stmt]:
    it = s.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name):
        if c.lookup(it.func.id) == SpecialRef("builtins.range") and c.scope.type_of(
                it.func.id) is None:
            return _for_range(c, s, it)
    if (isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and not it.args
            and it.func.attr in ("items", "keys", "values")):
        d = c.expr(it.func.value)
        if isinstance(d.type, T.DictType):
            return _for_dict(c, s, d, it.func.attr)
    iterable = c.expr(it)
    if isinstance(iterable.type, T.UnknownType):
        c.store(s.target, c.bad(s.span), s.span)
        c.loop_body(s.body)
        c.block(s.orelse)
        return []
    match iterable.type:
        case T.ListType(elem=elem):
            return _for_indexed(c, s, iterable, "list.item", "len.list", elem)
        case T.StrType():
            return _for_indexed(c, s, iterable, "str.getitem", "len.str", T.STR)
        case T.BytesType():
            return _for_indexed(c, s, iterable, "bytes.item", "len.bytes", T.INT)
        case T.DictType() | T.SetType():
            return _for_dict(c, s, iterable, "keys")
        case T.TupleType(items=items) if items:
            # A tuple's items become a list (they must share a type, as mypy's
            # join would give them one) and the loop runs over that.
            joined: T.Type | None = items[0]
            for t in items[1:]:
                joined = c.join(joined, t) if joined is not None else None
            if joined is None:
                c.error(it.span, f"the items of {q(iterable.type)} have no common type")
                return []
            held = c.scope.temp(iterable.type, "tuple")
            h = tir.Local(held, iterable.type, s.span)
            elem = joined
            lst = tir.ListLit(tuple(c.coerce(tir.Prim("tuple.get", (h, _int(i, s)), t, s.span),
                                             elem, lambda g: "")
                                    for i, t in enumerate(items)), T.ListType(elem), s.span)
            return [tir.SetLocal(held, iterable, s.span),
                    *_for_indexed(c, s, lst, "list.item", "len.list", elem)]
    c.error(it.span, f"iterating over {q(iterable.type)} is not supported")
    return []


def _int(v: int, s: ast.For) -> tir.Const:
    return tir.Const(v, T.INT, s.span)


def _local(name: str, t: T.Type, s: ast.For) -> tir.Local:
    return tir.Local(name, t, s.span)


def _for_range(c: BodyChecker, s: ast.For, call: ast.Call) -> list[tir.Stmt]:
    args = [c.expect(a, T.INT) for a in call.args]
    if call.keywords or not 1 <= len(args) <= 3:
        c.error(call.span, "range() takes 1 to 3 positional arguments")
        return []
    start, stop, step = (_int(0, s), args[0], _int(1, s)) if len(args) == 1 else (
        args[0], args[1], args[2] if len(args) == 3 else _int(1, s))
    i = c.scope.temp(T.INT, "i")
    stop_t = c.scope.temp(T.INT, "stop")
    out: list[tir.Stmt] = [tir.SetLocal(i, start, s.span), tir.SetLocal(stop_t, stop, s.span)]
    cur, end = _local(i, T.INT, s), _local(stop_t, T.INT, s)
    if isinstance(step, tir.Const) and isinstance(step.value, int):
        if step.value == 0:
            c.error(call.args[2].span, "range() arg 3 must not be zero")
            return []
        step_e: tir.Expr = step
        test: tir.Expr = tir.Prim("int.lt" if step.value > 0 else "int.gt", (cur, end), T.BOOL,
                                  s.span)
    else:
        step_t = c.scope.temp(T.INT, "step")
        out.append(tir.SetLocal(step_t, step, s.span))
        step_e = _local(step_t, T.INT, s)
        zero = _int(0, s)
        out.append(tir.If(tir.Prim("int.eq", (step_e, zero), T.BOOL, s.span), (
            raise_builtin("ValueError", "range() arg 3 must not be zero", s.span),), (), s.span))
        up = tir.And(tir.Prim("int.gt", (step_e, zero), T.BOOL, s.span),
                     tir.Prim("int.lt", (cur, end), T.BOOL, s.span), T.BOOL, s.span)
        down = tir.And(tir.Prim("int.lt", (step_e, zero), T.BOOL, s.span),
                       tir.Prim("int.gt", (cur, end), T.BOOL, s.span), T.BOOL, s.span)
        test = tir.Or(up, down, T.BOOL, s.span)
    head = c.store(s.target, cur, s.span)
    body = c.loop_body(s.body)
    # A counter past the 64-bit edge has passed the stop too: it saturates.
    # A step of 1 or -1 cannot pass it (the counter is below or above a stop
    # that is an int itself), so it needs no check.
    if isinstance(step_e, tir.Const) and step_e.value in (1, -1):
        op = "index.next" if step_e.value == 1 else "index.prev"
        advance = tir.SetLocal(i, tir.Prim(op, (cur,), T.INT, s.span), s.span)
    else:
        advance = tir.SetLocal(i, tir.Prim("int.add_sat", (cur, step_e), T.INT, s.span), s.span)
    orelse = c.block(s.orelse)
    out.append(tir.While(test, (*head, *body), tuple(orelse), (advance,), s.span))
    return out



def _for_indexed(c: BodyChecker, s: ast.For, seq: tir.Expr, get: str, length: str,
                 elem: T.Type) -> list[tir.Stmt]:
    """`for target in seq`: a held sequence and a position counted up from 0,
    tested against the length right before each `get` (so a list or bytes
    read is "list.item" or "bytes.item", which cannot be out of range:
    whatever the body does to a list, the next read is tested afresh)."""
    held = c.scope.temp(seq.type, "seq")
    i = c.scope.temp(T.INT, "i")
    seq_l, cur = _local(held, seq.type, s), _local(i, T.INT, s)
    test = tir.Prim("int.lt", (cur, tir.Prim(length, (seq_l,), T.INT, s.span)), T.BOOL, s.span)
    head = c.store(s.target, tir.Prim(get, (seq_l, cur), elem, s.span), s.span)
    body = c.loop_body(s.body)
    advance = tir.SetLocal(i, tir.Prim("index.next", (cur,), T.INT, s.span), s.span)
    orelse = c.block(s.orelse)
    return [tir.SetLocal(held, seq, s.span), tir.SetLocal(i, _int(0, s), s.span),
            tir.While(test, (*head, *body), tuple(orelse), (advance,), s.span)]


def _for_dict(c: BodyChecker, s: ast.For, d: tir.Expr, view: str) -> list[tir.Stmt]:
    kt: T.Type
    vt: T.Type
    if isinstance(d.type, T.SetType):
        kt, vt = d.type.elem, T.INT
    else:
        assert isinstance(d.type, T.DictType)
        kt, vt = d.type.key, d.type.value
    held = c.scope.temp(d.type, "dict")
    pos = c.scope.temp(T.INT, "pos")
    dl, p = _local(held, d.type, s), _local(pos, T.INT, s)
    key = tir.Prim("dict.key_at", (dl, p), kt, s.span)
    value = tir.Prim("dict.value_at", (dl, p), vt, s.span)
    head: list[tir.Stmt]
    if view == "items":
        if isinstance(s.target, ast.TupleExpr) and len(s.target.elts) == 2:
            head = c.store(s.target.elts[0], key, s.span) + c.store(s.target.elts[1], value,
                                                                   s.span)
        else:
            head = c.store(s.target, tir.TupleLit((key, value), T.TupleType((kt, vt)), s.span),
                           s.span)
    else:
        head = c.store(s.target, key if view == "keys" else value, s.span)
    body = c.loop_body(s.body)
    next_pos = tir.Prim("dict.next", (dl, tir.Prim("index.next", (p,), T.INT, s.span)),
                        T.INT, s.span)
    orelse = c.block(s.orelse)
    start = [tir.SetLocal(held, d, s.span),
             tir.SetLocal(pos, tir.Prim("dict.next", (dl, _int(0, s)), T.INT, s.span), s.span)]
    step = tir.SetLocal(pos, next_pos, s.span)
    if not _may_change_size(head + body):
        return [*start, tir.While(tir.Prim("int.ge", (p, _int(0, s)), T.BOOL, s.span),
                                  (*head, *body), tuple(orelse), (step,), s.span)]
    # CPython refuses to go on once the dict (or set) changed size.
    size = c.scope.temp(T.INT, "size")
    sz = _local(size, T.INT, s)
    what = "Set" if isinstance(d.type, T.SetType) else "dictionary"
    changed = tir.If(tir.Prim("int.ne", (tir.Prim("len.dict", (dl,), T.INT, s.span), sz), T.BOOL,
                              s.span),
                     (raise_builtin("RuntimeError", f"{what} changed size during iteration",
                                   s.span),), (), s.span)
    return [*start, tir.SetLocal(size, tir.Prim("len.dict", (dl,), T.INT, s.span), s.span),
            tir.While(tir.Prim("int.ge", (p, _int(0, s)), T.BOOL, s.span), (*head, *body),
                      tuple(orelse), (changed, step), s.span)]


# What a loop body may do to a dict or set without changing its size.
_SIZE_PRESERVING = frozenset({
    "dict.contains", "dict.get", "dict.get_default", "dict.getitem", "dict.key_at",
    "dict.value_at", "dict.next", "set.copy", "set.difference", "set.intersection",
    "set.isdisjoint", "set.issubset", "set.issuperset", "set.symmetric_difference", "set.union",
})


def _may_change_size(stmts: list[tir.Stmt]) -> bool:
    """Whether `stmts` may add to or remove from any dict or set: a call may
    (whatever it calls), and so may a dict or set operation that is not
    known to keep sizes."""
    for stmt in stmts:
        for node in tir.walk(stmt):
            match node:
                case tir.Call() | tir.VirtualCall() | tir.HostCall() | tir.New() \
                        | tir.IndirectCall():
                    return True
                case tir.Prim(op=op) if op.startswith(("dict.", "set.")) \
                        and op not in _SIZE_PRESERVING:
                    return True
    return False
