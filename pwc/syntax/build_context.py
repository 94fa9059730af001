"""What the tree builders share: where to report, and how nodes map to spans."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from lark import Token, Tree

from pwc.diagnostics import Diagnostics, Span
from pwc.syntax import ast
from pwc.syntax.spans import offset_position, token_span
from pwc.syntax.unsupported import Unsupported

ParseTree: TypeAlias = Tree[Token]
# A child of a parse tree node: a subtree, a token, or None for an absent
# optional part (the grammar is built with maybe_placeholders).
Child: TypeAlias = ParseTree | Token | None

# Parses the text of an f-string field found at (line, column) of the source.
FieldParser: TypeAlias = Callable[["BuildContext", str, int, int], "ast.Expr | None"]


@dataclass(frozen=True)
class BuildContext:
    path: str
    diags: Diagnostics
    parse_field: FieldParser

    def error(self, span: Span, message: str, hint: str | None = None) -> None:
        self.diags.error(span, message, hint)

    def unsupported(self, span: Span, what: Unsupported) -> None:
        self.diags.error(span, what.message, what.hint)

    def field_expr(self, text: str, line: int, col: int) -> ast.Expr | None:
        """The expression of an f-string field whose text starts at (line, col)."""
        return self.parse_field(self, text, line, col)

    def span(self, node: ParseTree | Token) -> Span:
        if isinstance(node, Token):
            return token_span(self.path, node)
        meta = node.meta
        return Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def offset_span(self, token: Token, start: int, end: int) -> Span:
        """The span of token.value[start:end] in the source."""
        line, col = offset_position(token, start)
        end_line, end_col = offset_position(token, end)
        return Span(self.path, line, col, end_line, end_col)


def tree(node: Child) -> ParseTree:
    assert isinstance(node, Tree), node
    return node


def token(node: Child) -> Token:
    assert isinstance(node, Token), node
    return node


def placeholder(span: Span) -> ast.Expr:
    """Stands in for a construct already reported as an error.

    A module with errors is never returned, so this value is never seen; it
    is a name so that no further "cannot assign to ..." follows from it.
    """
    return ast.Name("<error>", span)
