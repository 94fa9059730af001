"""List and dict comprehensions, desugared into loops inside a StmtExpr.

    [elt for x in xs if c]   ->   $comp = []; for x in xs: if c: $comp.append(elt); $comp

The loop variables get fresh locals (comprehensions have their own scope in
Python 3, so they never clash with or leak into the function's names).  When
no type is expected from the context, the element type is found by checking
the comprehension once with its diagnostics discarded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pwc.check import tir
from pwc.check import types as T
from pwc.diagnostics import Diagnostics, Span
from pwc.syntax import ast

if TYPE_CHECKING:
    from pwc.check.exprs import ExprChecker

Comp = ast.ListComp | ast.DictComp | ast.SetComp


def check_comprehension(c: ExprChecker, e: Comp, expected: T.Type | None) -> tir.Expr:
    from pwc.check.body import BodyChecker

    assert isinstance(c, BodyChecker)
    # The loop variables are the comprehension's own: fresh locals.
    saved_renames = dict(c.scope.renames)
    c.comprehension_count += 1
    for gen in e.generators:
        for name in _target_names(gen.target):
            c.scope.renames[name] = f"{name}$comp{c.comprehension_count}"
    try:
        return _check(c, e, expected)
    finally:
        c.scope.renames = saved_renames


def _target_names(t: ast.Expr) -> list[str]:
    match t:
        case ast.Name(id=name):
            return [name]
        case ast.TupleExpr(elts=elts) | ast.ListExpr(elts=elts):
            return [n for x in elts for n in _target_names(x)]
    return []


def _check(c: ExprChecker, e: Comp, expected: T.Type | None) -> tir.Expr:
    from pwc.check.body import BodyChecker

    assert isinstance(c, BodyChecker)
    t = _result_type(c, e, expected)
    if t is None:
        return c.bad(e.span)
    result = c.scope.temp(t, "comp")
    target = ast.Name(result, e.span)
    empty: tir.Expr = (tir.ListLit((), t, e.span) if isinstance(t, T.ListType)
                       else tir.SetLit((), t, e.span) if isinstance(t, T.SetType)
                       else tir.DictLit((), (), t, e.span))
    stmts: list[tir.Stmt] = [tir.SetLocal(result, empty, e.span)]
    stmts += c.block((_loops(e, target),))
    return tir.StmtExpr(tuple(stmts), tir.Local(result, t, e.span), t, e.span)


def _trial_span(e: Comp) -> Span:
    """A span no other node has: marks the element in the trial run."""
    return Span("<comprehension element>", e.span.line, e.span.col, e.span.end_line,
                e.span.end_col)


def _loops(e: Comp, target: ast.Name | None) -> ast.Stmt:
    """The comprehension as nested for/if statements around the append (around a
    bare evaluation of the element when `target` is None: the trial run)."""
    span = e.span
    inner: ast.Stmt
    if target is None:
        elt = e.key if isinstance(e, ast.DictComp) else e.elt
        if isinstance(e, ast.DictComp):
            elt = ast.TupleExpr((e.key, e.value), span)
        inner = ast.ExprStmt(elt, _trial_span(e))
    elif isinstance(e, (ast.ListComp, ast.SetComp)):
        method = "append" if isinstance(e, ast.ListComp) else "add"
        inner = ast.ExprStmt(ast.Call(ast.Attribute(target, method, span, span), (e.elt,),
                                      (), span), span)
    else:
        inner = ast.Assign((ast.Subscript(target, e.key, span),), e.value, span)
    for gen in reversed(e.generators):
        for cond in reversed(gen.ifs):
            inner = ast.If(cond, (inner,), (), cond.span)
        inner = ast.For(gen.target, gen.iter, (inner,), (), gen.span)
    return inner


def _result_type(c: ExprChecker, e: Comp, expected: T.Type | None) -> T.Type | None:
    from pwc.check.body import BodyChecker
    from pwc.check.tir import walk

    assert isinstance(c, BodyChecker)
    want = {ast.ListComp: T.ListType, ast.SetComp: T.SetType, ast.DictComp: T.DictType}[type(e)]
    if isinstance(expected, want):
        return expected
    # A trial run on a copy of the function state, to learn the element type.
    scope = c.scope
    saved = (dict(scope.locals), list(scope.local_order), dict(scope.narrowed), c.diags)
    c.diags = Diagnostics()
    try:
        trial = c.block((_loops(e, None),))
        failed = c.diags.has_errors
    finally:
        scope.locals, scope.local_order, scope.narrowed, c.diags = saved
    found = [n.value.type for s in trial for n in walk(s)
             if isinstance(n, tir.ExprStmt) and n.span == _trial_span(e)]
    if failed or not found:
        # Check for real to report what is wrong.
        c.block((_loops(e, None),))
        if not c.diags.has_errors:
            c.error(e.span, "cannot infer the type of this comprehension",
                    "annotate the variable it is assigned to")
        return None
    t = found[0]
    if isinstance(e, ast.ListComp):
        return T.ListType(t)
    if isinstance(e, ast.SetComp):
        if not T.is_key(t):
            c.error(e.span, f'set items of type "{t}" are not supported yet')
            return None
        return T.SetType(t)
    assert isinstance(t, T.TupleType)
    key, value = t.items
    if not T.is_key(key):
        c.error(e.span, f'dict keys of type "{key}" are not supported yet')
        return None
    return T.DictType(key, value)


# Calls that consume an iterable at once: a generator expression passed as
# their single argument behaves exactly like the list comprehension.
CONSUMERS = frozenset({"sum", "min", "max", "sorted", "list", "set", "tuple", "enumerate",
                       "zip", "reversed"})


def as_comprehension(e: ast.Expr) -> ast.Expr:
    if isinstance(e, ast.GeneratorExp):
        return ast.ListComp(e.elt, e.generators, e.span)
    return e


def any_all(c: ExprChecker, which: str, e: ast.Call) -> tir.Expr:
    """any()/all() that stop at the first decisive item, as CPython's do (a
    generator expression's later items are never computed)."""
    from pwc.check.body import BodyChecker

    assert isinstance(c, BodyChecker)
    if len(e.args) != 1 or e.keywords:
        c.error(e.span, f'"{which}" expects one argument')
        return c.bad(e.span, T.BOOL)
    arg = e.args[0]
    span = e.span
    if isinstance(arg, (ast.ListExpr, ast.TupleExpr)) and not arg.elts:
        return tir.Const(which == "all", T.BOOL, span)
    if isinstance(arg, ast.GeneratorExp):
        elt, generators = arg.elt, arg.generators
    else:
        item = ast.Name("$item", span)
        elt, generators = item, (ast.Comprehension(item, arg, (), span),)
    c.comprehension_count += 1
    flag = f"${which}{c.comprehension_count}"
    c.scope.declare(flag, T.BOOL)
    found = ast.Constant(which == "any", span)
    test: ast.Expr = elt if which == "any" else ast.UnaryOp("not", elt, span)
    decided: ast.Expr = ast.Name(flag, span) if which == "any" else ast.UnaryOp(
        "not", ast.Name(flag, span), span)
    inner: ast.Stmt = ast.If(test, (ast.Assign((ast.Name(flag, span),), found, span),
                                    ast.Break(span)), (), span)
    for i, gen in enumerate(reversed(generators)):
        for cond in reversed(gen.ifs):
            inner = ast.If(cond, (inner,), (), cond.span)
        body: tuple[ast.Stmt, ...] = (inner,)
        if i > 0:
            body = (inner, ast.If(decided, (ast.Break(span),), (), span))
        inner = ast.For(gen.target, gen.iter, body, (), gen.span)
    saved = dict(c.scope.renames)
    for gen in generators:
        for name in _target_names(gen.target):
            c.scope.renames[name] = f"{name}$comp{c.comprehension_count}"
    try:
        stmts = [tir.SetLocal(flag, tir.Const(which == "all", T.BOOL, span), span),
                 *c.block((inner,))]
    finally:
        c.scope.renames = saved
    return tir.StmtExpr(tuple(stmts), tir.Local(flag, T.BOOL, span), T.BOOL, span)
