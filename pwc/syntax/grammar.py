"""The grammar as the parser uses it: lexer, LALR tables, terminal names.

Analysing grammar/pwc.lark with lark (LALR table construction) takes ~0.4 s,
more than a whole compile should; so it is done once per process, and its
result is kept in the disk cache between processes (pickled_cache.py), keyed
by the front-end fingerprint.  Loading it from there takes ~4 ms.

lark's own `cache=True` (lark 1.3) is not used.  It writes
`<tempdir>/.lark_cache_<user>_<sha256 of grammar, options, lark and Python
version>_<py>.tmp` in place, not atomically, in the shared temp directory,
where another local user can plant a pickle under that predictable name
first; it checks only the hash line at the top, so a damaged body is caught
only if unpickling fails; and it loads through `Lark.load`, which rebuilds
all of lark's objects from their serialised form (~35 ms).  Kept here is just
what parsing needs (the scanner's expression and our own LALR tables, lark's
tree-building callbacks included), pickled directly, in the user's own cache
directory.  lark analyses the grammar again only when the front end changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from lark import Lark
from lark.lexer import PatternStr

from pwc.resources import grammar_file
from pwc.syntax.lalr import LalrParser, Tables, make_tables
from pwc.syntax.pickled_cache import load_cached, store_cached
from pwc.syntax.scanner import Scanner, ScannerSpec, scanner_spec

# Token types the indenter makes or the grammar declares; see pwc.lark.
NEWLINE = "_NEWLINE"
INDENT = "_INDENT"
DEDENT = "_DEDENT"
END = "$END"
# A placeholder for text the lexer could not read (already reported); no rule
# accepts it, so the parser's error recovery skips its line without a message.
LEX_ERROR = "_LEXERROR"

LAYOUT_TYPES = frozenset({NEWLINE, INDENT, DEDENT})

START_SYMBOLS = ("file_input", "fexpr")
_CACHE_ENTRY = "grammar.pickle"


@dataclass(frozen=True)
class GrammarAnalysis:
    """lark's analysis of the grammar, reduced to what parsing needs; picklable."""

    scanner: ScannerSpec
    # name -> text for the terminals that are fixed strings (keywords, operators)
    literal_terminals: Mapping[str, str]
    tables: Tables


@dataclass(frozen=True)
class PwcGrammar:
    scanner: Scanner
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
    """The grammar of grammar/pwc.lark, from the disk cache if it is there."""
    return grammar_from(cached_grammar_analysis())


def cached_grammar_analysis() -> GrammarAnalysis:
    grammar_text = grammar_file().read_text(encoding="utf-8")
    # The cache entry is keyed by the front-end fingerprint, which covers the
    # grammar text too; the text goes into the key anyway so that the entry
    # can never outlive the grammar it was built from.
    analysis = load_cached(_CACHE_ENTRY, grammar_text, GrammarAnalysis)
    if analysis is None:
        analysis = analyse_grammar(grammar_text)
        store_cached(_CACHE_ENTRY, grammar_text, analysis)
    return analysis


def analyse_grammar(grammar_text: str) -> GrammarAnalysis:
    """Build lark's LALR parser for the grammar (slow) and keep what parsing needs."""
    return analysis_of(build_lark(grammar_text))


def build_lark(grammar_text: str) -> Lark:
    return Lark(
        grammar_text,
        parser="lalr",
        lexer="basic",
        start=list(START_SYMBOLS),
        maybe_placeholders=True,
        propagate_positions=False,  # lalr.Positioned does it, faster
    )


def analysis_of(lark: Lark) -> GrammarAnalysis:
    literals = {
        t.name: t.pattern.value for t in lark.terminals if isinstance(t.pattern, PatternStr)
    }
    conf = lark.parse_interactive(start=START_SYMBOLS[0]).parser_state.parse_conf
    tables = make_tables(conf.parse_table, lark.rules, conf.callbacks)
    scanner = scanner_spec(lark.lexer_conf.terminals, lark.lexer_conf.ignore)
    return GrammarAnalysis(scanner, literals, tables)


def grammar_from(analysis: GrammarAnalysis) -> PwcGrammar:
    literals = analysis.literal_terminals
    by_text = {text: name for name, text in literals.items()}
    return PwcGrammar(Scanner.build(analysis.scanner), literals, by_text, analysis.tables)
