"""Lambdas and nested functions: closure conversion.

An inner function becomes a TIR function of its own whose hidden first
parameter is the closure object; the values it uses from enclosing
functions are copied into the closure when it is created and read back into
locals on entry.  Copying is exact Python semantics only for variables that
are never reassigned (Python closes over the variable, not its value), so the
checker accepts a capture only of a variable assigned at most once in its
function (parameters: never) and already assigned where the inner function
is created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pwc.check import tir
from pwc.check import types as T
from pwc.check.scope import FunctionScope
from pwc.diagnostics import Span
from pwc.syntax import ast

if TYPE_CHECKING:
    from pwc.check.body import BodyChecker

CLOSURE_PARAM = "$closure"


class InnerFunction:
    """The state of one inner function while its body is checked."""

    def __init__(self, outer: BodyChecker, symbol: str) -> None:
        self.outer = outer
        self.symbol = symbol
        self.captures: list[tuple[str, T.Type]] = []


def inner_checker(outer: BodyChecker, symbol: str, params: list[tuple[str, T.Type]],
                  ret: T.Type, body_names: frozenset[str]) -> BodyChecker:
    from pwc.check.body import BodyChecker

    inner = BodyChecker(outer.declarer, outer.module, None, outer.cls, outer.diags,
                        outer._pending)
    inner.is_module_init = False
    inner.func = outer.func  # for super() and field declarations: the enclosing method's
    inner.scope = FunctionScope(symbol, ret)
    inner.scope.params = [(CLOSURE_PARAM, T.OBJECT), *params]
    inner.scope.assigned_names = body_names
    inner.inner = InnerFunction(outer, symbol)
    inner.functions = outer.functions
    return inner


def capture(c: BodyChecker, name: str, span: Span) -> tir.Expr | None:
    """`name` from an enclosing function, captured; None if no enclosing
    function defines it (then it is a global or undefined)."""
    if c.inner is None:
        return None
    for captured, t in c.inner.captures:
        if captured == name:
            return tir.Local(name, t, span)
    outer = c.inner.outer
    if name in outer.scope.global_names:
        return None  # the module's variable, read when the function runs
    if "$comp" in outer.scope.renames.get(name, ""):
        c.error(span, f'cannot capture "{name}": it is a comprehension\'s loop variable',
                "Python closures see its last value; pass it as a parameter instead")
        return c.bad(span)
    declared = outer.scope.type_of(name)
    if declared is None:
        if name in outer.scope.assigned_names and not outer.is_module_init:
            c.error(span, f'"{name}" must be assigned before the function that uses it is '
                    "created", "pwc copies captured variables when the closure is made")
            return c.bad(span)
        return capture(outer, name, span) if outer.inner is not None else None
    if outer.assignment_count(name) > 1:
        c.error(span, f'cannot capture "{name}": it is assigned more than once',
                "pwc copies captured variables when the closure is made; bind the value to "
                "a new name that is assigned once")
        return c.bad(span)
    value = outer.name(ast.Name(name, span))
    c.inner.captures.append((name, value.type))
    c.scope.declare(name, value.type)
    return tir.Local(name, value.type, span)


def finish(inner: BodyChecker, params: tuple[tuple[str, T.Type], ...], ret: T.Type,
           body: list[tir.Stmt], span: Span) -> tir.MakeClosure:
    """Emit the inner function and return the expression that creates its closure."""
    assert inner.inner is not None
    captures = inner.inner.captures
    types = tuple(t for _, t in captures)
    prologue: list[tir.Stmt] = [
        tir.SetLocal(name, tir.CaptureGet(i, types, t, span), span)
        for i, (name, t) in enumerate(captures)]
    scope = inner.scope
    inner.functions.append(tir.Function(
        inner.inner.symbol, ((CLOSURE_PARAM, T.OBJECT), *params), ret,
        tuple((n, scope.locals[n]) for n in scope.local_order),
        (*prologue, *body), span, inner.module.location_prefix, closure=True))
    outer = inner.inner.outer
    values = tuple(outer.name(ast.Name(name, span)) for name, _ in captures)
    return tir.MakeClosure(inner.inner.symbol, values,
                           T.FuncType(tuple(t for _, t in params), ret), span)


def check_lambda(c: BodyChecker, e: ast.Lambda, expected: T.Type | None) -> tir.Expr:
    if not isinstance(expected, T.FuncType):
        c.error(e.span, "cannot infer the type of this lambda",
                'give it a Callable type, e.g. "f: Callable[[int], int] = lambda x: x + 1"')
        return c.bad(e.span)
    if len(e.params) != len(expected.params) or any(
            p.default is not None or p.keyword_only for p in e.params):
        c.error(e.span, f"lambda takes {len(e.params)} parameters, but {expected} "
                f"expects {len(expected.params)}")
        return c.bad(e.span)
    params = [(p.name, t) for p, t in zip(e.params, expected.params, strict=True)]
    c.lambda_count += 1
    inner = inner_checker(c, f"{c.scope.symbol}.<lambda{c.lambda_count}>", params,
                          expected.ret, frozenset())
    value = inner.expr(e.body, expected.ret)
    if isinstance(expected.ret, T.UnknownType):
        # The caller leaves the result type to the body (key= functions).
        expected = T.FuncType(expected.params, value.type)
        inner.scope.ret = value.type
    if isinstance(expected.ret, T.NoneType):
        body: list[tir.Stmt] = [tir.ExprStmt(value, e.body.span), tir.Return(None, e.span)]
    else:
        ret = expected.ret
        body = [tir.Return(inner.coerce(value, ret, lambda got: f"Incompatible return value "
                                        f'type (got "{got}", expected "{ret}")'), e.span)]
    return finish(inner, tuple(params), expected.ret, body, e.span)


def check_nested_def(c: BodyChecker, s: ast.FunctionDef) -> list[tir.Stmt]:
    from pwc.check.body import _always_leaves, _assigned_names

    for d in s.decorators:
        c.error(d.span, "decorators on nested functions are not supported")
    params: list[tuple[str, T.Type]] = []
    for p in s.params:
        if p.annotation is None:
            c.error(p.span, f'Function is missing a type annotation for argument "{p.name}"')
            return []
        if p.default is not None or p.keyword_only:
            c.error(p.span, "nested functions take positional parameters without defaults")
            return []
        t = c.declarer.resolve_type(c.module, p.annotation)
        if t is None:
            return []
        params.append((p.name, t))
    if s.returns is None:
        c.error(s.name_span, "Function is missing a return type annotation")
        return []
    ret = c.declarer.resolve_type(c.module, s.returns)
    if ret is None:
        return []
    inner = inner_checker(c, f"{c.scope.symbol}.<locals>.{s.name}", params, ret,
                          frozenset(_assigned_names(s.body)))
    body = inner.block(s.body)
    if not isinstance(ret, T.NoneType) and not _always_leaves(s.body):
        c.error(s.name_span, "Missing return statement")
    closure = finish(inner, tuple(params), ret, body, s.span)
    return c.store_name(s.name, closure, s.name_span, closure.type)
