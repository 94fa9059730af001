"""Source text -> tokens, with one regular expression over all terminals.

This does what lark's BasicLexer does for our grammar, in one tight loop:
lark's lexer goes through four layers of calls per token (lex, next_token,
the scanner, the line counter) and takes ~3.4 us a token, this ~2.2 us,
which is ~10% of parsing.  The token stream must be the very same, so the
expression is built by lark's rules (scanner_spec below) and a test compares
the two lexers on every file in the repository.

Keywords are not in the expression: lark notices that NAME matches them
all, leaves them out, and retypes a NAME whose text is a keyword; here that
is one dictionary lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from lark import Token
from lark.lexer import PatternRE, PatternStr, TerminalDef

# Token(...) only checks for a deprecated keyword argument and calls
# Token._future_new; calling that directly saves a third of the cost of a
# token.  Same arguments either way, so any lark without it still works.
_new_token: Callable[..., Token] = getattr(Token, "_future_new", Token)

# Reports text that no terminal matches at (offset, line, column) and returns
# the token to stand in for it; scanning resumes after that token.
BadText = Callable[[int, int, int], Token]


@dataclass(frozen=True)
class ScannerSpec:
    """What the scanner is built from; computed once from the grammar, picklable."""

    # Named groups, one per terminal, tried in lark's order of preference.
    pattern: str
    # terminal (NAME) -> its texts that are keywords -> the keyword's terminal
    keywords: Mapping[str, Mapping[str, str]]
    # Terminals that are matched but not passed on (spaces, line continuations).
    ignored: frozenset[str]


def scanner_spec(terminals: Iterable[TerminalDef], ignored: Iterable[str]) -> ScannerSpec:
    """The spec of lark's BasicLexer for these terminals (see lark/lexer.py)."""
    ordered = sorted(
        terminals,
        key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
    )
    keywords: dict[str, dict[str, str]] = {}
    absorbed: set[str] = set()
    for general in (t for t in ordered if isinstance(t.pattern, PatternRE)):
        for literal in (t for t in ordered if isinstance(t.pattern, PatternStr)):
            text = literal.pattern.value
            if literal.priority != general.priority:
                continue
            match = re.match(general.pattern.to_regexp(), text)
            if match is None or match.group(0) != text:
                continue
            if literal.pattern.flags:
                # lark would compare with the keyword's flags (say, ignoring
                # case); a dictionary cannot, and the grammar has no need to.
                raise ValueError(f"terminal {literal.name}: flags are not supported")
            keywords.setdefault(general.name, {})[text] = literal.name
            absorbed.add(literal.name)
    pattern = "|".join(
        f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in ordered if t.name not in absorbed
    )
    return ScannerSpec(pattern, keywords, frozenset(ignored))


@dataclass(frozen=True)
class Scanner:
    spec: ScannerSpec
    regex: re.Pattern[str]

    @staticmethod
    def build(spec: ScannerSpec) -> Scanner:
        return Scanner(spec, re.compile(spec.pattern))

    def scan(self, text: str, bad_text: BadText) -> Iterator[Token]:
        """The tokens of `text`, with lark's positions: lines and columns from 1."""
        match = self.regex.match
        keywords, ignored = self.spec.keywords, self.spec.ignored
        pos, line, line_start, end = 0, 1, 0, len(text)
        while pos < end:
            column = pos - line_start + 1
            found = match(text, pos)
            if found is None:
                stand_in = bad_text(pos, line, column)
                assert stand_in.end_pos is not None and stand_in.end_pos > pos
                value = text[pos : stand_in.end_pos]
                yield stand_in
            else:
                value = found.group()
            after = pos + len(value)
            newlines = value.count("\n")
            end_line = line + newlines
            end_line_start = pos + value.rindex("\n") + 1 if newlines else line_start
            if found is not None:
                kind = found.lastgroup
                assert kind is not None
                if kind not in ignored:
                    if kind in keywords:
                        kind = keywords[kind].get(value, kind)
                    end_column = after - end_line_start + 1
                    yield _new_token(kind, value, pos, line, column, end_line, end_column, after)
            pos, line, line_start = after, end_line, end_line_start
