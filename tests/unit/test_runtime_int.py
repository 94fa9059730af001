"""runtime/int.wat against CPython's int arithmetic (restricted to 64 bits)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_runtime_harness import INT_MAX, INT_MIN, Runtime

OVERFLOW, ZERO_DIVISION = 1, 2
MODULO_BY_ZERO = 18  # CPython 3.11 says 'integer modulo by zero' for %

edge = st.sampled_from(
    [
        0,
        1,
        -1,
        2,
        -2,
        10,
        -10,
        INT_MAX,
        INT_MIN,
        INT_MAX - 1,
        INT_MIN + 1,
        2**31,
        -(2**31),
        2**32,
        3037000499,
        3037000500,
        -3037000500,
    ]
)
i64 = st.one_of(edge, st.integers(INT_MIN, INT_MAX), st.integers(-(2**33), 2**33))


def check(rt: Runtime, name: str, a: int, b: int, expected: Callable[[int, int], int]) -> None:
    """Call int.wat's `name`: it must give CPython's result, or raise the
    right code exactly when the result leaves the i64 range or b is zero."""
    rt.clear()
    got = rt.call(name, a, b)
    try:
        want = expected(a, b)
    except ZeroDivisionError:
        assert rt.raised == (ZERO_DIVISION, 0)
        return
    if INT_MIN <= want <= INT_MAX:
        assert rt.raised is None, (name, a, b)
        assert got == want, (name, a, b)
    else:
        assert rt.raised == (OVERFLOW, 0), (name, a, b)
        assert got == 0


@given(i64, i64)
def test_add_sub_mul(a: int, b: int) -> None:
    rt = Runtime()
    check(rt, "int_add", a, b, lambda x, y: x + y)
    check(rt, "int_sub", a, b, lambda x, y: x - y)
    check(rt, "int_mul", a, b, lambda x, y: x * y)


@given(i64, i64)
def test_floordiv_mod(a: int, b: int) -> None:
    rt = Runtime()
    check(rt, "int_floordiv", a, b, lambda x, y: x // y)
    rt.clear()
    got = rt.call("int_mod", a, b)
    if b == 0:
        assert rt.raised == (MODULO_BY_ZERO, 0)
    else:
        # a % b always fits, even for MIN % -1
        assert rt.raised is None and got == a % b


@given(st.integers(-20, 20) | i64, st.integers(0, 70))
def test_pow(base: int, exp: int) -> None:
    rt = Runtime()
    check(rt, "int_pow", base, exp, lambda x, y: x**y)


def test_pow_raises_once() -> None:
    rt = Runtime()
    rt.call("int_pow", 3, 200)
    assert rt.raised == (OVERFLOW, 0) and rt.raise_count == 1


@pytest.mark.parametrize("a,b", [(INT_MIN, -1), (INT_MIN, 1), (-7, 2), (7, -2), (-7, -2), (0, -5)])
def test_floordiv_cases(a: int, b: int) -> None:
    check(Runtime(), "int_floordiv", a, b, lambda x, y: x // y)


@given(i64)
def test_to_str(n: int) -> None:
    rt = Runtime()
    assert rt.read_str(rt.call("int_to_str", n)) == str(n)
