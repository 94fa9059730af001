"""runtime/dict.wat against Python dicts, with random operation sequences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_runtime_harness import INT_MAX, INT_MIN, Runtime

int_keys = st.one_of(st.integers(-8, 8), st.integers(INT_MIN, INT_MAX))
str_keys = st.text(alphabet=st.sampled_from(["a", "b", "é", "😀"]), max_size=3)
values = st.integers(INT_MIN, INT_MAX)


def ops(keys: st.SearchStrategy[object]) -> st.SearchStrategy[list[tuple[str, object, int]]]:
    return st.lists(
        st.tuples(st.sampled_from(["set", "set", "del", "find"]), keys, values), max_size=80
    )


def items_in_order(rt: Runtime, d: int) -> list[tuple[int, int]]:
    out = []
    i = rt.call("dict_next", d, 0)
    while i >= 0:
        out.append((rt.call("dict_key_at", d, i), rt.call("dict_value_at", d, i)))
        i = rt.call("dict_next", d, i + 1)
    return out


def run(
    rt: Runtime, desc: int, operations: list[tuple[str, object, int]], key_of: dict[object, int]
) -> None:
    """Apply the operations to a runtime dict and a Python dict; they must agree."""
    d = rt.call("dict_new", desc)
    model: dict[object, int] = {}
    for op, key, value in operations:
        # a fresh object for every use, so content keys are not compared by identity
        k = key_of[key] if not isinstance(key, int) else key
        match op:
            case "set":
                rt.call("dict_set", d, k, value)
                model[key] = value
            case "del":
                assert rt.call("dict_del", d, k) == (key in model)
                model.pop(key, None)
            case "find":
                i = rt.call("dict_find", d, k)
                if key in model:
                    assert i >= 0 and rt.call("dict_value_at", d, i) == model[key]
                else:
                    assert i == -1
        assert rt.u32(d + 4) == len(model)
    got = items_in_order(rt, d)
    assert [v for _, v in got] == list(model.values())
    if isinstance(key_of, FreshStr):
        read = rt.read_str if key_of.make == "str" else rt.read_bytes
        assert [read(k) for k, _ in got] == list(model)
    else:
        assert [k for k, _ in got] == list(model)


@given(ops(int_keys))
def test_int_keys(operations: list[tuple[str, object, int]]) -> None:
    rt = Runtime()
    run(rt, rt.desc.dict_int, operations, {})
    d = rt.call("dict_new", rt.desc.dict_int)
    model: dict[int, int] = {}
    for _, key, value in operations:
        assert isinstance(key, int)
        rt.call("dict_set", d, key, value)
        model[key] = value
    assert items_in_order(rt, d) == list(model.items())


class FreshStr(dict[object, int]):
    """Maps a key text to a NEW str object each time it is looked up."""

    def __init__(self, rt: Runtime, make: str) -> None:
        super().__init__()
        self.rt, self.make = rt, make

    def __missing__(self, key: object) -> int:
        if self.make == "str":
            assert isinstance(key, str)
            return self.rt.new_str(key)
        assert isinstance(key, bytes)
        return self.rt.new_bytes(key)


@given(ops(str_keys))
def test_str_keys_by_content(operations: list[tuple[str, object, int]]) -> None:
    rt = Runtime()
    run(rt, rt.desc.dict_str, operations, FreshStr(rt, "str"))


@given(ops(st.binary(max_size=3)))
def test_bytes_keys_by_content(operations: list[tuple[str, object, int]]) -> None:
    rt = Runtime()
    run(rt, rt.desc.dict_bytes, operations, FreshStr(rt, "bytes"))


def test_many_keys_grow_and_keep_order() -> None:
    rt = Runtime()
    d = rt.call("dict_new", rt.desc.dict_int)
    for k in range(1000):
        rt.call("dict_set", d, k * 7919, k)
    for k in range(0, 1000, 2):
        assert rt.call("dict_del", d, k * 7919) == 1
    for k in range(1000):
        i = rt.call("dict_find", d, k * 7919)
        assert (i >= 0) == (k % 2 == 1)
    assert [v for _, v in items_in_order(rt, d)] == list(range(1, 1000, 2))


def test_blocks_grow_in_the_dicts_region() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    d = rt.call("dict_new", rt.desc.dict_int)
    rt.call("rt_region_enter", rt.call("rt_region_new", 2))
    for k in range(50):
        rt.call("dict_set", d, k, k)
    assert rt.call("rt_region_of", rt.u32(d + 16)) == vm
    assert rt.call("rt_region_of", rt.u32(d + 20)) == vm


def test_identity_keys() -> None:
    rt = Runtime()
    d = rt.call("dict_new", rt.desc.dict_obj)
    a, b = rt.new_str("same"), rt.new_str("same")
    rt.call("dict_set", d, a, 1)
    assert rt.call("dict_find", d, b) == -1
    assert rt.call("dict_find", d, a) >= 0
