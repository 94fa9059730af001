"""A small LALR(1) driver over lark's parse table.

lark computes the table and builds the tree nodes (positions are added here,
see Positioned); this loop replaces lark's
ParserState for two reasons: error recovery needs to pop states (recovery.py),
and speed.  Python's precedence chain (`test -> or_test -> ... -> atom`, ~15
unit rules) costs ~6 reductions per token; here a whole chain of unit
reductions is one remembered step, which makes parsing 3x as fast as lark's
general loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import cast

from lark import Token, Tree
from lark.common import ParserCallbacks
from lark.grammar import Rule, Terminal
from lark.parsers.lalr_analysis import ParseTableBase, Shift

# A node builder: lark's tree-building callback for one rule.
Build = Callable[[list[object]], object]


@dataclass(frozen=True)
class Reduction:
    size: int
    origin: str
    build: Build | None  # None: a unit rule whose value is its only child's


# Per state: for each terminal, the state to shift to or the reduction to do.
Action = int | Reduction


@dataclass(frozen=True)
class Tables:
    actions: Mapping[int, Mapping[str, Action]]
    gotos: Mapping[int, Mapping[str, int]]
    start_states: Mapping[str, int]
    end_states: Mapping[str, int]


class UnexpectedToken(Exception):
    def __init__(self, token: Token, expected: frozenset[str]) -> None:
        super().__init__(f"unexpected {token.type}")
        self.token = token
        self.expected = expected


def make_tables(
    parse_table: ParseTableBase[int], rules: list[Rule], callbacks: ParserCallbacks
) -> Tables:
    # lark's callbacks are keyed by Rule, though typed as keyed by name.
    by_rule = cast(Mapping[Rule, Build], callbacks)
    reductions = {rule: _reduction(rule, by_rule[rule]) for rule in rules}
    actions: dict[int, dict[str, Action]] = {}
    gotos: dict[int, dict[str, int]] = {}
    for state, row in parse_table.states.items():
        actions[state] = {}
        gotos[state] = {}
        for symbol, (action, arg) in row.items():
            name = str(symbol)
            if action is Shift and not name.isupper():
                gotos[state][name] = arg
            elif action is Shift:
                actions[state][name] = arg
            else:
                actions[state][name] = reductions[arg]
    return Tables(actions, gotos, dict(parse_table.start_states), dict(parse_table.end_states))


class Positioned:
    """lark's tree-building callback for a rule, plus the node's position.

    The node spans from its first child to its last, tokens the tree drops
    (`(`, `def`) included.  lark's own propagate_positions does this too but
    also tracks the extent of inlined `?rule`s, at twice the cost; every
    `?rule` alternative of several symbols in grammar/pwc.lark has an alias,
    so an inlined rule here is always a single child with its own position.
    (A class, not a closure, so that the tables can be pickled.)
    """

    __slots__ = ("build",)

    def __init__(self, build: Build) -> None:
        self.build = build

    def __call__(self, children: list[object]) -> object:
        node = self.build(children)
        if type(node) is Tree:
            start = _start(children)
            end = _end(children)
            if start is not None and end is not None:
                meta = node.meta
                meta.line, meta.column = start
                meta.end_line, meta.end_column = end
                meta.empty = False
        return node


def _start(children: list[object]) -> tuple[int, int] | None:
    for child in children:
        if isinstance(child, Token):
            if child.line is not None and child.column is not None:
                return child.line, child.column
        elif isinstance(child, Tree) and not child.meta.empty:
            return child.meta.line, child.meta.column
    return None


def _end(children: list[object]) -> tuple[int, int] | None:
    for child in reversed(children):
        if isinstance(child, Token):
            if child.end_line is not None and child.end_column is not None:
                return child.end_line, child.end_column
        elif isinstance(child, Tree) and not child.meta.empty:
            return child.meta.end_line, child.meta.end_column
    return None


def _reduction(rule: Rule, build: Build) -> Reduction:
    """A `?rule: other_rule` or `?rule: TOKEN` passes its child's value up unchanged."""
    symbol = rule.expansion[0] if len(rule.expansion) == 1 else None
    unit = (
        rule.options.expand1
        and rule.alias is None
        and symbol is not None
        and not symbol.name.startswith("_")  # `_rule` children are spliced into the parent
        and not (isinstance(symbol, Terminal) and symbol.filter_out)  # punctuation is dropped
    )
    return Reduction(
        len(rule.expansion), str(rule.origin.name), None if unit else Positioned(build)
    )


class LalrParser:
    """One parse: a state stack and a value stack, fed one token at a time."""

    def __init__(self, tables: Tables, start: str) -> None:
        self.tables = tables
        self.state_stack = [tables.start_states[start]]
        self.value_stack: list[object] = []
        self.end_state = tables.end_states[start]
        self.unit_chains: dict[tuple[int, int, str], int] = {}

    def accepts(self, token_type: str) -> bool:
        """Whether the next token may be of this type (perhaps after reductions)."""
        return token_type in self.tables.actions[self.state_stack[-1]]

    def pop(self) -> None:
        self.state_stack.pop()
        self.value_stack.pop()

    def feed(self, token: Token) -> None:
        """Shift `token`, after the reductions it calls for; raise if it cannot come next."""
        self._feed(token, is_end=False)

    def feed_end(self, token: Token) -> object:
        """Feed the end-of-input token; the value of the start symbol."""
        return self._feed(token, is_end=True)

    def _feed(self, token: Token, is_end: bool) -> object:
        actions, gotos = self.tables.actions, self.tables.gotos
        states, values = self.state_stack, self.value_stack
        while True:
            row = actions[states[-1]]
            action = row.get(token.type)
            if action is None:
                raise UnexpectedToken(token, frozenset(row))
            if isinstance(action, int):
                states.append(action)
                values.append(token)
                return None
            if action.build is None:
                # A chain of unit rules: the value stays, only the top state moves.
                states[-1] = self._after_unit_rules(states[-2], states[-1], token.type)
            else:
                size = action.size
                if size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                    values.append(action.build(children))
                else:
                    values.append(action.build([]))
                states.append(gotos[states[-1]][action.origin])
            if is_end and states[-1] == self.end_state:
                return values[-1]

    def _after_unit_rules(self, below: int, top: int, lookahead: str) -> int:
        """The top state after every unit reduction `lookahead` calls for.

        It depends only on these three, and the same few combinations recur
        all through a file, so each is worked out once per parse.
        """
        key = (below, top, lookahead)
        known = self.unit_chains.get(key)
        if known is not None:
            return known
        actions, gotos = self.tables.actions, self.tables.gotos
        state = top
        while True:
            action = actions[state].get(lookahead)
            if not isinstance(action, Reduction) or action.build is not None:
                break
            state = gotos[below][action.origin]
        self.unit_chains[key] = state
        return state
