"""Indentation and brackets: _NEWLINE/_INDENT/_DEDENT tokens as Python makes them.

lark's own Indenter raises on a bad dedent, asserts on an unmatched `)` and
counts spaces inside a trailing comment; this subclass reports those as
diagnostics instead, remembers which bracket is open (for "'(' was never
closed"), and keeps going so the parser can report more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lark import Token
from lark.indenter import Indenter

from pwc.diagnostics import Diagnostic, Span
from pwc.syntax.grammar import DEDENT, INDENT, LEX_ERROR, NEWLINE
from pwc.syntax.spans import token_span

TAB_STOP = 8
# CPython's tokenizer limits; deeper nesting is an error there too.
MAX_BRACKET_DEPTH = 200
MAX_INDENT_LEVELS = 100
_CLOSER_OF = {"(": ")", "[": "]", "{": "}"}


class PwcIndenter(Indenter):
    NL_type = NEWLINE
    OPEN_PAREN_types = ["LPAR", "LSQB", "LBRACE"]
    CLOSE_PAREN_types = ["RPAR", "RSQB", "RBRACE"]
    INDENT_type = INDENT
    DEDENT_type = DEDENT
    tab_len = TAB_STOP

    def __init__(self, path: str, source_length: int) -> None:
        super().__init__()
        self.path = path
        self.source_length = source_length
        self.open_brackets: list[Token] = []
        self.problems: list[Diagnostic] = []
        # A reported lexical problem inside a bracket makes "never closed"
        # unreliable (an unterminated string may have swallowed the closer).
        self.last_lex_error: Token | None = None
        self.last_token: Token | None = None  # the last token that is not layout
        self.newline_emitted = False  # whether the last token out ended a line
        # Nesting beyond Python's limits stops the tokens here; later syntax
        # errors are not reported.
        self.stopped_at: Span | None = None

    def process(self, stream: Iterable[Token]) -> Iterator[Token]:
        self.indent_level = [0]
        self.open_brackets = []
        return self._process(stream)

    def _process(self, stream: Iterable[Token]) -> Iterator[Token]:
        self.last_token = None
        # A line end waits for the next token: of two in a row (a line holding
        # only a `\` continuation makes two) the last sets the indentation.
        line_end: Token | None = None
        for token in stream:
            if token.type == NEWLINE:
                line_end = token
                continue
            if line_end is not None:
                yield from self.handle_NL(line_end)
                line_end = None
            if self.stopped_at is not None:
                break
            if self.last_token is None and token.column != 1:
                # The first line is indented; the parser reports it.
                assert token.column is not None
                self.indent_level.append(token.column - 1)
                yield self._layout(INDENT)
            if token.type in self.OPEN_PAREN_types:
                self.open_brackets.append(token)
                if len(self.open_brackets) > MAX_BRACKET_DEPTH:
                    self._report(token, "too many nested parentheses")
                    self.stopped_at = token_span(self.path, token)
                    yield _lex_error(token)
                    break
            elif token.type in self.CLOSE_PAREN_types:
                token = self._close_bracket(token)
            elif token.type == LEX_ERROR:
                self.last_lex_error = token
            self.last_token = token
            self.newline_emitted = False
            yield token
        if line_end is not None and self.stopped_at is None:
            yield from self.handle_NL(line_end)
        yield from self._finish()

    def handle_NL(self, token: Token) -> Iterator[Token]:
        if self.open_brackets or self.last_token is None:
            return  # newlines inside brackets are space, and so are leading blank lines
        yield self._layout(NEWLINE)
        if token.end_pos is not None and token.end_pos >= self.source_length:
            return  # trailing blank lines or a final comment: nothing follows
        indentation = token.value.rsplit("\n", 1)[1]
        width = indentation_width(indentation)
        if width > self.indent_level[-1]:
            self.indent_level.append(width)
            yield self._layout(INDENT)
            if len(self.indent_level) > MAX_INDENT_LEVELS:
                line, end_col = token.end_line, token.end_column
                assert line is not None and end_col is not None
                span = Span(self.path, line, 1, line, end_col)
                self.problems.append(Diagnostic(span, "too many levels of indentation"))
                self.stopped_at = token_span(self.path, self._layout(INDENT))
            return
        # Dedent to the innermost enclosing level at or above `width`; a width
        # between two levels is an error, and the line stays in the inner block.
        while len(self.indent_level) > 1 and self.indent_level[-2] >= width:
            self.indent_level.pop()
            yield self._layout(DEDENT)
        if width != self.indent_level[-1]:
            line, end_col = token.end_line, token.end_column
            assert line is not None and end_col is not None
            self.problems.append(
                Diagnostic(
                    Span(self.path, line, 1, line, end_col),
                    "unindent does not match any outer indentation level",
                )
            )

    def _close_bracket(self, token: Token) -> Token:
        if not self.open_brackets:
            self._report(token, f"unmatched '{token.value}'")
            return _lex_error(token)
        opener = self.open_brackets.pop()
        if _CLOSER_OF[opener.value] != token.value:
            self._report(
                token,
                f"closing parenthesis '{token.value}' does not match "
                f"opening parenthesis '{opener.value}'"
                + ("" if opener.line == token.line else f" on line {opener.line}"),
            )
            return _lex_error(token)
        return token

    def _finish(self) -> Iterator[Token]:
        if self.open_brackets:
            innermost = self.open_brackets[-1]
            if self.last_lex_error is None or _before(self.last_lex_error, innermost):
                self._report(innermost, f"'{innermost.value}' was never closed")
        if self.last_token is None:
            return
        if not self.newline_emitted or self.open_brackets:
            # The last statement needs its NEWLINE even without a final line break.
            yield self._layout(NEWLINE)
        while len(self.indent_level) > 1:
            self.indent_level.pop()
            yield self._layout(DEDENT)

    def _layout(self, kind: str) -> Token:
        """A layout token, zero-width just after the last real token.

        There it does not stretch the span of the statement it ends, and a
        missing ':' is reported right where it belongs.
        """
        self.newline_emitted = kind != INDENT
        last = self.last_token
        if last is None:
            return Token(kind, "", 0, 1, 1, 1, 1, 0)
        return Token(
            kind,
            "",
            last.end_pos,
            last.end_line,
            last.end_column,
            last.end_line,
            last.end_column,
            last.end_pos,
        )

    def _report(self, token: Token, message: str) -> None:
        self.problems.append(Diagnostic(token_span(self.path, token), message))
        self.last_lex_error = token


def indentation_width(indentation: str) -> int:
    """Columns of leading whitespace; a tab advances to the next multiple of 8."""
    width = 0
    for c in indentation:
        if c == "\t":
            width = (width // TAB_STOP + 1) * TAB_STOP
        elif c == "\f":
            width = 0  # Python resets the count at a form feed
        else:
            width += 1
    return width


def _lex_error(token: Token) -> Token:
    return Token.new_borrow_pos(LEX_ERROR, token.value, token)


def _before(a: Token, b: Token) -> bool:
    return (a.line, a.column) < (b.line, b.column)
