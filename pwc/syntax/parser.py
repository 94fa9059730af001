"""The front end: source text -> ast.Module, every problem a Diagnostic.

Stages, each in its own module: tokens (lark's lexer, resumed after bad
characters) -> indenter (layout tokens) -> recovery (LALR parse that goes on
after a syntax error) -> build_stmt/build_expr (parse tree -> ast, reporting
constructs outside the dialect).  f-string fields are parsed with the same
grammar from its `fexpr` start symbol, positioned inside the literal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

from lark import Token, Tree

from pwc.diagnostics import Diagnostic, Diagnostics, Span
from pwc.syntax import ast
from pwc.syntax.build_context import BuildContext
from pwc.syntax.build_expr import ExprBuilder
from pwc.syntax.build_stmt import StmtBuilder
from pwc.syntax.grammar import PwcGrammar, pwc_grammar
from pwc.syntax.parse_cache import load_parsed, store_parsed
from pwc.syntax.recovery import SyntaxErrorLog, parse_fragment, parse_tokens
from pwc.syntax.tokens import lex_fragment, tokenize

# Parses kept per process: every compile parses the same stdlib modules, and
# a test session or a server compiles many programs in one process.
PARSES_KEPT = 128


@dataclass(frozen=True)
class ParseOutcome:
    """A module's tree (None if it has errors) and every problem found in it."""

    module: ast.Module | None
    diagnostics: tuple[Diagnostic, ...]


def parse_module(
    source: str, path: str, diags: Diagnostics, *, persist: bool = False
) -> ast.Module | None:
    """Parse one module.

    Returns None when the source has an error: a syntax error, or a construct
    outside the dialect (its tree would be incomplete).  Every problem found
    is in `diags`, at its span; `diags` also learns the source, to render them.

    `persist` also keeps the tree in the user's disk cache for later
    processes (see parse_cache.py); meant for pwc's own stdlib, which every
    compile parses unchanged, not for user files, which would pile up there.
    """
    outcome = parse_outcome(source, path, persist)
    diags.sources[path] = source
    diags.items.extend(outcome.diagnostics)
    return outcome.module


@lru_cache(maxsize=PARSES_KEPT)
def parse_outcome(source: str, path: str, persist: bool = False) -> ParseOutcome:
    """parse_uncached, remembered in this process (and on disk if `persist`).

    Keyed by the full text, not by a file's mtime: an edit within the
    mtime's resolution cannot return a stale tree.  Sharing a tree between
    compiles is safe, as every AST node is a frozen dataclass.
    """
    if persist:
        module = load_parsed(source, path)
        if module is not None:
            return ParseOutcome(module, ())
    outcome = parse_uncached(source, path)
    if persist and outcome.module is not None and not outcome.diagnostics:
        store_parsed(source, path, outcome.module)
    return outcome


def parse_uncached(source: str, path: str, grammar: PwcGrammar | None = None) -> ParseOutcome:
    """Lex, lay out, parse and build the tree of one module, with no parse cache involved.

    `grammar` is pwc_grammar() unless given (tests compare grammars built
    afresh and loaded from the disk cache).
    """
    diags = Diagnostics()
    if grammar is None:
        grammar = pwc_grammar()
    # Python reads \r\n and a lone \r as line ends; so do we, from here on.
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    tokens = tokenize(grammar, source, path)
    problem_lines = frozenset(p.span.line for p in tokens.problems)
    log = SyntaxErrorLog(path, tokens.cutoff, problem_lines)
    tree = parse_tokens(grammar, tokens.tokens, log)
    diags.items.extend(sorted(tokens.problems + log.reported, key=_position))
    if tree is None:
        return ParseOutcome(None, tuple(diags.items))
    ctx = BuildContext(path, diags, partial(_parse_field, grammar))
    builder = StmtBuilder(ctx)
    body: list[ast.Stmt] = []
    for statement in tree.children:
        assert isinstance(statement, Tree)
        try:
            body.extend(builder.statement(statement))
        except RecursionError:
            # Only reachable through absurd nesting such as 5000 `not`s.
            diags.error(ctx.span(statement), "statement is too deeply nested")
    if diags.items:
        return ParseOutcome(None, tuple(diags.items))
    return ParseOutcome(ast.Module(path, tuple(body), _whole_file(path, source)), ())


def _parse_field(
    grammar: PwcGrammar, ctx: BuildContext, text: str, line: int, col: int
) -> ast.Expr | None:
    """The expression of an f-string field whose text starts at (line, col)."""
    tokens, problems = lex_fragment(grammar, text, ctx.path)
    if problems:
        for problem in problems:
            ctx.error(_shift_span(problem.span, line, col), f"f-string: {problem.message}")
        return None
    shifted = [_shift_token(t, line, col) for t in tokens]
    end_line, end_col = _shift_position(*_end_of(text), line, col)
    at_end = Span(ctx.path, end_line, end_col, end_line, end_col)
    log = SyntaxErrorLog(ctx.path)
    tree = parse_fragment(grammar, shifted, "fexpr", at_end, log)
    for problem in log.reported:
        ctx.error(problem.span, problem.message, problem.hint)
    if tree is None:
        return None
    return ExprBuilder(ctx).expr(tree)


def _shift_position(line: int, col: int, base_line: int, base_col: int) -> tuple[int, int]:
    """A fragment's (line, col) as a position in the source the fragment came from."""
    return (base_line, base_col + col - 1) if line == 1 else (base_line + line - 1, col)


def _shift_token(token: Token, base_line: int, base_col: int) -> Token:
    assert token.line is not None and token.column is not None
    assert token.end_line is not None and token.end_column is not None
    line, col = _shift_position(token.line, token.column, base_line, base_col)
    end_line, end_col = _shift_position(token.end_line, token.end_column, base_line, base_col)
    return Token(
        token.type, token.value, token.start_pos, line, col, end_line, end_col, token.end_pos
    )


def _shift_span(span: Span, base_line: int, base_col: int) -> Span:
    line, col = _shift_position(span.line, span.col, base_line, base_col)
    end_line, end_col = _shift_position(span.end_line, span.end_col, base_line, base_col)
    return Span(span.path, line, col, end_line, end_col)


def _end_of(text: str) -> tuple[int, int]:
    """(line, col) just past the end of text, 1-based."""
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _whole_file(path: str, source: str) -> Span:
    end_line, end_col = _end_of(source)
    return Span(path, 1, 1, end_line, end_col)


def _position(d: Diagnostic) -> tuple[int, int]:
    return (d.span.line, d.span.col)
