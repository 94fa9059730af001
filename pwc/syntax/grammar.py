"""The lark grammar object, built once per process, and facts about its terminals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from lark import Lark
from lark.lexer import BasicLexer, PatternStr

from pwc.resources import grammar_file
from pwc.syntax.lalr import LalrParser, Tables, make_tables

# Token types the indenter makes or the grammar declares; see pwc.lark.
NEWLINE = "_NEWLINE"
INDENT = "_INDENT"
DEDENT = "_DEDENT"
END = "$END"
# A placeholder for text the lexer could not read (already reported); no rule
# accepts it, so the parser's error recovery skips its line without a message.
LEX_ERROR = "_LEXERROR"

LAYOUT_TYPES = frozenset({NEWLINE, INDENT, DEDENT})


@dataclass(frozen=True)
class PwcGrammar:
    lark: Lark
    lexer: BasicLexer
    # name -> text for the terminals that are fixed strings (keywords, operators)
    literal_terminals: Mapping[str, str]
    terminal_of_text: Mapping[str, str]
    tables: Tables

    def parser(self, start: str) -> LalrParser:
        """A fresh LALR parser for the start symbol `file_input` or `fexpr`."""
        return LalrParser(self.tables, start)

    def type_of(self, text: str) -> str:
        """The terminal name of a keyword or operator, e.g. 'pass' -> 'PASS'."""
        return self.terminal_of_text[text]


@cache
def pwc_grammar() -> PwcGrammar:
    """The parser for grammar/pwc.lark; analysing the grammar takes ~0.4 s, so once only."""
    lark = Lark(
        grammar_file().read_text(encoding="utf-8"),
        parser="lalr",
        lexer="basic",
        start=["file_input", "fexpr"],
        maybe_placeholders=True,
        propagate_positions=True,
    )
    literals = {
        t.name: t.pattern.value for t in lark.terminals if isinstance(t.pattern, PatternStr)
    }
    conf = lark.parse_interactive(start="file_input").parser_state.parse_conf
    tables = make_tables(conf.parse_table, lark.rules, conf.callbacks)
    by_text = {text: name for name, text in literals.items()}
    return PwcGrammar(lark, BasicLexer(lark.lexer_conf), literals, by_text, tables)
