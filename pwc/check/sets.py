"""set[T]: literals, set(), methods and operators, desugared onto dict operations.

At run time a set is a dict whose values are unused (0), so insertion order
is kept (CPython iterates a set in hash order: programs that print a set
see a different order; sorted(s) is the same).  Operations that combine sets
are loops in TIR over the runtime's dict primitives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.diagnostics import Span
from pwc.syntax import ast

if TYPE_CHECKING:
    from pwc.check.exprs import ExprChecker


def q(t: T.Type) -> str:
    return f'"{t}"'

BINARY = {"|": "set.union", "&": "set.intersection", "-": "set.difference",
          "^": "set.symmetric_difference"}


def set_literal(c: ExprChecker, e: ast.SetExpr, expected: T.Type | None) -> tir.Expr:
    if isinstance(expected, T.SetType):
        elem = expected.elem
    else:
        first = c.expr(e.elts[0])
        elem = first.type
    if not (T.is_key(elem) or isinstance(elem, T.UnknownType)):
        c.error(e.span, f'set items of type {q(elem)} are not supported yet')
        return c.bad(e.span)
    items = tuple(c.expect(x, elem) for x in e.elts)
    return tir.SetLit(items, T.SetType(elem), e.span)


def set_call(c: ExprChecker, e: ast.Call, expected: T.Type | None) -> tir.Expr:
    """set() and set(iterable)."""
    from pwc.check.iteration import as_list

    if not e.args:
        if not isinstance(expected, T.SetType):
            c.error(e.span, "Need type annotation for the empty set")
            return c.bad(e.span)
        return tir.SetLit((), expected, e.span)
    items = as_list(c, e.args[0])
    if items is None or not isinstance(items.type, T.ListType):
        return c.bad(e.span)
    elem = items.type.elem
    if not T.is_key(elem):
        c.error(e.span, f'set items of type {q(elem)} are not supported yet')
        return c.bad(e.span)
    t = T.SetType(elem)
    return _fill(c, tir.SetLit((), t, e.span), items, e.span)


def _fill(c: ExprChecker, start: tir.Expr, items: tir.Expr, span: Span) -> tir.Expr:
    """`start` with every element of the list `items` added."""
    assert isinstance(start.type, T.SetType) and isinstance(items.type, T.ListType)
    s, lst, i = (c.scope.temp(start.type, "set"), c.scope.temp(items.type, "items"),
                 c.scope.temp(T.INT, "i"))
    S, L, IX = (tir.Local(s, start.type, span), tir.Local(lst, items.type, span),
                tir.Local(i, T.INT, span))
    return tir.StmtExpr((
        tir.SetLocal(s, start, span), tir.SetLocal(lst, items, span),
        tir.SetLocal(i, tir.Const(0, T.INT, span), span),
        tir.While(tir.Prim("int.lt", (IX, tir.Prim("len.list", (L,), T.INT, span)), T.BOOL,
                           span),
                  (tir.ExprStmt(tir.Prim("set.add", (S, tir.Prim("list.get", (L, IX),
                                                                items.type.elem, span)),
                                         T.NONE, span), span),), (),
                  (tir.SetLocal(i, tir.Prim("index.next", (IX,), T.INT, span), span),), span),
    ), S, start.type, span)


def set_method(c: ExprChecker, op: str, s: tir.Expr, args: list[tir.Expr],
               span: Span) -> tir.Expr:
    """Methods that combine sets, as loops over the other set's elements."""
    assert isinstance(s.type, T.SetType)
    t = s.type
    if op in ("set.add", "set.discard", "set.remove", "set.clear", "set.copy"):
        return tir.Prim(op, (s, *args), {"set.copy": t}.get(op, T.NONE), span)
    other = args[0]
    names = [c.scope.temp(t, "a"), c.scope.temp(t, "b"), c.scope.temp(t, "out"),
             c.scope.temp(T.INT, "pos"), c.scope.temp(t.elem, "x"), c.scope.temp(T.BOOL, "ok")]
    A, B, OUT, POS, X, OK = (tir.Local(names[0], t, span), tir.Local(names[1], t, span),
                             tir.Local(names[2], t, span), tir.Local(names[3], T.INT, span),
                             tir.Local(names[4], t.elem, span), tir.Local(names[5], T.BOOL,
                                                                            span))

    def each(src: tir.Local, body: tuple[tir.Stmt, ...]) -> list[tir.Stmt]:
        """for X in src: body"""
        zero = tir.Const(0, T.INT, span)
        nxt = tir.Prim("dict.next", (src, tir.Prim("index.next", (POS,), T.INT, span)), T.INT, span)
        return [tir.SetLocal(POS.name, tir.Prim("dict.next", (src, zero), T.INT, span), span),
                tir.While(tir.Prim("int.ge", (POS, zero), T.BOOL, span),
                          (tir.SetLocal(X.name, tir.Prim("dict.key_at", (src, POS), t.elem, span),
                                        span), *body), (), (tir.SetLocal(POS.name, nxt, span),),
                          span)]

    def add(target: tir.Local) -> tir.Stmt:
        return tir.ExprStmt(tir.Prim("set.add", (target, X), T.NONE, span), span)

    def contains(where: tir.Local) -> tir.Expr:
        return tir.Prim("dict.contains", (where, X), T.BOOL, span)

    def not_(e: tir.Expr) -> tir.Expr:
        return tir.Prim("bool.not", (e,), T.BOOL, span)

    setup: list[tir.Stmt] = [tir.SetLocal(A.name, s, span), tir.SetLocal(B.name, other, span)]
    copy = tir.Prim("set.copy", (A,), t, span)
    empty = tir.SetLit((), t, span)
    match op:
        case "set.update":
            return tir.StmtExpr((*setup, *each(B, (add(A),))), tir.Const(None, T.NONE, span),
                                T.NONE, span)
        case "set.union":
            body = [tir.SetLocal(OUT.name, copy, span), *each(B, (add(OUT),))]
        case "set.intersection":
            # CPython walks the smaller set (the right one on a tie) and keeps
            # its elements: which of -0.0 and 0.0 survives, and the order.
            a_smaller = tir.Prim("int.gt", (tir.Prim("len.dict", (B,), T.INT, span),
                                            tir.Prim("len.dict", (A,), T.INT, span)), T.BOOL, span)
            body = [tir.SetLocal(OUT.name, empty, span),
                    tir.If(a_smaller, tuple(each(A, (tir.If(contains(B), (add(OUT),), (), span),))),
                           tuple(each(B, (tir.If(contains(A), (add(OUT),), (), span),))), span)]
        case "set.difference":
            body = [tir.SetLocal(OUT.name, empty, span),
                    *each(A, (tir.If(not_(contains(B)), (add(OUT),), (), span),))]
        case "set.symmetric_difference":
            body = [tir.SetLocal(OUT.name, empty, span),
                    *each(A, (tir.If(not_(contains(B)), (add(OUT),), (), span),)),
                    *each(B, (tir.If(not_(contains(A)), (add(OUT),), (), span),))]
        case "set.issubset" | "set.issuperset" | "set.isdisjoint":
            inner, outer = (A, B) if op == "set.issubset" else (B, A)
            test = contains(outer) if op == "set.isdisjoint" else not_(contains(outer))
            body2 = [tir.SetLocal(OK.name, tir.Const(True, T.BOOL, span), span),
                     *each(inner, (tir.If(test, (tir.SetLocal(OK.name, tir.Const(
                         False, T.BOOL, span), span), tir.Break(span)), (), span),))]
            return tir.StmtExpr((*setup, *body2), OK, T.BOOL, span)
        case _:
            raise AssertionError(op)
    return tir.StmtExpr((*setup, *body), OUT, t, span)


