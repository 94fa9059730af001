"""lower/ranges.py: the interval arithmetic against Python on random ints, and
which additions, subtractions and multiplications lose their overflow check."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_lower import function_body, wat_of

from pwc.lower import ranges
from pwc.lower.ranges import MAX, MIN, Range

# Small values, the 64-bit edges and powers of two around them, and anything.
_EDGES = [s * 2**k + d for k in (7, 8, 16, 31, 32, 62, 63) for s in (1, -1) for d in (-1, 0, 1)]
INT64 = st.one_of(st.integers(-300, 300), st.sampled_from(_EDGES),
                  st.integers(MIN, MAX)).filter(lambda v: MIN <= v <= MAX)


@st.composite
def range_and_member(draw: st.DrawFn) -> tuple[Range, int]:
    """An interval of 64-bit ints and a value in it."""
    lo, hi = sorted((draw(INT64), draw(INT64)))
    return (lo, hi), draw(st.one_of(st.sampled_from([lo, hi]), st.integers(lo, hi)))


BINARY_PYTHON: dict[str, Callable[[int, int], int | None]] = {
    "int.add": lambda x, y: x + y, "int.sub": lambda x, y: x - y,
    "int.mul": lambda x, y: x * y, "int.and": lambda x, y: x & y,
    "int.or": lambda x, y: x | y, "int.xor": lambda x, y: x ^ y,
    "int.shr": lambda x, y: x >> y,
    # Past 64 places a nonzero value leaves the range (pwc raises).
    "int.shl": lambda x, y: x << y if x == 0 or y <= 64 else None,
    "int.mod": lambda x, y: x % y, "int.floordiv": lambda x, y: x // y,
    "int.add_sat": lambda x, y: min(max(x + y, MIN), MAX),
}


def _python(op: str, x: int, y: int) -> int | None:
    """Python's result, None where Python (and pwc) raise instead."""
    try:
        return BINARY_PYTHON[op](x, y)
    except (ZeroDivisionError, ValueError):  # a zero divisor, a negative shift
        return None


BINARY_OPS = sorted(op for op in ranges.BINARY if not op.endswith("_unchecked"))


def test_every_interval_operation_is_tested() -> None:
    assert set(BINARY_OPS) == set(BINARY_PYTHON)


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(BINARY_OPS), range_and_member(), range_and_member())
def test_a_binary_result_is_in_its_interval(op: str, a: tuple[Range, int],
                                            b: tuple[Range, int]) -> None:
    (ra, x), (rb, y) = a, b
    lo, hi = ranges.BINARY[op](ra, rb)
    result = _python(op, x, y)
    if op in ranges.UNCHECKED:
        # Exact, so that a bound inside the 64-bit range proves no overflow.
        assert result is not None and lo <= result <= hi
    elif result is not None and MIN <= result <= MAX:
        assert lo <= result <= hi


UNARY_PYTHON: dict[str, Callable[[int], int]] = {
    "int.neg": lambda x: -x, "int.invert": lambda x: ~x, "int.abs": abs}


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(sorted(ranges.UNARY)), range_and_member())
def test_a_unary_result_is_in_its_interval(op: str, a: tuple[Range, int]) -> None:
    (ra, x) = a
    lo, hi = ranges.UNARY[op](ra)
    assert lo <= UNARY_PYTHON[op](x) <= hi


def test_a_non_negative_mask_bounds_even_a_negative_operand() -> None:
    assert ranges.bit_and((MIN, MAX), (0, 255)) == (0, 255)
    assert ranges.mod((MIN, MAX), (7, 7)) == (0, 6)
    assert ranges.mod((MIN, MAX), (-7, -7)) == (-6, 0)
    assert ranges.shr((MIN, MAX), (40, 40)) == (-(2**23), 2**23 - 1)


def test_a_masked_hash_multiplies_without_a_check(tmp_path: Path) -> None:
    wat = wat_of(
        "PRIME = 16777619\n"
        "def fnv(data: bytes) -> int:\n"
        "    value = 2166136261\n"
        "    for byte in data:\n"
        "        value = ((value ^ byte) * PRIME) & 0xFFFFFFFF\n"
        "    return value\n"
        "print(fnv(b'abc'))\n", tmp_path)
    body = function_body(wat, "$f:__main__.fnv")
    assert "call $int_mul" not in body
    assert "i64.mul" in body


def test_bounded_operands_add_without_a_check(tmp_path: Path) -> None:
    wat = wat_of(
        "def f(a: int, s: str, b: bytes) -> int:\n"
        "    low = a % 1000\n"  # [0, 999] whatever a's sign
        "    high = a >> 40\n"  # [-2**23, 2**23)
        "    total = 0\n"
        "    for i in range(8):\n"
        "        total = (i + 5) * low + high * 1000 - len(s) * ord(s[0]) + b[0] + (a & 0xFF)\n"
        "    return total\n"
        "print(f(-12345678901234, 'x', b'y'))\n", tmp_path)
    body = function_body(wat, "$f:__main__.f")
    assert not re.search(r"call \$int_(add|sub|mul)\b", body)


def test_unbounded_operands_keep_the_check(tmp_path: Path) -> None:
    wat = wat_of(
        "def by_param(a: int) -> int:\n"
        "    return a * 3\n"
        "def accumulate(n: int) -> int:\n"
        "    x = 1\n"
        "    for _ in range(n):\n"
        "        x = x * 3\n"
        "    return x\n"
        "def wide_mask(a: int) -> int:\n"
        "    return (a & 0xFFFFFFFFFFFF) * 0x10000000\n"
        "def counter_assigned_in_the_loop(n: int) -> int:\n"
        "    i = 0\n"
        "    while i < 10:\n"
        "        i = i + n\n"
        "    return i * 1000\n"
        "print(by_param(1), accumulate(2), wide_mask(3), counter_assigned_in_the_loop(4))\n",
        tmp_path)
    assert "call $int_mul" in function_body(wat, "$f:__main__.by_param")
    assert "call $int_mul" in function_body(wat, "$f:__main__.accumulate")
    assert "call $int_mul" in function_body(wat, "$f:__main__.wide_mask")
    assert "call $int_add" in function_body(wat, "$f:__main__.counter_assigned_in_the_loop")
    assert "call $int_mul" in function_body(wat, "$f:__main__.counter_assigned_in_the_loop")


def test_loop_counters_are_bounded_by_their_stop(tmp_path: Path) -> None:
    wat = wat_of(
        "def down() -> int:\n"
        "    total = 0\n"
        "    for i in range(10, 0, -1):\n"
        "        total = i * 1000\n"
        "    return total\n"
        "def pairs(s: str) -> int:\n"
        "    best = 0\n"
        "    for i in range(len(s)):\n"
        "        for j in range(i + 1, len(s)):\n"
        "            best = (j - i) * 7\n"
        "    return best\n"
        "def by_param(n: int) -> int:\n"
        "    total = 0\n"
        "    for i in range(n):\n"
        "        total = i * 2\n"
        "    return total\n"
        "print(down(), pairs('abc'), by_param(3))\n", tmp_path)
    assert not re.search(r"call \$int_(add|sub|mul)\b", function_body(wat, "$f:__main__.down"))
    assert not re.search(r"call \$int_(add|sub|mul)\b", function_body(wat, "$f:__main__.pairs"))
    assert "call $int_mul" in function_body(wat, "$f:__main__.by_param")  # below n, which may be anything
