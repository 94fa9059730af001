"""Token positions as Spans (lark lines and columns are 1-based, end exclusive, like ours)."""

from __future__ import annotations

from lark import Token

from pwc.diagnostics import Span


def token_span(path: str, token: Token) -> Span:
    assert token.line is not None and token.column is not None
    assert token.end_line is not None and token.end_column is not None
    return Span(path, token.line, token.column, token.end_line, token.end_column)


def offset_position(token: Token, offset: int) -> tuple[int, int]:
    """(line, column) of the character at `offset` in the token's text."""
    assert token.line is not None and token.column is not None
    text = token.value
    newline = text.rfind("\n", 0, offset)
    if newline < 0:
        return token.line, token.column + offset
    return token.line + text.count("\n", 0, offset), offset - newline
