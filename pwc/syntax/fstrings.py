"""Taking an f-string literal apart into literal text and `{expr!c:spec}` fields.

Python 3.11 rules: `{{` and `}}` are literal braces (not inside a format
spec, where `{` always opens a nested field), fields nest two levels deep at
most, the expression part may not contain a backslash or `#`, and `{x=}`
repeats the expression's text before its value.  Offsets are into the whole
token text so the caller can turn them into source positions; expressions
are returned as text ranges for the caller to parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pwc.syntax.literals import LiteralProblem, decode_str, named_escape_end

Conversion = Literal["r", "s", "a"]
MAX_NESTING = 2


@dataclass(frozen=True)
class TextPiece:
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class FieldPiece:
    expr_start: int
    expr_end: int
    debug_text: str | None  # `x = ` for `{x = }`
    conversion: Conversion | None
    spec: tuple[TextPiece | FieldPiece, ...] | None
    start: int  # the `{`
    end: int  # just past the `}`


Piece = TextPiece | FieldPiece


class _Problem(Exception):
    def __init__(self, problem: LiteralProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def split_fstring(
    text: str, body_start: int, body_end: int, raw: bool
) -> tuple[Piece, ...] | LiteralProblem:
    """The pieces of the f-string body text[body_start:body_end]."""
    splitter = _Splitter(text, body_end, raw)
    try:
        pieces, stop = splitter.pieces(body_start, in_spec=False, nesting=0)
    except _Problem as e:
        return e.problem
    assert stop == body_end
    return pieces


def _fail(message: str, start: int, end: int) -> _Problem:
    return _Problem(LiteralProblem(f"f-string: {message}", start, end))


@dataclass(frozen=True)
class _Splitter:
    text: str
    end: int
    raw: bool

    def pieces(self, i: int, in_spec: bool, nesting: int) -> tuple[tuple[Piece, ...], int]:
        """Pieces from i up to the end of the body, or (in a spec) to its `}`."""
        text, end = self.text, self.end
        pieces: list[Piece] = []
        literal: list[str] = []
        literal_start = segment_start = i

        def flush(upto: int) -> None:
            value = "".join(literal) + self._decode(segment_start, upto)
            literal.clear()
            if value or upto > literal_start:
                pieces.append(TextPiece(value, literal_start, upto))

        while i < end:
            c = text[i]
            if c == "\\" and not self.raw:
                named_end = named_escape_end(text, i, end)
                i = (
                    named_end
                    if named_end is not None
                    else i + (1 if text[i + 1 : i + 2] in "{}" else 2)
                )
            elif c == "{" and not in_spec and text.startswith("{", i + 1):
                literal.append(self._decode(segment_start, i) + "{")
                i = segment_start = i + 2
            elif c == "}" and in_spec:
                flush(i)
                return tuple(pieces), i
            elif c == "}":
                if not text.startswith("}", i + 1):
                    raise _fail("single '}' is not allowed", i, i + 1)
                literal.append(self._decode(segment_start, i) + "}")
                i = segment_start = i + 2
            elif c == "{":
                flush(i)
                field = self.field(i, nesting)
                pieces.append(field)
                i = literal_start = segment_start = field.end
            else:
                i += 1
        if in_spec:
            raise _fail("expecting '}'", i, i)
        flush(i)
        return tuple(pieces), i

    def field(self, start: int, nesting: int) -> FieldPiece:
        """The field whose `{` is at `start`."""
        if nesting >= MAX_NESTING:
            raise _fail("expressions nested too deeply", start, start + 1)
        expr_start = start + 1
        expr_end = self._expression_end(expr_start)
        if not self.text[expr_start:expr_end].strip():
            raise _fail("empty expression not allowed", start, expr_end + 1)
        i = expr_end
        debug_text = None
        if self.text.startswith("=", i):
            i += 1
            while i < self.end and self.text[i].isspace():
                i += 1
            debug_text = self.text[expr_start:i]
        conversion: Conversion | None = None
        if self.text.startswith("!", i):
            conversion = self._conversion(i)
            i += 2
        spec = None
        if self.text.startswith(":", i):
            spec, i = self.pieces(i + 1, in_spec=True, nesting=nesting + 1)
        if not self.text.startswith("}", i) or i >= self.end:
            raise _fail("expecting '}'", i, i)
        if debug_text is not None and conversion is None and spec is None:
            conversion = "r"  # `{x=}` shows the repr unless a format is given
        return FieldPiece(expr_start, expr_end, debug_text, conversion, spec, start, i + 1)

    def _expression_end(self, i: int) -> int:
        """Where the expression part of a field ends: at `!`, `:`, `=` or `}`."""
        text, end = self.text, self.end
        depth = 0
        while i < end:
            c = text[i]
            if c == "\\":
                raise _fail_plain("f-string expression part cannot include a backslash", i)
            if c == "#":
                raise _fail_plain("f-string expression part cannot include '#'", i)
            if c in "'\"":
                close = text.find(c, i + 1, end)
                if close < 0:
                    raise _fail("unterminated string", i, end)
                i = close + 1
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0 and c == "}":
                    return i
                if depth == 0:
                    raise _fail(f"unmatched '{c}'", i, i + 1)
                depth -= 1
            elif depth == 0 and c == ":":
                return i
            elif depth == 0 and c == "!" and not text.startswith("=", i + 1):
                return i
            elif (
                depth == 0
                and c == "="
                and not text.startswith("=", i + 1)
                and text[i - 1] not in "=!<>"
            ):
                return i
            i += 1
        raise _fail("expecting '}'", i, i)

    def _conversion(self, bang: int) -> Conversion:
        if bang + 2 >= self.end:
            raise _fail("expecting '}'", bang + 1, bang + 1)
        match self.text[bang + 1], self.text[bang + 2]:
            case ("r" | "s" | "a") as char, (":" | "}"):
                return char
            case _:
                raise _fail(
                    "invalid conversion character: expected 's', 'r', or 'a'", bang + 1, bang + 2
                )

    def _decode(self, start: int, end: int) -> str:
        decoded = decode_str(self.text, start, end, self.raw)
        if isinstance(decoded, LiteralProblem):
            raise _Problem(decoded)
        return decoded


def _fail_plain(message: str, at: int) -> _Problem:
    return _Problem(LiteralProblem(message, at, at + 1))