def set_compare(c: ExprChecker, op: str, a0: tir.Expr, b0: tir.Expr, span: Span) -> tir.Expr:
    """<= < >= > between sets (subset tests); == and != by content."""
    ta, tb = c.scope.temp(a0.type, "sa"), c.scope.temp(b0.type, "sb")
    a, b = tir.Local(ta, a0.type, span), tir.Local(tb, b0.type, span)
    return tir.Let(ta, a0, tir.Let(tb, b0, _set_compare(c, op, a, b, span), T.BOOL, span),
                   T.BOOL, span)


def _set_compare(c: ExprChecker, op: str, a: tir.Expr, b: tir.Expr, span: Span) -> tir.Expr:
    if op in ("==", "!="):
        same = tir.And(tir.Prim("int.eq", (tir.Prim("len.dict", (a,), T.INT, span),
                                           tir.Prim("len.dict", (b,), T.INT, span)), T.BOOL,
                                span), set_method(c, "set.issubset", a, [b], span), T.BOOL,
                       span)
        return tir.Prim("bool.not", (same,), T.BOOL, span) if op == "!=" else same
    left, right = (a, b) if op in ("<=", "<") else (b, a)
    subset = set_method(c, "set.issubset", left, [right], span)
    if op in ("<=", ">="):
        return subset
    strict = tir.Prim("int.lt", (tir.Prim("len.dict", (left,), T.INT, span),
                                 tir.Prim("len.dict", (right,), T.INT, span)), T.BOOL, span)
    return tir.And(strict, subset, T.BOOL, span)


__all__ = ["BINARY", "PRELUDE"]
