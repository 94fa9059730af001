"""Wording of syntax errors: what was found, and what was expected."""

from __future__ import annotations

from collections.abc import Set

from lark import Token

from pwc.syntax.grammar import DEDENT, END, INDENT, NEWLINE, PwcGrammar

_NAMED_TOKENS = {
    NEWLINE: "end of line",
    INDENT: "indent",
    DEDENT: "unindent",
    END: "end of file",
}


def describe_unexpected(grammar: PwcGrammar, token: Token, expected: Set[str]) -> str:
    """`expected ':'`, `unexpected ')'`, `unexpected name 'x'`, ..."""
    colon = grammar.type_of(":")
    if token.type == NEWLINE and colon in expected:
        return "expected ':'"
    if len(expected) == 1:
        (only,) = expected
        return f"expected {describe_terminal(grammar, only)}"
    return f"unexpected {describe_token(token)}"


def describe_token(token: Token) -> str:
    match token.type:
        case "NAME":
            return f"name '{token.value}'"
        case "NUMBER":
            return f"number '{token.value}'"
        case "STRING":
            return "string literal"
        case kind if kind in _NAMED_TOKENS:
            return _NAMED_TOKENS[kind]
        case _:
            return f"'{token.value}'"


def describe_terminal(grammar: PwcGrammar, name: str) -> str:
    match name:
        case "NAME":
            return "a name"
        case "NUMBER":
            return "a number"
        case "STRING":
            return "a string literal"
        case _ if name in _NAMED_TOKENS:
            return "an " + _NAMED_TOKENS[name] if name == INDENT else _NAMED_TOKENS[name]
        case _:
            return f"'{grammar.literal_terminals.get(name, name)}'"


def block_owner(first: Token) -> str:
    """How Python names the statement that owns a block: `'if' statement`, ..."""
    match first.value:
        case "def":
            return "function definition"
        case "class":
            return "class definition"
        case "async":
            return "'async' statement"
        case keyword:
            return f"'{keyword}' statement"
