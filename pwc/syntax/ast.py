"""The untyped syntax tree: what the parser produces, nothing resolved yet.

Every node is a frozen dataclass with a `span`.  The tree covers the whole
accepted syntax of the dialect; constructs outside it never reach here (the
parser reports them).  Names follow Python's own `ast` module where they can,
so a reader who knows one knows the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from pwc.diagnostics import Span

# ---------------------------------------------------------------- expressions

BinOpKind = Literal["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
UnaryOpKind = Literal["-", "+", "~", "not"]
CompareKind = Literal["==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"]


@dataclass(frozen=True)
class Name:
    id: str
    span: Span


@dataclass(frozen=True)
class Constant:
    """int, float, str, bytes, bool, None or Ellipsis (`...` as a body)."""

    value: int | float | str | bytes | bool | None | EllipsisType
    span: Span


@dataclass(frozen=True)
class EllipsisType:
    """The value of a `...` constant (kept distinct from Python's Ellipsis for typing)."""


ELLIPSIS = EllipsisType()


@dataclass(frozen=True)
class Attribute:
    value: Expr
    attr: str
    span: Span
    attr_span: Span


@dataclass(frozen=True)
class Keyword:
    name: str
    value: Expr
    span: Span


@dataclass(frozen=True)
class Call:
    func: Expr
    args: tuple[Expr, ...]
    keywords: tuple[Keyword, ...]
    span: Span


@dataclass(frozen=True)
class BinOp:
    left: Expr
    op: BinOpKind
    right: Expr
    span: Span


@dataclass(frozen=True)
class UnaryOp:
    op: UnaryOpKind
    operand: Expr
    span: Span


@dataclass(frozen=True)
class BoolOp:
    op: Literal["and", "or"]
    values: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class Compare:
    """`a < b <= c`: left, then one op and comparator per link of the chain."""

    left: Expr
    ops: tuple[CompareKind, ...]
    comparators: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class IfExp:
    test: Expr
    body: Expr
    orelse: Expr
    span: Span


@dataclass(frozen=True)
class Slice:
    lower: Expr | None
    upper: Expr | None
    step: Expr | None
    span: Span


@dataclass(frozen=True)
class Subscript:
    """`value[index]`; index is a Slice for `a[i:j:k]`, a TupleExpr for `d[a, b]`."""

    value: Expr
    index: Expr | Slice
    span: Span


@dataclass(frozen=True)
class ListExpr:
    elts: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class TupleExpr:
    elts: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class SetExpr:
    elts: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class DictExpr:
    keys: tuple[Expr, ...]
    values: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class FormattedValue:
    """One `{value!conversion:format_spec}` field of an f-string."""

    value: Expr
    conversion: Literal["r", "s", "a"] | None
    format_spec: JoinedStr | None
    span: Span


@dataclass(frozen=True)
class JoinedStr:
    """An f-string: literal text (Constant str) and FormattedValue parts."""

    parts: tuple[Constant | FormattedValue, ...]
    span: Span


@dataclass(frozen=True)
class Param:
    name: str
    annotation: Expr | None
    default: Expr | None
    keyword_only: bool
    span: Span


@dataclass(frozen=True)
class Lambda:
    params: tuple[Param, ...]
    body: Expr
    span: Span


@dataclass(frozen=True)
class Comprehension:
    """One `for target in iter if cond...` clause."""

    target: Expr
    iter: Expr
    ifs: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class ListComp:
    elt: Expr
    generators: tuple[Comprehension, ...]
    span: Span


@dataclass(frozen=True)
class SetComp:
    elt: Expr
    generators: tuple[Comprehension, ...]
    span: Span


@dataclass(frozen=True)
class DictComp:
    key: Expr
    value: Expr
    generators: tuple[Comprehension, ...]
    span: Span


@dataclass(frozen=True)
class GeneratorExp:
    """`(elt for ...)`: accepted only as the single argument of a call that
    consumes it at once (sum, any, sorted, "".join, ...)."""

    elt: Expr
    generators: tuple[Comprehension, ...]
    span: Span


Expr = Union[
    Name, Constant, Attribute, Call, BinOp, UnaryOp, BoolOp, Compare, IfExp, Subscript,
    ListExpr, TupleExpr, SetExpr, DictExpr, JoinedStr, Lambda, ListComp, SetComp, DictComp,
    GeneratorExp,
]

# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class ExprStmt:
    value: Expr
    span: Span


@dataclass(frozen=True)
class Assign:
    """`a = b = value`: one or more targets (Name, Attribute, Subscript, TupleExpr)."""

    targets: tuple[Expr, ...]
    value: Expr
    span: Span


@dataclass(frozen=True)
class AnnAssign:
    target: Expr
    annotation: Expr
    value: Expr | None
    span: Span


@dataclass(frozen=True)
class AugAssign:
    target: Expr
    op: BinOpKind
    value: Expr
    span: Span


@dataclass(frozen=True)
class Return:
    value: Expr | None
    span: Span


@dataclass(frozen=True)
class Pass:
    span: Span


@dataclass(frozen=True)
class Global:
    """`global a, b`: in a function, assignments to these names rebind the
    module's variables."""

    names: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class Break:
    span: Span


@dataclass(frozen=True)
class Continue:
    span: Span


@dataclass(frozen=True)
class If:
    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]  # an `elif` is a nested If alone in orelse
    span: Span


