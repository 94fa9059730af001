"""Hypothesis-generated programs, run under CPython and compiled, compared line
by line (the differential corpus's rule, on programs nobody wrote by hand).

Five families of cases:

- integer arithmetic: expressions over + - * // % ** << >> & | ^ ~ and abs,
  with literals and variables from the whole 64-bit range, including
  overflow, division by zero and negative shift counts;
- string method chains (strip, lower/upper, replace, split + join, slicing,
  find, startswith, ...) on random text that mixes ASCII and non-ASCII,
  the result queried as text or as its UTF-8 bytes;
- list and dict operation sequences (append, pop, insert, index, del, get,
  in, len, sorted, ...), with the errors each step can raise;
- float arithmetic mixed with ints (+ - * / // % abs round, comparisons,
  int()), each result printed by repr and three format specs, so that text
  conversion is checked on every value the arithmetic produces;
- powers with a float operand (float ** float, float ** int, int ** float,
  int ** negative literal), over the whole range: overflow, subnormal and
  exact results, negative bases, the special values;
- arbitrary Unicode text (any code point, lone surrogates included, mixed
  with the characters case mapping treats specially) through every method
  that follows the Unicode tables: the case mappings, the isX predicates
  and repr.

Compiling (parsing above all) is the expensive step, so Hypothesis first
draws all of a family's cases (one example each), then they are compiled
in batches: one program holds BATCH_SIZE cases, each printing lines that
start with its number, and most cases are a single line (a runner called
with a lambda).  A mismatch is reported per case, with the case's source,
which is a complete reproduction; there is no shrinking (each step would
be a compile).  One run checks 17,000 cases in 47 compiles.

pwc's int is 64-bit and raises OverflowError("integer overflow") where
CPython would grow: every operation that can leave the range is wrapped in
`c(...)`, which raises that same error under CPython (as int_limits.py does);
compiled, the operation itself raises first and `c` never fires.
"""

from __future__ import annotations

import decimal
import difflib
import math
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from pwc.diagnostics import CompileError
from pwc.testing.program import ProgramResult, run_program

pytestmark = pytest.mark.slow

# Cases per run: 4,000 + 4,000 + 2,000 + 2,000 + 3,000 + 2,000.  A container
# case is a function of its own, which costs the compiler more than a one-line case.
INT_CASES, STR_CASES, CONTAINER_CASES, FLOAT_CASES, POWER_CASES, UNICODE_CASES = (
    4000, 4000, 2000, 2000, 3000, 2000)
LINE_BATCH_SIZE, CONTAINER_BATCH_SIZE, UNICODE_BATCH_SIZE = 400, 200, 500
MAX = 2**63 - 1
MIN = -(2**63)
CPYTHON_TIMEOUT_SECONDS = 120

# Each family's program starts with its runners: each prints a case's
# result, or the exception's type and message, after the case's number.
CHECKED = f"""\
from typing import Callable

MAX = {MAX}
MIN = -{MAX} - 1


def c(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value
"""

INT_RUNNERS = CHECKED + """

def ints(n: int, a: int, b: int, d: int, s: int, f: Callable[[int, int, int, int], int]) -> None:
    try:
        print(n, f(a, b, d, s))
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(n, type(e).__name__, e)


def compare(n: int, a: int, b: int, d: int, s: int, f: Callable[[int, int, int, int], bool]) -> None:
    try:
        print(n, f(a, b, d, s))
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(n, type(e).__name__, e)

"""

FLOAT_RUNNERS = CHECKED + """

def floats(n: int, x: float, y: float, i: int, f: Callable[[float, float, int], float]) -> None:
    try:
        v = f(x, y, i)
        print(n, v, f"{v:.3e}", f"{v:.5g}", f"{v:,.2f}")
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(n, type(e).__name__, e)


def order(n: int, x: float, y: float, i: int, f: Callable[[float, float, int], bool]) -> None:
    try:
        print(n, f(x, y, i))
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(n, type(e).__name__, e)

"""

