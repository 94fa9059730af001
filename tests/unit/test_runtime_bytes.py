"""runtime/bytes.wat and bytes repr against CPython's bytes."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from test_runtime_harness import INT_MAX, INT_MIN, Runtime

BYTES_INDEX, SLICE_STEP = 15, 14

data = st.binary(max_size=20) | st.sampled_from([b"it's", b'say "hi"', b'it\'s "x"', b"\\\t\n\r"])
indices = st.one_of(st.none(), st.integers(-25, 25), st.sampled_from([INT_MIN, INT_MAX]))


@given(data, data)
def test_eq_cmp_concat(a: bytes, b: bytes) -> None:
    rt = Runtime()
    pa, pb = rt.new_bytes(a), rt.new_bytes(b)
    assert rt.call("bytes_eq", pa, pb) == (a == b)
    assert rt.call("bytes_cmp", pa, pb) == (a > b) - (a < b)
    assert rt.read_bytes(rt.call("bytes_concat", pa, pb)) == a + b


@given(data)
def test_from_copies(a: bytes) -> None:
    rt = Runtime()
    assert rt.read_bytes(rt.call("bytes_from", rt.raw(a), len(a))) == a


@given(data)
def test_getitem(a: bytes) -> None:
    rt = Runtime()
    b = rt.new_bytes(a)
    for i in range(-len(a) - 2, len(a) + 2):
        rt.clear()
        got = rt.call("bytes_getitem", b, i)
        if -len(a) <= i < len(a):
            assert rt.raised is None and got == a[i]
        else:
            assert rt.raised == (BYTES_INDEX, 0) and got == 0


@given(data, indices, indices, st.one_of(st.none(), st.integers(-4, 4).filter(bool)))
def test_slice(a: bytes, start: int | None, stop: int | None, step: int | None) -> None:
    rt = Runtime()
    s = 1 if step is None else step
    lo = start if start is not None else (INT_MIN if s > 0 else INT_MAX)
    hi = stop if stop is not None else (INT_MAX if s > 0 else INT_MIN)
    assert rt.read_bytes(rt.call("bytes_slice", rt.new_bytes(a), lo, hi, s)) == a[start:stop:step]


def test_slice_step_zero() -> None:
    rt = Runtime()
    assert rt.call("bytes_slice", rt.new_bytes(b"ab"), 0, 2, 0) == 0
    assert rt.raised == (SLICE_STEP, 0)


@given(data)
@example(bytes(range(256)))
def test_repr(a: bytes) -> None:
    rt = Runtime()
    assert rt.read_str(rt.call("bytes_repr", rt.new_bytes(a))) == repr(a)


@given(data, st.lists(data, max_size=6))
def test_join(sep: bytes, items: list[bytes]) -> None:
    rt = Runtime()
    lst = rt.call("list_new", rt.desc.list_ptr, 0)
    for item in items:
        rt.call("list_append4", lst, rt.new_bytes(item))
    assert rt.read_bytes(rt.call("bytes_join", rt.new_bytes(sep), lst)) == sep.join(items)


def test_join_that_would_exceed_memory_raises_memory_error() -> None:
    rt = Runtime()
    sep = rt.call("bytes_alloc", 1 << 20)
    lst = rt.call("list_new", rt.desc.list_ptr, 0)
    for _ in range(4097):  # 4096 separators of 1 MiB: 4 GiB
        rt.call("list_append4", lst, rt.new_bytes(b""))
    assert rt.call("bytes_join", sep, lst) == 0
    assert rt.raised == (5, 0)
