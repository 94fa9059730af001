"""Built-ins over iterables: enumerate, zip, reversed, sorted, min, max, sum, list.

pwc has no iterator objects.  A `for` loop over `enumerate`/`zip`/`reversed`
is expanded in loops.py with no allocation; anywhere else these build a list
eagerly (CPython returns a lazy iterator, but a program cannot tell the
difference except by identity).  Reductions (min, max, sum) and sorted work
on a list of the items; an iterable that is not a list is first copied into
one with a comprehension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pwc.check import tir
from pwc.check import types as T
from pwc.check.exprs import q, raise_builtin
from pwc.diagnostics import Span
from pwc.syntax import ast

if TYPE_CHECKING:
    from pwc.check.exprs import ExprChecker


def as_list(c: ExprChecker, e: ast.Expr) -> tir.Expr | None:
    """The items of iterable `e` as a list expression (a list is used as is)."""
    value = _peek(c, e)
    if isinstance(value, T.ListType):
        return c.expr(e)
    name = ast.Name("$item", e.span)
    comp = ast.ListComp(name, (ast.Comprehension(name, e, (), e.span),), e.span)
    result = c.expr(comp)
    return result if isinstance(result.type, T.ListType) else None


def _peek(c: ExprChecker, e: ast.Expr) -> T.Type | None:
    """The type of e if it is a plain local/global (no side effects to worry about)."""
    from pwc.check.body import BodyChecker

    if isinstance(c, BodyChecker) and isinstance(e, (ast.Name, ast.Attribute)):
        return c.peek_type(e)
    return None


def _local(name: str, t: T.Type, span: Span) -> tir.Local:
    return tir.Local(name, t, span)


def _int(v: int, span: Span) -> tir.Const:
    return tir.Const(v, T.INT, span)



def check_key(c: ExprChecker, e: ast.Call, elem: T.Type) -> tir.Expr | None:
    """The `key=` function of a call, checked as Callable[[elem], K]."""
    for kw in e.keywords:
        if kw.name == "key":
            if isinstance(kw.value, ast.Constant) and kw.value.value is None:
                return None
            # A lambda (or a built-in such as len) gets its result type from its body.
            key = c.expr(kw.value, T.FuncType((elem,), T.UNKNOWN))
            if not isinstance(key.type, T.FuncType) or len(key.type.params) != 1 or \
                    not c.assignable(elem, key.type.params[0]):
                c.error(kw.value.span, f'Argument "key" has incompatible type {q(key.type)}; '
                        f'expected "Callable[[{elem}], Any]"')
                return None
            return key
    return None


def reduce_min_max(c: ExprChecker, which: str, e: ast.Call) -> tir.Expr:
    """min/max of an iterable (one argument) or of the arguments (several).

        best = items[0]; best_key = key(best)
        for v in items[1:]: if key(v) < best_key: best, best_key = v, key(v)
    """
    span = e.span
    items = as_list(c, e.args[0]) if len(e.args) == 1 else c.expr(ast.ListExpr(e.args, span))
    if items is None or not isinstance(items.type, T.ListType):
        return c.bad(span)
    elem = items.type.elem
    key = check_key(c, e, elem)
    default: ast.Expr | None = None
    for kw in e.keywords:
        if kw.name == "default":
            default = kw.value
        elif kw.name != "key":
            c.error(kw.span, f'Unexpected keyword argument "{kw.name}" for "{which}"')
    kt = key.type.ret if key is not None and isinstance(key.type, T.FuncType) else elem
    names = {k: c.scope.temp(t, k) for k, t in (("items", items.type), ("i", T.INT),
                                                ("best", elem), ("v", elem), ("bk", kt),
                                                ("vk", kt))}
    L, IX, B, V, BK, VK = (_local(names[k], t, span) for k, t in (
        ("items", items.type), ("i", T.INT), ("best", elem), ("v", elem), ("bk", kt),
        ("vk", kt)))
    stmts: list[tir.Stmt] = [tir.SetLocal(L.name, items, span)]
    if key is not None:
        kf = c.scope.temp(key.type, "key")
        stmts.append(tir.SetLocal(kf, key, span))

        def key_of(x: tir.Expr) -> tir.Expr:
            return tir.IndirectCall(_local(kf, key.type, span), (x,), kt, span)
    else:
        def key_of(x: tir.Expr) -> tir.Expr:
            return x
    better = c.compare_one("<" if which == "min" else ">", VK, BK, span)
    if isinstance(better.type, T.UnknownType):
        return c.bad(span)
    result_t = elem if default is None else (c.join(elem, c.expr(default).type) or elem)
    out = c.scope.temp(result_t, "result")
    if default is not None:
        stmts.append(tir.SetLocal(out, c.expect(default, result_t), span))
        when_empty: tuple[tir.Stmt, ...] = ()
    else:
        when_empty = (raise_builtin("ValueError", f"{which}() arg is an empty sequence", span),)
    length = tir.Prim("len.list", (L,), T.INT, span)
    scan = (
        tir.SetLocal(B.name, tir.Prim("list.get", (L, _int(0, span)), elem, span), span),
        tir.SetLocal(BK.name, key_of(B), span),
        tir.SetLocal(IX.name, _int(1, span), span),
        tir.While(tir.Prim("int.lt", (IX, length), T.BOOL, span), (
            tir.SetLocal(V.name, tir.Prim("list.get", (L, IX), elem, span), span),
            tir.SetLocal(VK.name, key_of(V), span),
            tir.If(better, (tir.SetLocal(B.name, V, span), tir.SetLocal(BK.name, VK, span)),
                   (), span),
        ), (), (tir.SetLocal(IX.name, tir.Prim("index.next", (IX,), T.INT, span),
                             span),), span),
        tir.SetLocal(out, c.coerce(B, result_t, lambda g: ""), span),
    )
    empty = tir.Prim("int.eq", (length, _int(0, span)), T.BOOL, span)
    stmts.append(tir.If(empty, when_empty, scan, span))
    return tir.StmtExpr(tuple(stmts), _local(out, result_t, span), result_t, span)


def reduce_sum(c: ExprChecker, e: ast.Call) -> tir.Expr:
    span = e.span
    if not e.args:
        c.error(span, '"sum" expects an iterable')
        return c.bad(span)
    items = as_list(c, e.args[0])
    if items is None or not isinstance(items.type, T.ListType):
        return c.bad(span)
    start: tir.Expr = _int(0, span)
    if len(e.args) > 1:
        start = c.expr(e.args[1])
    for kw in e.keywords:
        if kw.name == "start":
            start = c.expr(kw.value)
    elem = items.type.elem
    acc_t = c.join(start.type, elem) if not isinstance(elem, T.BoolType) else start.type
    if acc_t is None or not isinstance(acc_t, (T.IntType, T.FloatType)):
        c.error(span, f'sum() of {q(items.type)} is not supported', "sum adds ints")
        return c.bad(span)
    lst, i, acc = c.scope.temp(items.type, "items"), c.scope.temp(T.INT, "i"), c.scope.temp(
        acc_t, "acc")
    L, IX, A = _local(lst, items.type, span), _local(i, T.INT, span), _local(acc, acc_t, span)
    item = tir.Prim("list.get", (L, IX), elem, span)
    add = c.arith("+", A, item, span)
    return tir.StmtExpr((
        tir.SetLocal(lst, items, span), tir.SetLocal(acc, c.coerce(start, acc_t, lambda g: ""),
                                                     span),
        tir.SetLocal(i, _int(0, span), span),
        tir.While(tir.Prim("int.lt", (IX, tir.Prim("len.list", (L,), T.INT, span)), T.BOOL, span),
                  (tir.SetLocal(acc, c.coerce(add, acc_t, lambda g: ""), span),), (),
                  (tir.SetLocal(i, tir.Prim("index.next", (IX,), T.INT, span), span),),
                  span),
    ), A, acc_t, span)


def sorted_list(c: ExprChecker, e: ast.Call) -> tir.Expr:
    """sorted(iterable, key=None, reverse=False): a stable merge sort of a copy."""
    span = e.span
    if len(e.args) != 1:
        c.error(span, '"sorted" expects one positional argument')
        return c.bad(span)
    items = as_list(c, e.args[0])
    if items is None or not isinstance(items.type, T.ListType):
        return c.bad(span)
    elem = items.type.elem
    key = check_key(c, e, elem)
    reverse: tir.Expr = tir.Const(False, T.BOOL, span)
    for kw in e.keywords:
        if kw.name == "reverse":
            reverse = c.expect(kw.value, T.BOOL)
        elif kw.name != "key":
            c.error(kw.span, f'Unexpected keyword argument "{kw.name}" for "sorted"')
    kt = key.type.ret if key is not None and isinstance(key.type, T.FuncType) else elem
    probe_a, probe_b = _local("$a", kt, span), _local("$b", kt, span)
    if isinstance(c.compare_one("<", probe_a, probe_b, span).type, T.UnknownType):
        return c.bad(span)
    if key is None:
        return tir.Prim("list.sorted", (items, reverse), items.type, span)
    # keys = [key(x) for x in items], then sort items by keys.
    lst, kf, keys, i = (c.scope.temp(items.type, "items"), c.scope.temp(key.type, "key"),
                        c.scope.temp(T.ListType(kt), "keys"), c.scope.temp(T.INT, "i"))
    L, KS, IX = _local(lst, items.type, span), _local(keys, T.ListType(kt), span), \
        _local(i, T.INT, span)
    call = tir.IndirectCall(_local(kf, key.type, span),
                            (tir.Prim("list.get", (L, IX), elem, span),), kt, span)
    build = (
        tir.SetLocal(lst, items, span), tir.SetLocal(kf, key, span),
        tir.SetLocal(keys, tir.ListLit((), T.ListType(kt), span), span),
        tir.SetLocal(i, _int(0, span), span),
        tir.While(tir.Prim("int.lt", (IX, tir.Prim("len.list", (L,), T.INT, span)), T.BOOL,
                           span),
                  (tir.ExprStmt(tir.Prim("list.append", (KS, call), T.NONE, span), span),), (),
                  (tir.SetLocal(i, tir.Prim("index.next", (IX,), T.INT, span),
                                span),), span),
    )
    return tir.StmtExpr(build, tir.Prim("list.sorted_by", (L, KS, reverse), items.type, span),
                        items.type, span)


def eager_sequence(c: ExprChecker, which: str, e: ast.Call) -> tir.Expr:
    """enumerate / zip / reversed / list(...) outside a for loop: a new list."""
    span = e.span
    if which == "zip" and len(e.args) != 2:
        c.error(span, "zip() of exactly two iterables is supported")
        return c.bad(span)
    if which != "zip" and len(e.args) > (2 if which == "enumerate" else 1):
        c.error(span, f'Too many arguments for "{which}"')
        return c.bad(span)
    first = as_list(c, e.args[0])
    if first is None or not isinstance(first.type, T.ListType):
        return c.bad(span)
    if which == "list":
        return tir.Prim("list.slice", (first, tir.Const(-(2**63), T.INT, span),
                                       tir.Const(2**63 - 1, T.INT, span), _int(1, span)),
                        first.type, span)
    if which == "reversed":
        return tir.Prim("list.slice", (first, tir.Const(2**63 - 1, T.INT, span),
                                       tir.Const(-(2**63), T.INT, span), _int(-1, span)),
                        first.type, span)
    start: tir.Expr = _int(0, span)
    if which == "enumerate":
        if len(e.args) == 2:
            start = c.expect(e.args[1], T.INT)
        for kw in e.keywords:
            if kw.name == "start":
                start = c.expect(kw.value, T.INT)
            else:
                c.error(kw.span, f'Unexpected keyword argument "{kw.name}" for "enumerate"')
        second_t: T.Type = T.INT
    second: tir.Expr | None = None
    if which == "zip":
        second = as_list(c, e.args[1])
        if second is None or not isinstance(second.type, T.ListType):
            return c.bad(span)
        second_t = second.type
    item_t = T.TupleType((T.INT, first.type.elem)) if which == "enumerate" else \
        T.TupleType((first.type.elem, second_t.elem if isinstance(second_t, T.ListType)
                     else T.INT))
    out_t = T.ListType(item_t)
    a, i, out = c.scope.temp(first.type, "a"), c.scope.temp(T.INT, "i"), c.scope.temp(out_t,
                                                                                     "out")
    A, IX, OUT = _local(a, first.type, span), _local(i, T.INT, span), _local(out, out_t, span)
    stmts: list[tir.Stmt] = [tir.SetLocal(a, first, span), tir.SetLocal(out, tir.ListLit(
        (), out_t, span), span), tir.SetLocal(i, _int(0, span), span)]
    length: tir.Expr = tir.Prim("len.list", (A,), T.INT, span)
    if which == "enumerate":
        n = c.scope.temp(T.INT, "n")
        stmts.append(tir.SetLocal(n, start, span))
        pair: tir.Expr = tir.TupleLit((_local(n, T.INT, span), tir.Prim("list.get", (A, IX),
                                                                       first.type.elem, span)),
                                      item_t, span)
        step: tuple[tir.Stmt, ...] = (
            tir.SetLocal(i, tir.Prim("index.next", (IX,), T.INT, span), span),
            tir.SetLocal(n, tir.Prim("int.add", (_local(n, T.INT, span), _int(1, span)), T.INT,
                                     span), span))
    else:
        assert isinstance(second_t, T.ListType) and second is not None
        bname = c.scope.temp(second_t, "b")
        B = _local(bname, second_t, span)
        stmts.append(tir.SetLocal(bname, second, span))
        shorter = tir.Prim("int.lt", (tir.Prim("len.list", (B,), T.INT, span), length), T.BOOL,
                           span)
        length = tir.CondExpr(shorter, tir.Prim("len.list", (B,), T.INT, span), length, T.INT,
                              span)
        pair = tir.TupleLit((tir.Prim("list.get", (A, IX), first.type.elem, span),
                             tir.Prim("list.get", (B, IX), second_t.elem, span)), item_t, span)
        step = (tir.SetLocal(i, tir.Prim("index.next", (IX,), T.INT, span), span),)
    stmts.append(tir.While(tir.Prim("int.lt", (IX, length), T.BOOL, span),
                           (tir.ExprStmt(tir.Prim("list.append", (OUT, pair), T.NONE, span),
                                         span),), (), step, span))
    return tir.StmtExpr(tuple(stmts), OUT, out_t, span)


def list_method(c: ExprChecker, op: str, lst: tir.Expr, args: list[tir.Expr],
                span: Span) -> tir.Expr:
    """list.extend / index / count / remove: loops over the list, in TIR."""
    assert isinstance(lst.type, T.ListType)
    elem = lst.type.elem
    names = {k: c.scope.temp(t, k) for k, t in (("lst", lst.type), ("i", T.INT), ("n", T.INT))}
    L, IX, N = (_local(names["lst"], lst.type, span), _local(names["i"], T.INT, span),
                _local(names["n"], T.INT, span))
    start = [tir.SetLocal(L.name, lst, span), tir.SetLocal(IX.name, _int(0, span), span),
             tir.SetLocal(N.name, _int(0, span), span)]
    step = (tir.SetLocal(IX.name, tir.Prim("index.next", (IX,), T.INT, span), span),)
    if op == "list.extend":
        src = c.scope.temp(args[0].type, "src")
        S = _local(src, args[0].type, span)
        body: tuple[tir.Stmt, ...] = (tir.ExprStmt(tir.Prim(
            "list.append", (L, tir.Prim("list.get", (S, IX), elem, span)), T.NONE, span), span),)
        # Iterating over a copy of the length: l.extend(l) doubles l, as in CPython.
        stop = c.scope.temp(T.INT, "stop")
        return tir.StmtExpr((*start, tir.SetLocal(src, args[0], span),
                             tir.SetLocal(stop, tir.Prim("len.list", (S,), T.INT, span), span),
                             tir.While(tir.Prim("int.lt", (IX, _local(stop, T.INT, span)),
                                                T.BOOL, span), body, (), step, span)),
                            tir.Const(None, T.NONE, span), T.NONE, span)
    value = c.scope.temp(elem, "value")
    V = _local(value, elem, span)
    equal = c.compare_one("==", tir.Prim("list.get", (L, IX), elem, span), V, span)
    length = tir.Prim("len.list", (L,), T.INT, span)
    loop_test = tir.Prim("int.lt", (IX, length), T.BOOL, span)
    setup = [*start, tir.SetLocal(value, args[0], span)]
    if op == "list.count":
        count = tir.SetLocal(N.name, tir.Prim("int.add", (N, _int(1, span)), T.INT, span), span)
        return tir.StmtExpr((*setup, tir.While(loop_test, (tir.If(equal, (count,), (), span),),
                                               (), step, span)), N, T.INT, span)
    # index / remove: the first equal element, else ValueError
    found = tir.SetLocal(N.name, _int(1, span), span)
    if op == "list.index":
        # CPython: "3 is not in list"
        message: tir.Expr = tir.Prim("str.concat", (c.repr_of(V, span), tir.Const(
            " is not in list", T.STR, span)), T.STR, span)
    else:
        message = tir.Const("list.remove(x): x not in list", T.STR, span)
    stmts: list[tir.Stmt] = [*setup, tir.While(loop_test, (tir.If(equal, (found, tir.Break(span)),
                                                                   (), span),), (), step, span),
                             tir.If(tir.Prim("int.eq", (N, _int(0, span)), T.BOOL, span),
                                    (raise_builtin("ValueError", message, span),), (), span)]
    if op == "list.index":
        return tir.StmtExpr(tuple(stmts), IX, T.INT, span)
    stmts.append(tir.ExprStmt(tir.Prim("list.pop", (L, IX), elem, span), span))
    return tir.StmtExpr(tuple(stmts), tir.Const(None, T.NONE, span), T.NONE, span)


def sort_in_place(c: ExprChecker, lst: tir.Expr, e: ast.Call) -> tir.Expr:
    """lst.sort(key=None, reverse=False): sorted() without the copy."""
    if e.args:
        c.error(e.args[0].span, 'sort() takes only keyword arguments ("key", "reverse")')
    held = c.scope.temp(lst.type, "lst")
    call = ast.Call(ast.Name("sorted", e.span), (ast.Name(held, e.span),), e.keywords, e.span)
    c.scope.declare(held, lst.type)
    result = sorted_list(c, call)
    if isinstance(result.type, T.UnknownType):
        return result
    in_place = _in_place(result)
    return tir.StmtExpr((tir.SetLocal(held, lst, e.span), tir.ExprStmt(in_place, e.span)),
                        tir.Const(None, T.NONE, e.span), T.NONE, e.span)


def _in_place(sort: tir.Expr) -> tir.Expr:
    """The sorted() node turned into its in-place form (no copy of the list)."""
    if isinstance(sort, tir.StmtExpr):
        return tir.StmtExpr(sort.stmts, _in_place(sort.value), sort.type, sort.span)
    assert isinstance(sort, tir.Prim)
    return tir.Prim(sort.op.replace("sorted", "sort_in_place"), sort.args, sort.type, sort.span)