STR_RUNNERS = """\
from typing import Callable


# repr: a result's own newlines must not split the case's output line.
def text(n: int, t: str, f: Callable[[str], str]) -> None:
    try:
        print(n, repr(f(t)))
    except (ValueError, IndexError) as e:
        print(n, type(e).__name__, e)

"""

CONTAINER_RUNNERS = """\
from typing import Callable


def item(n: int, f: Callable[[], int]) -> None:
    try:
        print(n, "item", f())
    except (IndexError, KeyError) as e:
        print(n, type(e).__name__, e)


def pop_last(n: int, xs: list[int]) -> None:
    if xs:
        print(n, "pop", xs.pop(), xs)
    else:
        print(n, "nothing to pop")


def set_item(n: int, xs: list[int], i: int, v: int) -> None:
    try:
        xs[i] = v
        print(n, "set", xs)
    except IndexError as e:
        print(n, type(e).__name__, e)


# Out-of-range `del xs[i]` and index() of an absent value have messages of
# their own in pwc (corpus program list_error_messages.py): not drawn here.
def del_item(n: int, xs: list[int], i: int) -> None:
    if -len(xs) <= i < len(xs):
        del xs[i]
        print(n, "del", xs)


def index_of(n: int, xs: list[int], v: int) -> None:
    if v in xs:
        print(n, "index", xs.index(v))


def remove(n: int, xs: list[int], v: int) -> None:
    try:
        xs.remove(v)
        print(n, "remove", xs)
    except ValueError as e:
        print(n, type(e).__name__, e)


def del_key(n: int, m: dict[str, int], k: str) -> None:
    try:
        del m[k]
        print(n, "del", m)
    except KeyError as e:
        print(n, type(e).__name__, e)

"""


class CompiledProgram(Protocol):
    @property
    def wasm(self) -> bytes: ...


@dataclass(frozen=True)
class Case:
    """Simple statements printing lines that start with `{n} ` (the case's
    number).  One statement is a module-level line; several become a
    one-line function, so that their variables are the case's own."""

    statements: tuple[str, ...]

    def source(self, n: int) -> str:
        body = "; ".join(self.statements).replace("{n}", str(n))
        if len(self.statements) == 1:
            return body + "\n"
        return f"def case_{n}() -> None: {body}\ncase_{n}()\n"


# --------------------------------------------------------------- running a batch


