"""`@dataclass`: the methods it generates, written out as syntax trees.

For each field (class-body annotations, base dataclasses' fields first; a
field declared again keeps its place and takes the new type and default) the
class gets, unless it defines them itself:

    def __init__(self, a: A, b: B = default) -> None: self.a = a; self.b = b
    def __repr__(self) -> str: return f"{type(self).__name__}(a={self.a!r}, b={self.b!r})"
    def __eq__(self, other: Root) -> bool:
        if not isinstance(other, Name): return False
        if type(self) is not type(other): return False
        return self.a == other.a and ...

where Root is the first dataclass of the class's ancestry, so that every
__eq__ of a hierarchy has the same signature; as in CPython, instances of
different classes are never equal.

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


def with_base_fields(base: list[Field], own: list[Field], base_name: str,
                     diags: Diagnostics) -> list[Field]:
    """The fields of a dataclass whose base dataclass has `base`."""
    merged = list(base)
    for f in own:
        at = next((i for i, b in enumerate(merged) if b.name == f.name), None)
        if at is None:
            merged.append(f)
        else:
            merged[at] = f
    first = _first_default(merged)
    for f in merged[first:]:
        if f.default is None and f.factory is None and f in own and first < len(base):
            diags.error(f.span, f'field "{f.name}" without a default follows fields with one '
                        f'in base class "{base_name}"', "give it a default value")
            break
    return merged


def _first_default(fields: list[Field]) -> int:
    return next((i for i, f in enumerate(fields) if f.default or f.factory), len(fields))


def generated_methods(node: ast.ClassDef, fields: list[Field],
                      root: str) -> list[ast.FunctionDef]:
    """The methods @dataclass adds that the class does not define itself;
    `root` names the first dataclass of its ancestry (see the module's doc)."""
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
        # The instance's own class name: a plain subclass inherits this method.
        class_name = ast.Attribute(ast.Call(name("type"), (name("self"),), (), span), "__name__",
                                   span, span)
        parts: list[ast.Constant | ast.FormattedValue] = [
            ast.FormattedValue(class_name, None, None, span)]
        text = "("
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
        other = ast.Param("other", ast.Constant(root, span), None, False, span)
        false = ast.Return(ast.Constant(False, span), span)
        same_class = ast.Compare(
            ast.Call(name("type"), (name("self"),), (), span), ("is not",),
            (ast.Call(name("type"), (name("other"),), (), span),), span)
        checks = (
            ast.If(ast.UnaryOp("not", ast.Call(name("isinstance"), (name("other"), name(node.name)),
                                               (), span), span), (false,), (), span),
            ast.If(same_class, (false,), (), span),
        )
        out.append(method("__eq__", (other,), name("bool"),
                          (*checks, ast.Return(result, span))))
    return out