@dataclass(frozen=True)
class While:
    test: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class For:
    target: Expr
    iter: Expr
    body: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class ExceptHandler:
    type: Expr | None  # None for a bare `except:`
    name: str | None
    body: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class Try:
    body: tuple[Stmt, ...]
    handlers: tuple[ExceptHandler, ...]
    orelse: tuple[Stmt, ...]
    finalbody: tuple[Stmt, ...]
    span: Span


@dataclass(frozen=True)
class Raise:
    exc: Expr | None
    cause: Expr | None
    span: Span


@dataclass(frozen=True)
class Assert:
    test: Expr
    msg: Expr | None
    span: Span


@dataclass(frozen=True)
class Delete:
    targets: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class Alias:
    """`name as asname` in an import; name may be dotted for `import a.b`."""

    name: str
    asname: str | None
    span: Span


@dataclass(frozen=True)
class Import:
    names: tuple[Alias, ...]
    span: Span


@dataclass(frozen=True)
class ImportFrom:
    module: str  # dotted; relative imports are rejected by the parser
    names: tuple[Alias, ...]
    span: Span


@dataclass(frozen=True)
class FunctionDef:
    name: str
    params: tuple[Param, ...]
    returns: Expr | None
    body: tuple[Stmt, ...]
    decorators: tuple[Expr, ...]
    span: Span
    name_span: Span


@dataclass(frozen=True)
class ClassDef:
    name: str
    bases: tuple[Expr, ...]
    body: tuple[Stmt, ...]
    decorators: tuple[Expr, ...]
    span: Span
    name_span: Span


Stmt = Union[
    ExprStmt, Assign, AnnAssign, AugAssign, Return, Pass, Break, Continue, If, While, For,
    Try, Raise, Assert, Delete, Import, ImportFrom, FunctionDef, ClassDef, Global,
]


@dataclass(frozen=True)
class Module:
    path: str
    body: tuple[Stmt, ...]
    span: Span


def contains_call(node: object) -> bool:
    """Whether a call appears in `node` (a node, or a tuple of nodes): code
    that might run the program's own functions."""
    if isinstance(node, Call):
        return True
    if isinstance(node, tuple):
        return any(contains_call(item) for item in node)
    fields = getattr(node, "__dataclass_fields__", None)
    return fields is not None and any(
        contains_call(getattr(node, name)) for name in fields if name != "span")
