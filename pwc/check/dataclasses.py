"""`@dataclass`: the methods it generates, written out as syntax trees.

For each field (class-body annotations, base dataclasses' fields first) the
class gets, unless it defines them itself:

    def __init__(self, a: A, b: B = default) -> None: self.a = a; self.b = b
    def __repr__(self) -> str: return f"Name(a={self.a!r}, b={self.b!r})"
    def __eq__(self, other: Name) -> bool: return self.a == other.a and ...

`field(default_factory=f)` becomes a parameter defaulting to None and
`self.x = x if x is not None else f()`.  The methods then go through the
checker like hand-written ones, so their errors and code are ordinary.
"""

from __future__ import annotations

from dataclasses import dataclass

from pwc.diagnostics import Diagnostics, Span
from pwc.syntax import ast


@dataclass(frozen=True)
class Field:
    name: str
    annotation: ast.Expr
    default: ast.Expr | None
    factory: ast.Expr | None
    span: Span


def dataclass_fields(node: ast.ClassDef, diags: Diagnostics) -> list[Field]:
    out: list[Field] = []
    for stmt in node.body:
        if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
            continue
        default, factory = stmt.value, None
        if isinstance(default, ast.Call) and isinstance(default.func, ast.Name) and \
                default.func.id == "field":
            factory = next((k.value for k in default.keywords if k.name == "default_factory"),
                           None)
            plain = next((k.value for k in default.keywords if k.name == "default"), None)
            if factory is None and plain is None:
                diags.error(default.span, "field() needs default= or default_factory=")
            default = plain
        elif isinstance(default, (ast.ListExpr, ast.DictExpr, ast.SetExpr)):
            diags.error(default.span, "mutable default values are not allowed in a dataclass",
                        "use field(default_factory=list)")
            default = None
        out.append(Field(stmt.target.id, stmt.annotation, default, factory, stmt.span))
    if any(f.default is None and f.factory is None for f in out[_first_default(out):]):
        first = out[_first_default(out)]
        diags.error(first.span, "fields without a default cannot follow fields with one")
    return out


def _first_default(fields: list[Field]) -> int:
    return next((i for i, f in enumerate(fields) if f.default or f.factory), len(fields))


def generated_methods(node: ast.ClassDef, fields: list[Field]) -> list[ast.FunctionDef]:
    """The methods @dataclass adds that the class does not define itself."""
    span = node.name_span
    defined = {s.name for s in node.body if isinstance(s, ast.FunctionDef)}

    def name(n: str) -> ast.Name:
        return ast.Name(n, span)

    def attr(obj: str, field: str) -> ast.Attribute:
        return ast.Attribute(name(obj), field, span, span)

    def method(n: str, params: tuple[ast.Param, ...], returns: ast.Expr,
               body: tuple[ast.Stmt, ...]) -> ast.FunctionDef:
        return ast.FunctionDef(n, (ast.Param("self", None, None, False, span), *params),
                               returns, body, (), node.span, span)

    out: list[ast.FunctionDef] = []
    if "__init__" not in defined:
        params: list[ast.Param] = []
        body: list[ast.Stmt] = []
        for f in fields:
            if f.factory is not None:
                optional = ast.BinOp(f.annotation, "|", ast.Constant(None, span), span)
                params.append(ast.Param(f.name, optional, ast.Constant(None, span), False, span))
                given = ast.Compare(name(f.name), ("is not",), (ast.Constant(None, span),), span)
                value: ast.Expr = ast.IfExp(given, name(f.name), ast.Call(f.factory, (), (), span),
                                            span)
            else:
                params.append(ast.Param(f.name, f.annotation, f.default, False, span))
                value = name(f.name)
            body.append(ast.AnnAssign(attr("self", f.name), f.annotation, value, span))
        out.append(method("__init__", tuple(params), ast.Constant(None, span),
                          tuple(body) or (ast.Pass(span),)))
    if "__repr__" not in defined:
        parts: list[ast.Constant | ast.FormattedValue] = []
        text = f"{node.name}("
        for i, f in enumerate(fields):
            text += f"{', ' if i else ''}{f.name}="
            parts.append(ast.Constant(text, span))
            parts.append(ast.FormattedValue(attr("self", f.name), "r", None, span))
            text = ""
        parts.append(ast.Constant(text + ")", span))
        out.append(method("__repr__", (), name("str"),
                          (ast.Return(ast.JoinedStr(tuple(parts), span), span),)))
    if "__eq__" not in defined:
        tests: tuple[ast.Expr, ...] = tuple(
            ast.Compare(attr("self", f.name), ("==",), (attr("other", f.name),), span)
            for f in fields)
        result: ast.Expr = (ast.Constant(True, span) if not tests else tests[0]
                            if len(tests) == 1 else ast.BoolOp("and", tests, span))
        other = ast.Param("other", ast.Constant(node.name, span), None, False, span)
        out.append(method("__eq__", (other,), name("bool"), (ast.Return(result, span),)))
    return out