def draw_cases(strategy: st.SearchStrategy[Case], count: int) -> list[Case]:
    """`count` cases drawn by Hypothesis, one per example (its edge-case
    heuristics and deduplication, without its per-example size limit)."""
    cases: list[Case] = []

    @settings(max_examples=count, phases=[Phase.generate], database=None, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(strategy)
    def collect(case: Case) -> None:
        cases.append(case)

    collect()
    return cases


def check_cases(kind: str, runners: str, cases: list[Case], batch_size: int) -> None:
    """Compile and compare `cases` batch by batch; fail with every batch's
    differing cases."""
    assert len(cases) > 0
    failures = [run_batch(kind, runners, cases[i:i + batch_size])
                for i in range(0, len(cases), batch_size)]
    reports = [f for f in failures if f is not None]
    if reports:
        pytest.fail("\n\n".join(reports), pytrace=False)


def render(runners: str, cases: list[Case]) -> str:
    return runners + "".join(case.source(n) for n, case in enumerate(cases))


def run_batch(kind: str, runners: str, cases: list[Case]) -> str | None:
    """None when the compiled batch prints what CPython prints, else a report."""
    source = render(runners, cases)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"generated_{kind}.py"
        path.write_text(source, encoding="utf-8")
        expected = subprocess.run(
            [sys.executable, "-I", "-X", "utf8", str(path)],
            capture_output=True,
            timeout=CPYTHON_TIMEOUT_SECONDS,
        )
        assert expected.returncode == 0 and expected.stderr == b"", (
            "the generator wrote a program CPython rejects:\n"
            + expected.stderr.decode("utf-8", "replace")[-3000:]
        )
        compile_file = load_compile_file()
        try:
            compiled = compile_file(path)
        except CompileError as e:
            return f"a generated {kind} program does not compile:\n{e}"
    actual = run_program(compiled.wasm)
    expected_stdout = expected.stdout.decode("utf-8", errors="surrogateescape")
    if actual == ProgramResult(expected_stdout, "", None):
        return None
    return describe_failures(cases, expected_stdout, actual)


def load_compile_file() -> Callable[[Path], CompiledProgram]:
    try:
        from pwc.driver import compile_file  # type: ignore[import-not-found, unused-ignore]
    except ModuleNotFoundError as e:
        if e.name != "pwc.driver":
            raise
        pytest.skip("pwc.driver does not exist yet")
    compile_program: Callable[[Path], CompiledProgram] = compile_file
    return compile_program


def lines_by_case(stdout: str) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for line in stdout.splitlines():
        number, _, _ = line.partition(" ")
        grouped.setdefault(int(number) if number.isdigit() else -1, []).append(line)
    return grouped


def describe_failures(cases: list[Case], expected: str, actual: ProgramResult) -> str:
    """Only the cases whose output differs, each with its source, then the trap."""
    want, got = lines_by_case(expected), lines_by_case(actual.stdout)
    failing = [n for n in range(len(cases)) if want.get(n, []) != got.get(n, [])]
    if actual.trap is not None and failing:
        # Cases after the trapping one printed nothing: only the first is news.
        failing = failing[:1]
    parts = [f"{len(failing)} of {len(cases)} generated cases differ from CPython"]
    if not failing and actual.stdout != expected:
        # Output outside any case's lines: show where the two first part.
        diff = difflib.unified_diff(expected.splitlines(), actual.stdout.splitlines(),
                                    "CPython", "compiled", lineterm="", n=1)
        parts.append("\n".join(list(diff)[:40]))
    for n in failing[:5]:
        parts.append(f"\ncase {n}:\n{cases[n].source(n).strip()}")
        parts.append("  CPython:  " + "\n            ".join(want.get(n, ["<nothing>"])))
        parts.append("  compiled: " + "\n            ".join(got.get(n, ["<nothing>"])))
    if actual.trap is not None:
        parts.append(f"\nthe compiled program trapped: {actual.trap}")
    if actual.stderr:
        parts.append(f"\nstderr of the compiled program:\n{actual.stderr}")
    return "\n".join(parts)


# --------------------------------------------------------------- integer arithmetic

EDGE_INTS = [0, 1, -1, 2, -2, 3, 7, 10, 63, 64, 255, 2**31, -(2**31), 2**32 - 1,
             3037000499, 3037000500, MAX, MAX - 1, MIN, MIN + 1, MAX // 2, MIN // 2]


def int_literal(value: int) -> str:
    # -2**63 has no literal of its own in pwc (the 2**63 under the minus
    # does not fit), so it is written as an expression that does.
    if value == MIN:
        return f"(-{MAX} - 1)"
    return f"({value})" if value < 0 else str(value)


any_int = st.one_of(st.sampled_from(EDGE_INTS), st.integers(-1000, 1000), st.integers(MIN, MAX))
int_leaf = st.one_of(st.sampled_from(["a", "b", "d"]), any_int.map(int_literal))
# Left shift counts and exponents stay small: CPython would otherwise build
# numbers of gigabytes before `c` could reject them.
small_count = st.one_of(st.integers(-2, 70).map(int_literal), st.just("s"))
exponent = st.integers(0, 65).map(str)


def int_operations(child: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    checked_op = st.sampled_from(["+", "-", "*", "//", "%"])
    bit_op = st.sampled_from(["&", "|", "^", ">>"])
    return st.one_of(
        st.tuples(child, checked_op, child).map(lambda t: f"c({t[0]} {t[1]} {t[2]})"),
        st.tuples(child, bit_op, child).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(child, small_count).map(lambda t: f"c({t[0]} << {t[1]})"),
        st.tuples(child, exponent).map(lambda t: f"c({t[0]} ** {t[1]})"),
        child.map(lambda e: f"c(-{e})"),
        child.map(lambda e: f"(~{e})"),
        child.map(lambda e: f"c(abs({e}))"),
    )


int_expression = st.recursive(int_leaf, int_operations, max_leaves=8)
comparison_operator = st.sampled_from(["<", "<=", "==", "!=", ">", ">="])
# Chains of two and three operands: a failing link stops the evaluation,
# so which operand's exception is seen depends on the order.
int_comparison = st.one_of(
    st.tuples(int_expression, comparison_operator, int_expression)
    .map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
    st.tuples(int_expression, comparison_operator, int_expression, comparison_operator,
              int_expression).map(lambda t: f"{t[0]} {t[1]} {t[2]} {t[3]} {t[4]}"),
)


@st.composite
def int_case(draw: st.DrawFn) -> Case:
    values = ", ".join(int_literal(v) for v in [draw(any_int), draw(any_int), draw(any_int)])
    shift = int_literal(draw(st.integers(-2, 70)))
    runner, expression = draw(st.one_of(
        st.tuples(st.just("ints"), int_expression),
        st.tuples(st.just("ints"), int_expression),
        st.tuples(st.just("compare"), int_comparison),
    ))
    return Case((f"{runner}({{n}}, {values}, {shift}, lambda a, b, d, s: {expression})",))


def test_generated_integer_expressions() -> None:
    cases = draw_cases(int_case(), INT_CASES)
    check_cases("int", INT_RUNNERS, cases, LINE_BATCH_SIZE)


# --------------------------------------------------------------- string method chains

TEXT_ALPHABET = "abcXYZ019 ,.-=_\t\n\xa0\u3000\u2003日本語€·😀\u0301ßΣİǅÉ"
PIECES = ["", " ", "a", "b", "X", ",", "-", ".", "ab", "日", "😀", "\u3000", "a ", "=="]

any_text = st.text(TEXT_ALPHABET, max_size=14)
piece = st.one_of(st.sampled_from(PIECES), st.text(TEXT_ALPHABET, min_size=1, max_size=3))
nonempty_piece = piece.filter(lambda p: p != "")
small_index = st.integers(-16, 16)
# A literal step of 0 is a compile error in pwc; a computed one raises.
slice_step = st.one_of(st.sampled_from([-3, -2, -1, 1, 2, 3, 5]).map(str), st.just("len(t) * 0"))


# Operations are templates around HOLE, where the expression built so far
# goes: the strategies are built once, which keeps drawing cheap.
HOLE = "<s>"


STR_OPERATION = st.one_of(
    st.sampled_from(["strip", "lstrip", "rstrip", "lower", "upper", "capitalize", "title"])
    .map(lambda m: f"{HOLE}.{m}()"),
    st.tuples(st.sampled_from(["strip", "lstrip", "rstrip"]), piece)
    .map(lambda t: f"{HOLE}.{t[0]}({t[1]!r})"),
    st.tuples(piece, piece).map(lambda t: f"{HOLE}.replace({t[0]!r}, {t[1]!r})"),
    st.tuples(piece, piece, st.integers(-1, 3))
    .map(lambda t: f"{HOLE}.replace({t[0]!r}, {t[1]!r}, {t[2]})"),
    st.tuples(piece, piece).map(lambda t: f"{t[0]!r}.join({HOLE}.split({t[1]!r}))"),
    st.tuples(piece, piece, st.integers(-1, 3))
    .map(lambda t: f"{t[0]!r}.join({HOLE}.split({t[1]!r}, {t[2]}))"),
    st.tuples(piece, st.sampled_from(["split", "rsplit"]), st.integers(-1, 3))
    .map(lambda t: f"{t[0]!r}.join({HOLE}.{t[1]}(None, {t[2]}))"),
    st.tuples(piece, nonempty_piece, st.integers(-1, 3))
    .map(lambda t: f"{t[0]!r}.join({HOLE}.rsplit({t[1]!r}, {t[2]}))"),
    st.tuples(small_index, small_index).map(lambda t: f"{HOLE}[{t[0]}:{t[1]}]"),
    st.tuples(small_index, small_index, slice_step).map(lambda t: f"{HOLE}[{t[0]}:{t[1]}:{t[2]}]"),
    st.integers(-1, 3).map(lambda k: f"({HOLE} * {k})"),
    piece.map(lambda p: f"({HOLE} + {p!r})"),
    st.tuples(st.sampled_from(["removeprefix", "removesuffix"]), piece)
    .map(lambda t: f"{HOLE}.{t[0]}({t[1]!r})"),
    st.tuples(st.sampled_from(["ljust", "rjust", "center"]), st.integers(-1, 20))
    .map(lambda t: f"{HOLE}.{t[0]}({t[1]})"),
    st.integers(-1, 12).map(lambda w: f"{HOLE}.zfill({w})"),
)

# What a case prints about the text it built: the text or a query on it.
STR_QUERY = st.one_of(
    st.sampled_from([f"repr({HOLE})", f"len({HOLE})", f"{HOLE}.encode()", f"{HOLE}.split()",
                     f"{HOLE}.splitlines()", f"{HOLE}.isspace()", f"{HOLE}.isdigit()",
                     f"[repr(ch) for ch in {HOLE}]"]),
    st.tuples(st.sampled_from(["find", "rfind", "count", "index", "startswith", "endswith",
                               "split", "partition", "rpartition"]), piece)
    .map(lambda t: f"{HOLE}.{t[0]}({t[1]!r})"),
    st.tuples(piece, small_index).map(lambda t: f"{HOLE}.find({t[0]!r}, {t[1]})"),
    piece.map(lambda p: f"{p!r} in {HOLE}"),
    small_index.map(lambda i: f"repr({HOLE}[{i}])"),
    # The same text as UTF-8 bytes.  bytes.split(None, maxsplit) drops the
    # remainder's trailing whitespace (corpus program bytes_split_maxsplit.py):
    # only split() without a count here.
    st.sampled_from([f"{HOLE}.encode().split()", f"{HOLE}.encode().strip()",
                     f"{HOLE}.encode().hex()", f"[b for b in {HOLE}.encode()]"]),
    st.tuples(st.sampled_from(["split", "find", "startswith", "endswith", "strip"]), nonempty_piece)
    .map(lambda t: f"{HOLE}.encode().{t[0]}({t[1].encode()!r})"),
    st.tuples(small_index, small_index, slice_step)
    .map(lambda t: f"{HOLE}.encode()[{t[0]}:{t[1]}:{t[2]}]"),
)


@st.composite
def str_case(draw: st.DrawFn) -> Case:
    expression = "t"
    for template in draw(st.lists(STR_OPERATION, max_size=4)):
        expression = template.replace(HOLE, expression)
    query = draw(STR_QUERY).replace(HOLE, expression)
    return Case((f"text({{n}}, {draw(any_text)!r}, lambda t: str({query}))",))


def test_generated_string_chains() -> None:
    cases = draw_cases(str_case(), STR_CASES)
    check_cases("str", STR_RUNNERS, cases, LINE_BATCH_SIZE)


# --------------------------------------------------------------- list and dict sequences

KEYS = ["a", "b", "c", "é", "", "ab"]
ELEMENTS = st.integers(-3, 6)
POSITIONS = st.integers(-6, 6)


@st.composite
def list_step(draw: st.DrawFn) -> tuple[str, ...]:
    v, i = draw(ELEMENTS), draw(POSITIONS)
    return draw(st.sampled_from([
        (f"xs.append({v})", "print({n}, 'append', xs)"),
        (f"xs.insert({i}, {v})", "print({n}, 'insert', xs)"),
        (f"xs.extend([{v}, {v}])", "print({n}, 'extend', xs)"),
        ("xs.reverse()", "print({n}, 'reverse', xs)"),
        ("xs.sort()", "print({n}, 'sort', xs)"),
        ("xs.sort(reverse=True)", "print({n}, 'sort reverse', xs)"),
        ("ys = xs.copy()", f"ys.append({v})", "print({n}, 'copy', xs, ys)"),
        ("pop_last({n}, xs)",),
        (f"item({{n}}, lambda: xs.pop({i}))", "print({n}, xs)"),
        (f"item({{n}}, lambda: xs[{i}])",),
        (f"set_item({{n}}, xs, {i}, {v})",),
        (f"del_item({{n}}, xs, {i})",),
        (f"index_of({{n}}, xs, {v})",),
        (f"remove({{n}}, xs, {v})",),
        (f"print({{n}}, 'count', xs.count({v}), {v} in xs, {v} not in xs, len(xs))",),
        ("print({n}, 'sorted', sorted(xs), sorted(xs, reverse=True), xs)",),
        ("print({n}, 'minmax', min(xs, default=-99), max(xs, default=99), sum(xs))",),
        (f"print({{n}}, 'slice', xs[{i}:], xs[:{i}], xs[::-1], xs[{i}::2])",),
    ]))


@st.composite
def dict_step(draw: st.DrawFn) -> tuple[str, ...]:
    k, v = draw(st.sampled_from(KEYS)), draw(ELEMENTS)
    return draw(st.sampled_from([
        (f"m[{k!r}] = {v}", "print({n}, 'set', m)"),
        (f"m[{k!r}] = m.get({k!r}, 0) + {v}", "print({n}, 'bump', m)"),
        (f"item({{n}}, lambda: m[{k!r}])",),
        (f"del_key({{n}}, m, {k!r})",),
        (f"print({{n}}, 'get', m.get({k!r}), m.get({k!r}, {v}), {k!r} in m, len(m))",),
        ("print({n}, 'views', list(m), list(m.values()), list(m.items()), sorted(m))",),
        ("print({n}, 'loop', [(key, value) for key, value in m.items() if value > 0])",),
    ]))


@st.composite
def container_case(draw: st.DrawFn) -> Case:
    start = draw(st.lists(ELEMENTS, max_size=6))
    keys = draw(st.lists(st.sampled_from(KEYS), max_size=4, unique=True))
    initial = {k: draw(ELEMENTS) for k in keys}
    statements = [f"xs: list[int] = {start!r}", f"m: dict[str, int] = {initial!r}"]
    for _ in range(draw(st.integers(1, 6))):
        statements.extend(draw(st.one_of(list_step(), dict_step())))
    statements.append("print({n}, 'final', xs, m)")
    return Case(tuple(statements))


def test_generated_container_sequences() -> None:
    cases = draw_cases(container_case(), CONTAINER_CASES)
    check_cases("containers", CONTAINER_RUNNERS, cases, CONTAINER_BATCH_SIZE)


# --------------------------------------------------------------- floats

EDGE_FLOATS = [0.0, -0.0, 0.1, 0.5, 1.0, -1.5, 2.5, 1e16, 1e-7, 5e-324, 2.2250738585072014e-308,
               1.7976931348623157e308, 9007199254740993.0, float("inf"), float("-inf"),
               float("nan")]


def float_literal(value: float) -> str:
    text = repr(value)
    if text in ("inf", "-inf", "nan"):
        return f'float("{text}")'
    return f"({text})" if text.startswith("-") else text


any_float = st.one_of(st.sampled_from(EDGE_FLOATS), st.floats(-1e6, 1e6),
                      st.floats(allow_nan=False, allow_infinity=False),
                      st.integers(-10**6, 10**6).map(lambda v: v / 8))
float_leaf = st.one_of(st.sampled_from(["x", "y", "i"]), any_float.map(float_literal),
                       st.integers(-100, 100).map(int_literal))


def float_operations(child: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(child, st.sampled_from(["+", "-", "*", "/", "//", "%"]), child)
        .map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        child.map(lambda e: f"(-{e})"),
        child.map(lambda e: f"abs({e})"),
        st.tuples(child, st.integers(-3, 6)).map(lambda t: f"round(1.0 * {t[0]}, {t[1]})"),
        child.map(lambda e: f"float(c(int(1.0 * {e})))"),
    )


float_expression = st.recursive(float_leaf, float_operations, max_leaves=6)
# At least one operand is a float (the 1.0 *), so the result is one.
float_result = float_expression.map(lambda e: f"1.0 * {e}")


@st.composite
def float_case(draw: st.DrawFn) -> Case:
    x, y = float_literal(draw(any_float)), float_literal(draw(any_float))
    # Small ints only: six of them multiplied stay within 64 bits, so an int
    # subexpression never overflows where CPython's would not (the int family
    # covers the limits).
    i = int_literal(draw(st.integers(-1000, 1000)))
    runner, expression = draw(st.one_of(
        st.tuples(st.just("floats"), float_result),
        st.tuples(st.just("floats"), float_result),
        st.tuples(st.just("order"), st.tuples(float_expression, comparison_operator,
                                              float_expression)
                  .map(lambda t: f"{t[0]} {t[1]} {t[2]}")),
    ))
    return Case((f"{runner}({{n}}, {x}, {y}, {i}, lambda x, y, i: {expression})",))


def test_generated_float_expressions() -> None:
    cases = draw_cases(float_case(), FLOAT_CASES)
    check_cases("float", FLOAT_RUNNERS, cases, LINE_BATCH_SIZE)


# --------------------------------------------------------------- float powers
# pwc's x ** y is the correctly rounded power; CPython's is the C library's
# pow, which on glibc misrounds about 1 case in 2,000 (an exact value within
# a small fraction of an ULP of a midpoint): a drawn case whose CPython
# result is not the correctly rounded one is left out, so a case compares
# with CPython only where CPython is right.  Exact midpoints, where no
# approximate reference can decide, are in the corpus (float_power.py).

def correctly_rounded_power(x: float, y: float) -> float | None:
    """x ** y rounded once (ties to even), for finite x > 0 and finite y;
    None when a 60-digit reference cannot tell."""
    if y == int(y) and abs(y) <= 64:
        try:
            return float(Fraction(x) ** int(y))
        except OverflowError:
            return math.inf
    z = y * math.log2(x)
    if z > 1030:
        return math.inf
    if z < -1080:
        return 0.0
    with decimal.localcontext() as ctx:
        ctx.prec = 60
        ctx.Emax, ctx.Emin = 10**6, -10**6
        exact = Decimal(x) ** Decimal(y)
        nearest = float(exact)
        # The reference's own rounding can only matter next to a midpoint.
        for neighbour in (math.nextafter(nearest, 0.0), math.nextafter(nearest, math.inf)):
            midpoint = (Decimal(nearest) + Decimal(neighbour)) / 2
            if abs(exact - midpoint) <= abs(exact) * Decimal("1e-50"):
                return None
    return nearest


def cpython_power_is_correctly_rounded(operands: tuple[float, float]) -> bool:
    x, y = operands
    if not (math.isfinite(x) and math.isfinite(y)) or x == 0.0 or y == 0.0:
        return True  # special cases, decided before the C library is called
    x = abs(x)  # negative bases only with whole exponents
    try:
        got = x ** y
    except OverflowError:
        got = math.inf
    return got == correctly_rounded_power(x, y)


@st.composite
def power_operands(draw: st.DrawFn) -> tuple[float, float]:
    x = draw(st.one_of(any_float, st.integers(-1000, 1000).map(float),
                       st.floats(0.5, 2.0), st.floats(1 - 1e-9, 1 + 1e-9)))
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return x, draw(any_float)
    if kind == 1:
        return x, float(draw(st.integers(-70, 70)))
    if kind == 2:
        return x, draw(st.integers(-400, 400)) / draw(st.sampled_from([2, 4, 3]))
    # y aimed at a result near the ends of the range or anywhere in it
    log2x = math.log2(abs(x)) if math.isfinite(x) and x not in (0.0, 1.0, -1.0) else 1.0
    target = draw(st.one_of(st.sampled_from([1024.0, -1022.0, -1074.0, -1075.0, 1023.9999]),
                            st.floats(-1100, 1100)))
    return x, target * draw(st.floats(0.999, 1.001)) / log2x


@st.composite
def power_case(draw: st.DrawFn) -> Case:
    # The four ways to a float power: float ** float, float ** int,
    # int ** float, int ** negative literal (a float, as mypy types it).
    form = draw(st.sampled_from(["x ** y", "x ** i", "i ** y", "i ** -k"]))
    x, y = draw(power_operands())
    i = draw(st.integers(-1000, 1000))
    if form == "x ** i":
        y = float(i)
    elif form == "i ** y":
        x = float(i)
    elif form == "i ** -k":
        k = draw(st.integers(1, 70))
        x, y, form = float(i), float(-k), f"i ** -{k}"
    if x < 0.0 and math.isfinite(y) and y != math.floor(y):
        # CPython's power would be a complex number
        x, i = -x, abs(i)
    assume(cpython_power_is_correctly_rounded((x, y)))
    return Case((f"floats({{n}}, {float_literal(x)}, {float_literal(y)}, {int_literal(i)}, "
                 f"lambda x, y, i: {form})",))


def test_generated_float_powers() -> None:
    cases = draw_cases(power_case(), POWER_CASES)
    check_cases("power", FLOAT_RUNNERS, cases, LINE_BATCH_SIZE)


# --------------------------------------------------------------- Unicode text

UNICODE_RUNNERS = """\
def flag(value: bool) -> str:
    return "1" if value else "0"


def u(n: int, t: str) -> None:
    print(n, repr(t), repr(t.lower()), repr(t.upper()), repr(t.casefold()),
          repr(t.swapcase()), repr(t.capitalize()), repr(t.title()))
    print(n, flag(t.isalpha()), flag(t.isdecimal()), flag(t.isdigit()), flag(t.isnumeric()),
          flag(t.isalnum()), flag(t.isupper()), flag(t.islower()), flag(t.istitle()),
          flag(t.isprintable()), flag(t.isidentifier()), flag(t.isspace()), flag(t.isascii()))

"""

# Characters the case methods treat specially: the capital sigma and what
# decides its final form (cased letters, case-ignorable apostrophes and
# combining marks, spaces), multi-character mappings (ß, İ, ŉ, ΐ, ﬃ, ᾳ),
# title-case digraphs, Cherokee (whose case folding goes to upper case),
# letters and digits of other scripts, unassigned and private-use code
# points, and the lone surrogates that hold undecodable host bytes.
SPECIAL_CHARACTERS = ("ΣσςΑαΟΔ'\u00b7\u0301\u0345 .ßẞİıiIŉΐﬃᾳᾼǅǆǄǈᏣꮳᏸǰΐ"
                      "Aa_Zz09١٢३½ⅫⅰⒶⓐ\u0378\u0530\ue000\U0010fffd\udc80\udcff\ud800")
unicode_char = st.one_of(
    st.characters(exclude_categories=()),
    st.characters(max_codepoint=0x24FF, exclude_categories=()),
    st.sampled_from(SPECIAL_CHARACTERS),
)


@st.composite
def unicode_case(draw: st.DrawFn) -> Case:
    return Case((f"u({{n}}, {draw(st.text(unicode_char, max_size=10))!r})",))


def test_generated_unicode_text() -> None:
    cases = draw_cases(unicode_case(), UNICODE_CASES)
    check_cases("unicode", UNICODE_RUNNERS, cases, UNICODE_BATCH_SIZE)
