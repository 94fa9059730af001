"""Which expressions may be assigned to, and Python's words for the others.

The grammar parses a target as an ordinary expression (LALR cannot know it is
a target until it sees the `=`); this checks it afterwards.
"""

from __future__ import annotations

from typing import Literal

from pwc.syntax import ast
from pwc.syntax.build_context import BuildContext
from pwc.syntax.unsupported import LIST_TARGET

TargetUse = Literal["assign", "for", "del", "augmented", "annotated"]


def check_target(ctx: BuildContext, target: ast.Expr, use: TargetUse) -> None:
    """Report `target` if it cannot be the target of `use`."""
    match target:
        case ast.Name() | ast.Attribute() | ast.Subscript():
            return
        case ast.TupleExpr() if use in ("assign", "for", "del"):
            for element in target.elts:
                check_target(ctx, element, use)
            return
        case ast.ListExpr() if use in ("assign", "for", "del"):
            ctx.unsupported(target.span, LIST_TARGET)
            return
    what = expression_name(target)
    match use:
        case "assign":
            ctx.error(
                target.span, f"cannot assign to {what}", hint="did you mean '==' instead of '='?"
            )
        case "for":
            ctx.error(target.span, f"cannot assign to {what}")
        case "del":
            ctx.error(target.span, f"cannot delete {what}")
        case "augmented":
            ctx.error(target.span, f"'{what}' is an illegal expression for augmented assignment")
        case "annotated" if isinstance(target, ast.TupleExpr | ast.ListExpr):
            kind = "tuple" if isinstance(target, ast.TupleExpr) else "list"
            ctx.error(target.span, f"only single target (not {kind}) can be annotated")
        case "annotated":
            ctx.error(target.span, "illegal target for annotation")


def expression_name(expr: ast.Expr) -> str:
    """How CPython's messages name a kind of expression."""
    match expr:
        case ast.Name():
            return "name"
        case ast.Attribute():
            return "attribute"
        case ast.Subscript():
            return "subscript"
        case ast.TupleExpr():
            return "tuple"
        case ast.ListExpr():
            return "list"
        case ast.Call():
            return "function call"
        case ast.BinOp() | ast.UnaryOp() | ast.BoolOp():
            return "expression"
        case ast.Compare():
            return "comparison"
        case ast.IfExp():
            return "conditional expression"
        case ast.Lambda():
            return "lambda"
        case ast.ListComp():
            return "list comprehension"
        case ast.SetComp():
            return "set comprehension"
        case ast.DictComp():
            return "dict comprehension"
        case ast.DictExpr():
            return "dict literal"
        case ast.SetExpr():
            return "set display"
        case ast.GeneratorExp():
            return "generator expression"
        case ast.JoinedStr():
            return "f-string expression"
        case ast.Constant(value=bool() | None as value):
            return str(value)
        case ast.Constant(value=ast.EllipsisType()):
            return "ellipsis"
        case ast.Constant():
            return "literal"
