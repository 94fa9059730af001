"""Source text -> the token list the parser consumes.

The scanner (scanner.py) reports text it cannot match and resumes after it,
leaving a LEX_ERROR token so the parser skips that line quietly.  The
indenter then adds layout tokens, and `match` statements (a soft keyword the
LALR grammar cannot see) are reported and removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Token

from pwc.diagnostics import Diagnostic, Span
from pwc.syntax.grammar import LEX_ERROR, NEWLINE, PwcGrammar
from pwc.syntax.indenter import PwcIndenter
from pwc.syntax.soft_keywords import remove_match_statements


@dataclass(frozen=True)
class Tokens:
    tokens: list[Token]
    problems: list[Diagnostic]
    # Syntax errors from this (line, column) on are consequences of an
    # unclosed bracket or of nesting too deep, and are not reported.
    cutoff: tuple[int, int] | None


def tokenize(grammar: PwcGrammar, source: str, path: str) -> Tokens:
    problems: list[Diagnostic] = []
    indenter = PwcIndenter(path, len(source))
    lexed = _EndTracker(_lex(grammar, source, path, problems))
    laid_out = list(indenter.process(lexed))
    # A `match` statement needs the word in the text; most files lack it, and
    # then the pass over every token that looks for one can be skipped.
    if "match" in source:
        tokens = remove_match_statements(grammar, laid_out, path, problems)
    else:
        tokens = laid_out
    problems.extend(indenter.problems)
    null = source.find("\0")
    if null >= 0:  # Python rejects them even in strings and comments
        problem = Diagnostic(_span_at(source, null, path), "source code cannot contain null bytes")
        if all(p.span != problem.span for p in problems):
            problems.append(problem)
    dangling = _CONTINUATION_AT_END.search(source, lexed.end)
    if dangling is not None:  # not in a comment or string: those are tokens
        problems.append(_unexpected_eof(source, dangling.start(), path))
    return Tokens(tokens, problems, _cutoff(indenter))


class _EndTracker:
    """Passes tokens through, remembering where the last one ended."""

    def __init__(self, tokens: Iterator[Token]) -> None:
        self.tokens = tokens
        self.end = 0

    def __iter__(self) -> Iterator[Token]:
        for token in self.tokens:
            self.end = token.end_pos or self.end
            yield token


# A line continuation needs a line to continue onto.
_CONTINUATION_AT_END = re.compile(r"\\\r?\n\Z")


def _unexpected_eof(source: str, at: int, path: str) -> Diagnostic:
    return Diagnostic(_span_at(source, at, path), "unexpected EOF while parsing")


def _span_at(source: str, at: int, path: str) -> Span:
    """The span of the one character at offset `at`."""
    line = source.count("\n", 0, at) + 1
    col = at - source.rfind("\n", 0, at)
    return Span(path, line, col, line, col + 1)


def _cutoff(indenter: PwcIndenter) -> tuple[int, int] | None:
    """Where the tokens stop making sense: an unclosed bracket, or nesting too deep."""
    stops: list[tuple[int, int]] = []
    if indenter.open_brackets:
        first = indenter.open_brackets[0]
        assert first.line is not None and first.column is not None
        stops.append((first.line, first.column))
    if indenter.stopped_at is not None:
        stops.append((indenter.stopped_at.line, indenter.stopped_at.col))
    return min(stops, default=None)


def lex_fragment(grammar: PwcGrammar, text: str, path: str) -> tuple[list[Token], list[Diagnostic]]:
    """Tokens of an f-string field (no layout: a field is implicitly bracketed)."""
    problems: list[Diagnostic] = []
    tokens = [t for t in _lex(grammar, text, path, problems) if t.type != NEWLINE]
    return tokens, problems


def _lex(
    grammar: PwcGrammar, source: str, path: str, problems: list[Diagnostic]
) -> Iterator[Token]:
    def bad_text(pos: int, line: int, col: int) -> Token:
        """Report what the scanner cannot read; a LEX_ERROR token covers it."""
        problem, skip = _describe_bad_text(source, pos, path, line, col)
        problems.append(problem)
        end = pos + skip
        end_line, end_col = problem.span.end_line, problem.span.end_col
        return Token(LEX_ERROR, source[pos:end], pos, line, col, end_line, end_col, end)

    for token in grammar.scanner.scan(source, bad_text):
        if token.type == "NAME" and not token.isascii():
            token = _identifier(token, path, problems)
        yield token


def _identifier(token: Token, path: str, problems: list[Diagnostic]) -> Token:
    """A non-ASCII name: checked by Python's rules, and NFKC-normalised as Python does."""
    if token.value.isidentifier():
        return Token.new_borrow_pos("NAME", unicodedata.normalize("NFKC", token.value), token)
    bad = next(i for i in range(len(token.value)) if not token.value[: i + 1].isidentifier())
    assert token.line is not None and token.column is not None
    char = token.value[bad]
    column = token.column + bad
    problems.append(
        Diagnostic(Span(path, token.line, column, token.line, column + 1), _invalid_character(char))
    )
    return Token.new_borrow_pos(LEX_ERROR, token.value, token)


def _invalid_character(c: str) -> str:
    if c.isprintable():
        return f"invalid character '{c}' (U+{ord(c):04X})"
    return f"invalid non-printable character U+{ord(c):04X}"


_STRING_PREFIX_BEFORE = re.compile(r"(?<![\w])(?:[rR][bBfF]?|[bBfF][rR]?|[uU])\Z")


def _describe_bad_text(
    source: str, pos: int, path: str, line: int, col: int
) -> tuple[Diagnostic, int]:
    """What the lexer choked on at `pos`, and how many characters to skip."""
    c = source[pos]
    if c in "'\"":
        # A string prefix was lexed as a name just before; point at it too.
        prefix = _STRING_PREFIX_BEFORE.search(source, max(0, pos - 2), pos)
        start_col = col - (len(prefix.group()) if prefix else 0)
        if source.startswith(c * 3, pos):
            end = len(source)
            return Diagnostic(
                Span(path, line, start_col, line, col + 3),
                "unterminated triple-quoted string literal",
            ), end - pos
        newline = source.find("\n", pos)
        end = len(source) if newline < 0 else newline
        return Diagnostic(
            Span(path, line, start_col, line, col + end - pos), "unterminated string literal"
        ), end - pos
    # A continuation is a backslash right before the newline (CPython
    # rejects even a space between them).
    if c == "\\" and source[pos + 1 :] in ("", "\n", "\r\n"):
        return _unexpected_eof(source, pos, path), 1
    if c == "\\":
        return Diagnostic(
            Span(path, line, col, line, col + 1),
            "unexpected character after line continuation character",
        ), 1
    return Diagnostic(Span(path, line, col, line, col + 1), _invalid_character(c)), 1
