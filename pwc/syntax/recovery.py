"""Feeding tokens to the LALR parser, and carrying on after a syntax error.

lark's own `on_error` resumption restarts the post-lexer, which would lose
the indentation state, so the tokens are fed here one by one.  After an error
the parser drops back to the nearest point where a statement may start, the
rest of the offending line is skipped and a `pass` stands in for it; an
indented block that followed a broken header is read as if it were not
indented.  That keeps block structure intact, so later errors are real ones.
At most one syntax error is reported per line, none after the first one on
the line a bracket was opened and never closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Tree

from pwc.diagnostics import Diagnostic, Span
from pwc.syntax.grammar import DEDENT, END, INDENT, LAYOUT_TYPES, LEX_ERROR, NEWLINE, PwcGrammar
from pwc.syntax.lalr import LalrParser, UnexpectedToken
from pwc.syntax.spans import token_span
from pwc.syntax.syntax_messages import block_owner, describe_unexpected

ParseTree = Tree[Token]


@dataclass
class SyntaxErrorLog:
    """The syntax errors of one parse, filtered to the ones worth showing."""

    path: str
    cutoff: tuple[int, int] | None = None
    # Lines where the lexer or indenter already found a problem.
    lines_with_problems: frozenset[int] = frozenset()
    reported: list[Diagnostic] = field(default_factory=list)
    last_line: int = 0

    def report(self, span: Span, message: str, hint: str | None = None) -> None:
        if span.line <= self.last_line or span.line in self.lines_with_problems:
            return
        self.last_line = span.line
        if self.cutoff is not None and (span.line, span.col) >= self.cutoff:
            return
        self.reported.append(Diagnostic(span, message, hint))

    def quietly_skip_line(self, line: int) -> None:
        """An error on `line` was already reported elsewhere (by the lexer)."""
        self.last_line = max(self.last_line, line)


def parse_tokens(grammar: PwcGrammar, tokens: list[Token], log: SyntaxErrorLog) -> ParseTree | None:
    """The tree for a whole module; None if even recovery could not finish it."""
    parser = _Recovering(grammar, tokens, log)
    return parser.run()


def parse_fragment(
    grammar: PwcGrammar, tokens: list[Token], start: str, at_end: Span, log: SyntaxErrorLog
) -> ParseTree | None:
    """The tree for a fragment (an f-string field); the first error ends it."""
    parser = grammar.parser(start)
    try:
        for token in tokens:
            parser.feed(token)
        end = Token(END, "", None, at_end.line, at_end.col, at_end.end_line, at_end.end_col)
        return _tree(parser.feed_end(end))
    except UnexpectedToken as e:
        token = e.token
        span = at_end if token.type == END else token_span(log.path, token)
        if token.type != LEX_ERROR:
            message = (
                "unexpected end of expression"
                if token.type == END
                else describe_unexpected(grammar, token, e.expected)
            )
            log.report(span, f"f-string: {message}")
        return None


@dataclass
class _Recovering:
    grammar: PwcGrammar
    tokens: list[Token]
    log: SyntaxErrorLog
    parser: LalrParser = field(init=False)
    # Indentation depth of the token stream, and the depths whose INDENT was
    # dropped by recovery (their DEDENT must be dropped too).
    depth: int = 0
    dropped_indents: list[int] = field(default_factory=list)
    drop_next_indent: bool = False
    # First token of the logical line being parsed (names a block's owner).
    line_first: Token | None = None
    retried_at: int = -1

    def __post_init__(self) -> None:
        self.parser = self.grammar.parser("file_input")

    def run(self) -> ParseTree | None:
        i = 0
        while i < len(self.tokens):
            i = self._step(i)
        last = self.tokens[-1] if self.tokens else None
        if last is None:
            end = Token(END, "", 0, 1, 1, 1, 1, 0)
        else:
            end = Token.new_borrow_pos(END, "", last)
        try:
            return _tree(self.parser.feed_end(end))
        except UnexpectedToken as e:
            if INDENT in e.expected:
                self._report_missing_block(end)
            else:
                self.log.report(token_span(self.log.path, end), "unexpected end of file")
            return None

    def _step(self, i: int) -> int:
        """Feed tokens[i]; the index of the next token to feed."""
        token = self.tokens[i]
        if token.type == INDENT and self.drop_next_indent:
            self._drop_indent()
            return i + 1
        self.drop_next_indent = False
        if token.type == DEDENT and self.dropped_indents and self.dropped_indents[-1] == self.depth:
            self.dropped_indents.pop()
            self.depth -= 1
            return i + 1
        try:
            self.parser.feed(token)
        except UnexpectedToken as e:
            return self._recover(i, token, e.expected)
        if token.type == INDENT:
            self.depth += 1
        elif token.type == DEDENT:
            self.depth -= 1
        elif i == 0 or self.tokens[i - 1].type in LAYOUT_TYPES:
            self.line_first = token
        return i + 1

    def _recover(self, i: int, token: Token, expected: frozenset[str]) -> int:
        """Report the error at tokens[i], repair the parser; where to go on."""
        if token.type == INDENT:
            self.log.report(self._error_span(i), "unexpected indent")
            self._drop_indent()
            return i + 1
        # Some repairs retry the token; a second failure on it skips them.
        first_attempt, self.retried_at = self.retried_at != i, i
        if INDENT in expected and first_attempt:
            self._report_missing_block(token)
            if self._feed_all(
                [
                    _synthetic(INDENT, token),
                    self._pass(token),
                    _synthetic(NEWLINE, token),
                    _synthetic(DEDENT, token),
                ]
            ):
                return i
        if self._is_try_without_handler(expected) and first_attempt:
            self.log.report(
                token_span(self.log.path, token), "expected 'except' or 'finally' block"
            )
            if self._feed_all(
                [
                    _synthetic(self.grammar.type_of("finally"), token),
                    _synthetic(self.grammar.type_of(":"), token),
                    self._pass(token),
                    _synthetic(NEWLINE, token),
                ]
            ):
                return i
        if token.type == LEX_ERROR:
            assert token.line is not None
            self.log.quietly_skip_line(token.line)
        else:
            self.log.report(self._error_span(i), describe_unexpected(self.grammar, token, expected))
        self._continue_with_pass(token)
        if token.type == DEDENT:
            if first_attempt:
                return i  # the block may close now that it holds a statement
            self.depth -= 1  # give up on this DEDENT
            return i + 1
        # Skip the rest of the line; a block that follows belongs to nothing.
        while i < len(self.tokens) and self.tokens[i].type != NEWLINE:
            i += 1
        self.drop_next_indent = True
        return i + 1

    def _error_span(self, i: int) -> Span:
        """Where to point for an error at tokens[i].

        Layout tokens sit just after the previous line's last token; an
        indent is shown as the new line's whitespace, an unindent as the
        token that starts the dedented line.
        """
        token = self.tokens[i]
        if token.type in (INDENT, DEDENT):
            following = next((t for t in self.tokens[i:] if t.type not in LAYOUT_TYPES), None)
            if following is not None:
                assert following.line is not None and following.column is not None
                if token.type == INDENT:
                    return Span(self.log.path, following.line, 1, following.line, following.column)
                return token_span(self.log.path, following)
        return token_span(self.log.path, token)

    def _continue_with_pass(self, at: Token) -> None:
        """Pop parser states until `pass` may come next, then feed `pass NEWLINE`.

        A state accepts `pass` if it may shift it or reduce before it; LALR
        may announce a reduction that then fails, hence the loop.
        """
        pass_token, newline = self._pass(at), _synthetic(NEWLINE, at)
        parser = self.parser
        for _ in range(2 * len(parser.state_stack) + 2):
            while len(parser.state_stack) > 1 and not parser.accepts(pass_token.type):
                parser.pop()
            if self._feed_all([pass_token, newline]):
                return
            if len(parser.state_stack) > 1:
                parser.pop()

    def _is_try_without_handler(self, expected: frozenset[str]) -> bool:
        return (
            self.grammar.type_of("except") in expected
            and self.grammar.type_of("pass") not in expected
        )

    def _report_missing_block(self, token: Token) -> None:
        owner = self.line_first
        where = "" if owner is None else f" after {block_owner(owner)} on line {owner.line}"
        self.log.report(token_span(self.log.path, token), f"expected an indented block{where}")

    def _drop_indent(self) -> None:
        self.depth += 1
        self.dropped_indents.append(self.depth)
        self.drop_next_indent = False

    def _feed_all(self, tokens: list[Token]) -> bool:
        for token in tokens:
            try:
                self.parser.feed(token)
            except UnexpectedToken:
                return False
        return True

    def _pass(self, at: Token) -> Token:
        return _synthetic(self.grammar.type_of("pass"), at)


def _synthetic(kind: str, at: Token) -> Token:
    return Token.new_borrow_pos(kind, "", at)


def _tree(value: object) -> ParseTree:
    assert isinstance(value, Tree)
    return value
