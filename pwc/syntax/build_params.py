"""Parameter lists of `def` and `lambda`, checked as Python checks them.

The grammar reads parameters as one flat list (`a, b=1, *, c`); the order
rules are checked here so their errors read like Python's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lark import Token

from pwc.diagnostics import Span
from pwc.syntax import ast, unsupported
from pwc.syntax.build_context import Child, token, tree

if TYPE_CHECKING:
    from pwc.syntax.build_expr import ExprBuilder


def build_params(builder: ExprBuilder, node: Child) -> tuple[ast.Param, ...]:
    """The parameters of a `def` or a `lambda` (node is None when there are none)."""
    if node is None:
        return ()
    collector = _ParamCollector(builder)
    for item in tree(node).children:
        collector.add(tree(item))
    collector.finish()
    return tuple(collector.params)


@dataclass
class _ParamCollector:
    builder: ExprBuilder
    params: list[ast.Param] = field(default_factory=list)
    keyword_only: bool = False
    bare_star: Span | None = None  # a `*` still waiting for a keyword-only parameter
    star_seen: bool = False
    double_star: Span | None = None

    def add(self, node: Child) -> None:
        item = tree(node)
        ctx = self.builder.ctx
        span = ctx.span(item)
        if self.double_star is not None:
            ctx.error(span, "arguments cannot follow var-keyword argument")
        match item.data:
            case "slash_param":
                ctx.unsupported(span, unsupported.POSITIONAL_ONLY)
            case "star_param" | "lambda_star_param":
                if self.star_seen:
                    ctx.error(span, "* argument may appear only once")
                self.star_seen = self.keyword_only = True
                if item.children[0] is None:
                    self.bare_star = span
                else:
                    ctx.unsupported(span, unsupported.STAR_PARAMETER)
                    self._annotation(item.children[1:])
            case "double_star_param" | "lambda_double_star_param":
                ctx.unsupported(span, unsupported.DOUBLE_STAR_PARAMETER)
                self._annotation(item.children[1:])
                self.double_star = span
            case "param":
                name, annotation, default = item.children
                self._param(token(name), annotation, default, span)
            case "lambda_param":
                name, default = item.children
                self._param(token(name), None, default, span)

    def finish(self) -> None:
        if self.bare_star is not None:
            self.builder.ctx.error(self.bare_star, "named arguments must follow bare *")

    def _param(self, name: Token, annotation: Child, default: Child, span: Span) -> None:
        ctx = self.builder.ctx
        if any(p.name == name.value for p in self.params):
            ctx.error(ctx.span(name), f"duplicate argument '{name.value}' in function definition")
        if (
            default is None
            and not self.keyword_only
            and any(p.default is not None and not p.keyword_only for p in self.params)
        ):
            ctx.error(span, "non-default argument follows default argument")
        self.bare_star = None
        self.params.append(
            ast.Param(
                name.value,
                self.builder.optional(annotation),
                self.builder.optional(default),
                self.keyword_only,
                span,
            )
        )

    def _annotation(self, rest: Sequence[Child]) -> None:
        for node in rest:
            self.builder.optional(node)
