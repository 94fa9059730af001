"""Adjacent string literals -> one Constant (str or bytes) or a JoinedStr.

`"a" f"{x}" 'b'` is one f-string; literal parts that end up next to each
other are merged, as in CPython.  Every part keeps the span of its own text.
"""

from __future__ import annotations

from lark import Token

from pwc.diagnostics import Span
from pwc.syntax import ast
from pwc.syntax.build_context import BuildContext, placeholder
from pwc.syntax.fstrings import FieldPiece, Piece, TextPiece, split_fstring
from pwc.syntax.literals import (
    LiteralProblem,
    StringToken,
    decode_bytes,
    decode_str,
    split_string,
)
from pwc.syntax.spans import offset_position

Part = ast.Constant | ast.FormattedValue


def build_strings(ctx: BuildContext, tokens: list[Token], span: Span) -> ast.Expr:
    literals = [(token, split_string(token.value)) for token in tokens]
    kinds = {literal.is_bytes for _, literal in literals}
    if len(kinds) > 1:
        ctx.error(span, "cannot mix bytes and nonbytes literals")
        return placeholder(span)
    if kinds == {True}:
        return _bytes(ctx, literals, span)
    parts: list[Part] = []
    for token, literal in literals:
        parts.extend(_str_parts(ctx, token, literal))
    merged = _merge_text(parts)
    if any(literal.is_fstring for _, literal in literals):
        return ast.JoinedStr(tuple(merged), span)
    return ast.Constant("".join(_text_of(p) for p in merged), span)


def _bytes(ctx: BuildContext, literals: list[tuple[Token, StringToken]], span: Span) -> ast.Expr:
    value = b""
    for token, literal in literals:
        decoded = decode_bytes(token.value, literal.body_start, literal.body_end, literal.raw)
        if isinstance(decoded, LiteralProblem):
            return _report(ctx, token, decoded)
        value += decoded
    return ast.Constant(value, span)


def _str_parts(ctx: BuildContext, token: Token, literal: StringToken) -> list[Part]:
    if not literal.is_fstring:
        decoded = decode_str(token.value, literal.body_start, literal.body_end, literal.raw)
        if isinstance(decoded, LiteralProblem):
            return [ast.Constant("", _report(ctx, token, decoded).span)]
        return [ast.Constant(decoded, ctx.span(token))]
    pieces = split_fstring(token.value, literal.body_start, literal.body_end, literal.raw)
    if isinstance(pieces, LiteralProblem):
        return [ast.Constant("", _report(ctx, token, pieces).span)]
    return _parts(ctx, token, pieces)


def _parts(ctx: BuildContext, token: Token, pieces: tuple[Piece, ...]) -> list[Part]:
    parts: list[Part] = []
    for piece in pieces:
        match piece:
            case TextPiece(value, start, end):
                parts.append(ast.Constant(value, ctx.offset_span(token, start, end)))
            case FieldPiece():
                parts.extend(_field(ctx, token, piece))
    return parts


def _field(ctx: BuildContext, token: Token, field: FieldPiece) -> list[Part]:
    span = ctx.offset_span(token, field.start, field.end)
    line, col = offset_position(token, field.expr_start)
    value = ctx.field_expr(token.value[field.expr_start : field.expr_end], line, col)
    if value is None:
        return []
    spec = None
    if field.spec is not None:
        # The spec's text lies between the ':' and the closing '}'.
        spec_end = field.end - 1
        spec_start = field.spec[0].start if field.spec else spec_end
        spec = ast.JoinedStr(
            tuple(_merge_text(_parts(ctx, token, field.spec))),
            ctx.offset_span(token, spec_start, spec_end),
        )
    formatted = ast.FormattedValue(value, field.conversion, spec, span)
    if field.debug_text is None:
        return [formatted]
    # `{x=}` is the text `x=` followed by the value.
    debug_span = ctx.offset_span(token, field.expr_start, field.expr_start + len(field.debug_text))
    return [ast.Constant(field.debug_text, debug_span), formatted]


def _merge_text(parts: list[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if merged and isinstance(part, ast.Constant) and isinstance(merged[-1], ast.Constant):
            previous = merged[-1]
            merged[-1] = ast.Constant(
                _text_of(previous) + _text_of(part), previous.span.to(part.span)
            )
        elif not (isinstance(part, ast.Constant) and _text_of(part) == ""):
            merged.append(part)
    return merged


def _text_of(part: Part) -> str:
    assert isinstance(part, ast.Constant) and isinstance(part.value, str)
    return part.value


def _report(ctx: BuildContext, token: Token, problem: LiteralProblem) -> ast.Expr:
    span = ctx.offset_span(token, problem.start, problem.end)
    ctx.error(span, problem.message, problem.hint)
    return placeholder(span)
