"""`match` statements: reported and cut out before parsing.

`match` is a soft keyword (`match = re.match(...)` is ordinary code), which an
LALR(1) grammar cannot tell apart from a name.  At the token level it is easy:
a logical line that starts with the name `match`, ends with `:` and opens an
indented block can only be a match statement.  It is replaced by `pass` so the
rest of the file parses and reports its own errors.
"""

from __future__ import annotations

from lark import Token

from pwc.diagnostics import Diagnostic
from pwc.syntax.grammar import DEDENT, INDENT, NEWLINE, PwcGrammar
from pwc.syntax.spans import token_span

_LINE_STARTS = frozenset({NEWLINE, INDENT, DEDENT})


def remove_match_statements(
    grammar: PwcGrammar, tokens: list[Token], path: str, problems: list[Diagnostic]
) -> list[Token]:
    out: list[Token] = []
    i = 0
    colon = grammar.type_of(":")
    while i < len(tokens):
        token = tokens[i]
        at_line_start = i == 0 or tokens[i - 1].type in _LINE_STARTS
        if at_line_start and token.type == "NAME" and token.value == "match":
            end = _match_statement_end(tokens, i, colon)
            if end is not None:
                problems.append(
                    Diagnostic(
                        token_span(path, token),
                        "'match' statements are not supported",
                        hint="use an if/elif chain",
                    )
                )
                out.append(Token.new_borrow_pos(grammar.type_of("pass"), "pass", token))
                out.append(Token.new_borrow_pos(NEWLINE, "", token))
                i = end
                continue
        out.append(token)
        i += 1
    return out


def _match_statement_end(tokens: list[Token], start: int, colon: str) -> int | None:
    """The index just past the match statement at `start`, if it is one."""
    newline = start
    while newline < len(tokens) and tokens[newline].type != NEWLINE:
        newline += 1
    if newline >= len(tokens) - 1 or newline - start < 3:
        return None
    if tokens[newline - 1].type != colon or tokens[newline + 1].type != INDENT:
        return None
    depth = 0
    for i in range(newline + 1, len(tokens)):
        if tokens[i].type == INDENT:
            depth += 1
        elif tokens[i].type == DEDENT:
            depth -= 1
            if depth == 0:
                return i + 1
    return None
