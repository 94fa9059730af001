"""runtime/list.wat against Python lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_runtime_harness import INT_MAX, INT_MIN, Runtime

LIST_INDEX, POP_EMPTY, POP_INDEX, SLICE_STEP = 3, 8, 16, 14
LIST_ASSIGN_INDEX = 17  # 'list assignment index out of range'

ints = st.lists(st.integers(INT_MIN, INT_MAX), max_size=20)
indices = st.one_of(st.none(), st.integers(-25, 25), st.sampled_from([INT_MIN, INT_MAX]))


def make(rt: Runtime, values: list[int], wide: bool) -> int:
    lst: int = rt.call("list_new", rt.desc.list_i64 if wide else rt.desc.list_i32, 0)
    for v in values:
        rt.call("list_append8" if wide else "list_append4", lst, v if wide else v & 0xFFFFFFFF)
    return lst


def narrow(values: list[int]) -> list[int]:
    return [v & 0xFFFFFFFF for v in values]


@given(ints)
def test_new_has_zeroed_elements(values: list[int]) -> None:
    rt = Runtime()
    lst = rt.call("list_new", rt.desc.list_i64, len(values))
    assert rt.list_items(lst) == [0] * len(values)


@given(ints, st.booleans())
def test_append_get_set(values: list[int], wide: bool) -> None:
    rt = Runtime()
    expected = values if wide else narrow(values)
    lst = make(rt, values, wide)
    assert rt.list_items(lst) == expected
    get, set_ = ("list_get8", "list_set8") if wide else ("list_get4", "list_set4")
    n = len(values)
    for i in range(-n - 2, n + 2):
        rt.clear()
        got = rt.call(get, lst, i) if wide else rt.call(get, lst, i) & 0xFFFFFFFF
        if -n <= i < n:
            assert rt.raised is None and got == expected[i]
            rt.call(set_, lst, i, 7)
            expected[i] = 7
        else:
            assert rt.raised == (LIST_INDEX, 0) and got == 0
            rt.clear()
            rt.call(set_, lst, i, 7)
            assert rt.raised == (LIST_ASSIGN_INDEX, 0)
    assert rt.list_items(lst) == expected


@given(ints, st.lists(st.integers(-25, 25), max_size=25), st.booleans())
def test_pop(values: list[int], pops: list[int], wide: bool) -> None:
    rt = Runtime()
    model = list(values) if wide else narrow(values)
    lst = make(rt, values, wide)
    for i in pops:
        rt.clear()
        got = rt.call("list_pop8", lst, i) if wide else rt.call("list_pop4", lst, i) & 0xFFFFFFFF
        if not model:
            assert rt.raised == (POP_EMPTY, 0)
        elif -len(model) <= i < len(model):
            assert rt.raised is None and got == model.pop(i)
        else:
            assert rt.raised == (POP_INDEX, 0)
        assert rt.list_items(lst) == model


@given(ints, indices, indices, st.one_of(st.none(), st.integers(-4, 4).filter(bool)), st.booleans())
def test_slice(
    values: list[int], start: int | None, stop: int | None, step: int | None, wide: bool
) -> None:
    rt = Runtime()
    model = values if wide else narrow(values)
    s = 1 if step is None else step
    lo = start if start is not None else (INT_MIN if s > 0 else INT_MAX)
    hi = stop if stop is not None else (INT_MAX if s > 0 else INT_MIN)
    got = rt.call("list_slice", make(rt, values, wide), lo, hi, s)
    assert rt.list_items(got) == model[start:stop:step]


def test_slice_step_zero() -> None:
    rt = Runtime()
    assert rt.call("list_slice", make(rt, [1], True), 0, 1, 0) == 0
    assert rt.raised == (SLICE_STEP, 0)


@given(ints, ints, st.booleans())
def test_concat(a: list[int], b: list[int], wide: bool) -> None:
    rt = Runtime()
    got = rt.call("list_concat", make(rt, a, wide), make(rt, b, wide))
    assert rt.list_items(got) == (a + b if wide else narrow(a + b))


def test_growth_allocates_in_the_lists_region() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    lst = rt.call("list_new", rt.desc.list_i32, 0)  # in the VM region
    stream = rt.call("rt_region_new", 2)
    rt.call("rt_region_enter", stream)
    for v in range(100):
        rt.call("list_append4", lst, v)
    assert rt.call("rt_region_of", rt.u32(lst + 12)) == vm
    assert rt.list_items(lst) == list(range(100))
