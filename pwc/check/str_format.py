"""`"template".format(...)`: a literal template becomes what an f-string would.

The template is parsed at compile time (CPython's own parser for it,
`string.Formatter.parse`), so a malformed template, an index past the
arguments or a keyword nobody passed is a compile error rather than the
ValueError, IndexError or KeyError CPython raises at run time.  Arguments
are evaluated once each, left to right, before any is formatted.
"""

from __future__ import annotations

import string

from pwc.check import tir
from pwc.check import types as T
from pwc.check.exprs import ExprChecker, concat_strs
from pwc.diagnostics import Span
from pwc.syntax import ast


class _TemplateError(Exception):
    pass


def str_format(c: ExprChecker, template: tir.Expr, e: ast.Call) -> tir.Expr:
    lets: list[tuple[str, tir.Expr]] = []

    def evaluated(a: ast.Expr) -> tir.Expr:
        bound, value = c.held(c.expr(a))
        lets.extend(bound)
        return value

    positional = [evaluated(a) for a in e.args]
    keywords = {kw.name: evaluated(kw.value) for kw in e.keywords if kw.name is not None}
    if not (isinstance(template, tir.Const) and isinstance(template.value, str)):
        c.error(template.span, "str.format() needs a literal format string",
                "use an f-string")
        return c.bad(e.span, T.STR)
    try:
        result = _Template(c, positional, keywords, e.span).render(template.value)
    except _TemplateError as err:
        c.error(template.span, str(err))
        return c.bad(e.span, T.STR)
    for name, value in reversed(lets):
        result = tir.Let(name, value, result, T.STR, e.span)
    return result


class _Template:
    def __init__(self, c: ExprChecker, positional: list[tir.Expr],
                 keywords: dict[str, tir.Expr], span: Span) -> None:
        self.c = c
        self.positional = positional
        self.keywords = keywords
        self.span = span
        self.next_index: int | None = 0  # None once a field was numbered by hand

    def render(self, text: str) -> tir.Expr:
        parts: list[tir.Expr] = []
        try:
            fields = list(string.Formatter().parse(text))
        except ValueError as err:
            raise _TemplateError(str(err)) from None
        for literal, name, spec, conversion in fields:
            if literal:
                parts.append(tir.Const(literal, T.STR, self.span))
            if name is None:
                continue
            value = self.argument(name)
            if conversion == "r":
                value = self.c.repr_of(value, self.span)
            elif conversion == "s":
                value = self.c.str_of(value, self.span)
            elif conversion is not None:
                raise _TemplateError(f"the conversion '!{conversion}' is not supported")
            if spec:
                parts.append(self.c.formatted(value, self.render(spec), self.span))
            else:
                parts.append(self.c.str_of(value, self.span))
        return concat_strs(parts, self.span)

    def argument(self, name: str) -> tir.Expr:
        if any(ch in name for ch in ".["):
            raise _TemplateError(f"attribute and index access in a field ('{name}') is not "
                                 "supported")
        if name == "":
            if self.next_index is None:
                raise _TemplateError("cannot switch from manual field specification to "
                                     "automatic field numbering")
            index = self.next_index
            self.next_index += 1
        elif name.isdigit():
            if self.next_index not in (None, 0):
                raise _TemplateError("cannot switch from automatic field numbering to "
                                     "manual field specification")
            self.next_index = None
            index = int(name)
        else:
            if name not in self.keywords:
                raise _TemplateError(f"no keyword argument '{name}' for this field")
            return self.keywords[name]
        if index >= len(self.positional):
            raise _TemplateError(f"Replacement index {index} out of range for positional "
                                 "args tuple")
        return self.positional[index]
