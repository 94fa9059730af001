"""runtime/alloc.wat and copy.wat: chunks, regions, the free list, deep copy,
the store barrier."""

from __future__ import annotations

import struct

import pytest
import wasmtime
from hypothesis import given, settings
from hypothesis import strategies as st
from test_runtime_harness import Runtime

PAGE = 65536
OUT_OF_MEMORY = 5
VM, STREAM = 1, 2


def kind(rt: Runtime, region: int) -> int:
    return rt.u32(region + 12)


def test_init_creates_the_vm_region_once() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    assert vm != 0 and kind(rt, vm) == VM
    assert rt.global_value("rt_region") == vm
    rt.call("rt_init")
    assert rt.global_value("rt_vm_region") == vm
    # the region descriptor sits right after the header of its first chunk
    assert vm % PAGE == 16 and rt.u32(vm - 16) == vm


def test_static_objects_belong_to_the_static_region() -> None:
    rt = Runtime()
    static = rt.call("rt_region_of", rt.desc.str)
    assert static == 16 and kind(rt, static) == 0


@given(st.lists(st.integers(0, 40000), min_size=1, max_size=30))
def test_allocations_are_aligned_zeroed_and_in_their_region(sizes: list[int]) -> None:
    rt = Runtime()
    region = rt.call("rt_region_new", STREAM)
    blocks = []
    for size in sizes:
        p = rt.call("rt_alloc_in", region, size)
        assert p % 8 == 0 and rt.call("rt_region_of", p) == region
        assert rt.read(p, size) == bytes(size)
        rt.write(p, b"\xab" * size)
        blocks.append((p, size))
    # no two blocks overlap
    spans = sorted(blocks)
    for (p, n), (q, _) in zip(spans, spans[1:], strict=False):
        assert p + max(n, 8) <= q
    # freed memory comes back zeroed
    rt.call("rt_region_free", region)
    again = rt.call("rt_region_new", STREAM)
    for size in sizes:
        p = rt.call("rt_alloc_in", again, size)
        assert rt.read(p, size) == bytes(size)


@given(st.lists(st.integers(0, 40000), min_size=1, max_size=30))
def test_bare_allocations_are_aligned_distinct_and_in_region(sizes: list[int]) -> None:
    rt = Runtime()
    region = rt.call("rt_region_new", STREAM)
    rt.call("rt_region_enter", region)
    blocks = []
    for size in sizes:
        p = rt.call("rt_alloc_bare", size)
        assert p % 8 == 0 and rt.call("rt_region_of", p) == region
        rt.write(p, b"\xab" * size)
        blocks.append((p, size))
    spans = sorted(blocks)
    for (p, n), (q, _) in zip(spans, spans[1:], strict=False):
        assert p + max(n, 8) <= q


def test_bare_allocation_before_init_initialises() -> None:
    rt = Runtime(init=False)
    # the current region is the static one, where nothing fits (bump and
    # limit 0): the fast path falls back to $rt_alloc, which initialises
    assert rt.global_value("rt_region") == 16 and rt.read(16, 8) == bytes(8)
    p = rt.call("rt_alloc_bare", 24)
    vm = rt.global_value("rt_vm_region")
    assert vm != 0 and rt.call("rt_region_of", p) == vm
    assert rt.u32(0) == 16  # the static chunk header is intact


def test_give_back_returns_the_end_of_the_last_allocation_only() -> None:
    rt = Runtime()
    p = rt.call("rt_alloc_bare", 400)
    rt.call("rt_alloc_give_back", p + 13, p + 400)
    q = rt.call("rt_alloc_bare", 8)
    assert q == p + 16  # the rest after 13 bytes, rounded up to 8, was reused
    # not the last allocation any more: nothing is given back
    rt.call("rt_alloc_give_back", p + 13, p + 400)
    assert rt.call("rt_alloc_bare", 8) == q + 8


def test_large_objects_get_a_chunk_of_their_own() -> None:
    rt = Runtime()
    p = rt.call("rt_alloc", 100_000)
    assert p % PAGE == 16
    assert rt.u32(p - 16) == rt.global_value("rt_vm_region")
    assert rt.u32(p - 16 + 8) == 2  # 100_000 + 16 bytes need two pages
    small = rt.call("rt_alloc", 16384)
    assert small % PAGE != 16 or rt.u32(small - 16 + 8) == 1


def test_region_enter_returns_the_previous_region() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    stream = rt.call("rt_region_new", STREAM)
    assert rt.call("rt_region_enter", stream) == vm
    p = rt.call("rt_alloc", 24)
    assert rt.call("rt_region_of", p) == stream
    assert rt.call("rt_region_enter", vm) == stream


def one_request(rt: Runtime) -> None:
    """What a stream does: a region, objects of all sizes, then free."""
    region = rt.call("rt_region_new", STREAM)
    previous = rt.call("rt_region_enter", region)
    for size in (24, 1000, 20000, 70000, 300, 5000, 16385, 40):
        for _ in range(6):
            assert rt.call("rt_alloc", size) != 0
    rt.call("rt_region_enter", previous)
    rt.call("rt_region_free", region)


def test_memory_stays_flat_over_alloc_free_cycles() -> None:
    rt = Runtime()
    for _ in range(5):
        one_request(rt)
    pages = rt.pages()
    for _ in range(300):
        one_request(rt)
    assert rt.pages() == pages


def test_free_chunks_are_reused_first_fit_and_split() -> None:
    rt = Runtime()
    region = rt.call("rt_region_new", STREAM)
    big = rt.call("rt_alloc_in", region, 3 * PAGE)  # a 4-page chunk
    chunk = big - 16
    assert rt.u32(chunk + 8) == 4
    rt.call("rt_region_free", region)
    pages = rt.pages()
    # the free list holds the region's 1-page chunk, then the 4-page one:
    # an exact fit is taken first, then the 4 pages are split front to back
    first = rt.call("rt_region_new", STREAM)
    second = rt.call("rt_region_new", STREAM)
    third = rt.call("rt_region_new", STREAM)
    assert first - 16 != chunk
    assert (second - 16, third - 16) == (chunk, chunk + PAGE)
    assert rt.u32(second - 16 + 8) == 1
    assert rt.pages() == pages


def test_out_of_memory_raises_memory_error() -> None:
    rt = Runtime()
    rt.store.set_limits(memory_size=rt.pages() * PAGE + 4 * PAGE)
    results = [rt.call("rt_alloc", 50_000) for _ in range(8)]
    assert 0 in results
    assert rt.raised == (OUT_OF_MEMORY, 0)
    rt.clear()
    assert rt.call("str_alloc", 3_000_000, 0) == 0 and rt.raised == (OUT_OF_MEMORY, 0)


@pytest.mark.parametrize("size", [0x7FFE0001, 0xFFFFFFF8, 0xFFFFFFF9, 0xFFFFFFFF])
def test_a_size_near_4_gib_raises_memory_error_instead_of_wrapping(size: int) -> None:
    """Rounded up to 8 first, such a size used to wrap to 0 and get a block
    of no bytes, which the caller would then write past."""
    rt = Runtime()
    top = rt.global_value("rt_heap_top")
    for alloc in ("rt_alloc", "rt_alloc_bare"):
        assert rt.call(alloc, size - (1 << 32)) == 0
        assert rt.raised == (OUT_OF_MEMORY, 0)
        rt.clear()
    assert rt.global_value("rt_heap_top") == top


def test_the_reserve_page_serves_the_handler_and_comes_back() -> None:
    rt = Runtime()
    reserve = rt.global_value("rt_reserve")
    assert reserve % PAGE == 0 and rt.u32(reserve + 8) == 1
    stream = in_stream(rt)
    rt.store.set_limits(memory_size=rt.pages() * PAGE)
    while rt.call("rt_alloc", 40_000) != 0:
        pass
    assert rt.raised == (OUT_OF_MEMORY, 0)
    rt.clear()
    # memory cannot grow, yet small objects (a log line, a reply) fit: in the reserve
    assert rt.global_value("rt_reserve") == 0
    served = []
    while (p := rt.call("rt_alloc", 16_000)) != 0:
        served.append(p - p % PAGE)
    assert reserve in served
    # freeing the stream sets a page aside again
    rt.call("rt_region_enter", rt.global_value("rt_vm_region"))
    rt.call("rt_region_free", stream)
    rt.clear()
    assert rt.global_value("rt_reserve") != 0
    assert rt.call("rt_alloc", 40_000) != 0 and rt.raised is None


def test_the_heap_never_reaches_the_end_of_the_address_space() -> None:
    """A chunk ending at 2**32 would wrap the heap top to 0."""
    rt = Runtime()
    heap_top = rt._exports["rt_heap_top"]
    assert isinstance(heap_top, wasmtime.Global)
    heap_top.set_value(rt.store, wasmtime.Val.i32(-PAGE))  # 0xFFFF0000: the last page
    pages = rt.pages()
    assert rt.call("rt_alloc", 100_000) == 0 and rt.raised == (OUT_OF_MEMORY, 0)
    assert rt.pages() == pages and rt.global_value("rt_heap_top") == -PAGE


# -- deep copy and the store barrier --------------------------------------------------------


def node(rt: Runtime, value: int, payload: int = 0, nxt: int = 0) -> int:
    p: int = rt.call("rt_alloc", 16)
    rt.write(p, struct.pack("<IIII", rt.desc.node, nxt, payload, value))
    return p


def fields(rt: Runtime, p: int) -> tuple[int, int, int]:
    assert rt.u32(p) == rt.desc.node
    return rt.u32(p + 4), rt.u32(p + 8), rt.u32(p + 12)


def in_stream(rt: Runtime) -> int:
    region: int = rt.call("rt_region_new", STREAM)
    rt.call("rt_region_enter", region)
    return region


def scribble_over(rt: Runtime, region: int) -> None:
    """Free `region` and overwrite the memory it had, so stale pointers show."""
    vm = rt.global_value("rt_vm_region")
    rt.call("rt_region_enter", vm)
    rt.call("rt_region_free", region)
    junk = rt.call("rt_region_new", STREAM)
    for _ in range(40):
        p = rt.call("rt_alloc_in", junk, 4000)
        rt.write(p, b"\xee" * 4000)


def test_copy_keeps_sharing_and_cycles() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    stream = in_stream(rt)
    shared = rt.new_str("shared text")
    c = node(rt, 3, shared)
    b = node(rt, 2, rt.new_str("b"), c)
    a = node(rt, 1, shared, b)
    rt.write(c + 4, struct.pack("<I", a))  # c.next = a: a cycle
    copy = rt.call("rt_copy", a, vm)
    assert rt.raised is None
    scribble_over(rt, stream)
    a2 = copy
    b2, pa, va = fields(rt, a2)
    c2, pb, vb = fields(rt, b2)
    back, pc, vc = fields(rt, c2)
    assert (va, vb, vc) == (1, 2, 3)
    assert back == a2  # the cycle closes on the copy
    assert pa == pc and rt.read_str(pa) == "shared text"  # shared, copied once
    assert rt.read_str(pb) == "b"
    for p in (a2, b2, c2, pa, pb):
        assert rt.call("rt_region_of", p) == vm


def test_copy_leaves_long_lived_and_static_objects_alone() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    lasting = rt.new_str("in the vm region")
    in_stream(rt)
    n = node(rt, 5, lasting)
    copy = rt.call("rt_copy", n, vm)
    assert fields(rt, copy)[1] == lasting
    assert rt.call("rt_copy", lasting, vm) == lasting
    assert rt.call("rt_copy", rt.desc.str, vm) == rt.desc.str
    assert rt.call("rt_copy", 0, vm) == 0


def test_copy_of_a_long_chain_uses_no_recursion() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    stream = in_stream(rt)
    head = 0
    for i in range(20000):
        head = node(rt, i, 0, head)
    copy = rt.call("rt_copy", head, vm)
    assert rt.raised is None
    scribble_over(rt, stream)
    count, p = 0, copy
    while p:
        nxt, _, value = fields(rt, p)
        assert value == 19999 - count
        count, p = count + 1, nxt
    assert count == 20000


def test_copy_lists_and_dicts() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    stream = in_stream(rt)
    words = rt.str_list(["alpha", "béta", "alpha"])
    d = rt.call("dict_new", rt.desc.dict_str_ptr)
    rt.call("dict_set", d, rt.new_str("words"), words)
    rt.call("dict_set", d, rt.new_str("gone"), words)
    rt.call("dict_del", d, rt.new_str("gone"))
    rt.call("dict_set", d, rt.new_str("self"), d)
    objs = rt.call("dict_new", rt.desc.dict_obj)
    key = node(rt, 42)
    rt.call("dict_set", objs, key, words)
    rt.call("dict_set", d, rt.new_str("objs"), objs)
    copy = rt.call("rt_copy", d, vm)
    assert rt.raised is None
    scribble_over(rt, stream)
    i = rt.call("dict_find", copy, rt.new_str("words"))
    words2 = rt.call("dict_value_at", copy, i)
    assert rt.read_str_list(words2) == ["alpha", "béta", "alpha"]
    assert rt.call("dict_find", copy, rt.new_str("gone")) == -1
    assert rt.call("dict_value_at", copy, rt.call("dict_find", copy, rt.new_str("self"))) == copy
    objs2 = rt.call("dict_value_at", copy, rt.call("dict_find", copy, rt.new_str("objs")))
    # identity keys were re-hashed: the copied key object finds its entry
    key2 = rt.call("dict_key_at", objs2, rt.call("dict_next", objs2, 0))
    assert fields(rt, key2)[2] == 42
    assert rt.call("dict_value_at", objs2, rt.call("dict_find", objs2, key2)) == words2
    assert rt.call("rt_region_of", rt.u32(copy + 16)) == vm


def test_keep_copies_only_from_short_to_long_lived() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    holder = node(rt, 0)  # in the VM region
    stream = in_stream(rt)
    local = node(rt, 1)
    value = rt.new_str("per request")
    kept = rt.call("rt_keep", holder, value)
    assert kept != value and rt.call("rt_region_of", kept) == vm
    assert rt.read_str(kept) == "per request"
    assert rt.call("rt_keep", local, value) == value  # stream -> stream: no copy
    assert rt.call("rt_keep", local, holder) == holder  # pointing to longer-lived: no copy
    assert rt.call("rt_keep", holder, 0) == 0
    assert rt.call("rt_keep", local, 0) == 0
    assert rt.call("rt_keep_global", 0) == 0
    g = rt.call("rt_keep_global", value)
    assert g != value and rt.call("rt_region_of", g) == vm
    assert rt.call("rt_keep_global", holder) == holder
    scribble_over(rt, stream)
    assert rt.read_str(kept) == "per request" and rt.read_str(g) == "per request"


@settings(max_examples=30)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_copy_of_random_graphs_is_isomorphic(edges: list[tuple[int, int]]) -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    stream = in_stream(rt)
    nodes = [node(rt, i) for i in range(10)]
    for src, dst in edges:  # next and payload both point at nodes
        rt.write(nodes[src] + 4 + 4 * (dst % 2), struct.pack("<I", nodes[dst]))
    shape = {i: fields(rt, nodes[i])[:2] for i in range(10)}
    index = {p: i for i, p in enumerate(nodes)}
    copy = rt.call("rt_copy", nodes[0], vm)
    scribble_over(rt, stream)
    assert_same_graph(rt, [(copy, 0)], shape, index, vm)


def assert_same_graph(rt: Runtime, starts: list[tuple[int, int]],
                      shape: dict[int, tuple[int, int]], index: dict[int, int],
                      region: int) -> None:
    """Walk new nodes (starting at (address, original number) pairs) and the
    original shape together: the same edges, one new node per original, all
    new nodes in `region`."""
    seen: dict[int, int] = {}
    todo = list(starts)
    while todo:
        p, i = todo.pop()
        if p in seen:
            assert seen[p] == i
            continue
        seen[p] = i
        assert rt.call("rt_region_of", p) == region and p not in index
        assert fields(rt, p)[2] == i
        for new, old in zip(fields(rt, p)[:2], shape[i], strict=True):
            assert (new == 0) == (old == 0)
            if old:
                todo.append((new, index[old]))
    assert len(set(seen.values())) == len(seen)


def test_memory_stays_flat_with_copies() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")

    def cycle() -> None:
        stream = in_stream(rt)
        n = node(rt, 1, rt.new_str("x" * 100), node(rt, 2))
        rt.call("rt_copy", n, stream)  # copies into the same region are identity
        lst = rt.str_list(["a", "b"])
        rt.call("rt_region_enter", vm)
        rt.call("rt_region_free", stream)
        assert lst

    for _ in range(5):
        cycle()
    pages = rt.pages()
    for _ in range(200):
        cycle()
    assert rt.pages() == pages


def test_allocating_before_init_initialises() -> None:
    rt = Runtime(init=False)
    assert rt.global_value("rt_vm_region") == 0
    p = rt.call("rt_alloc", 8)
    vm = rt.global_value("rt_vm_region")
    assert vm != 0 and rt.call("rt_region_of", p) == vm
    assert rt.u32(0) == 16  # the static chunk header is intact


# -- compaction (collect.wat) ---------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_compaction_moves_the_live_graph_and_fixes_pointers_into_it(
        edges: list[tuple[int, int]]) -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    nodes = [node(rt, i) for i in range(10)]
    for src, dst in edges:
        rt.write(nodes[src] + 4 + 4 * (dst % 2), struct.pack("<I", nodes[dst]))
        for _ in range(3):
            node(rt, 99)  # garbage between the live objects
    shape = {i: fields(rt, nodes[i])[:2] for i in range(10)}
    index = {p: i for i, p in enumerate(nodes)}
    for _ in range(80):
        rt.call("rt_alloc", 4000)  # garbage: 5 pages
    # A stream object points at a VM node: reached from the root, fixed in place.
    stream = in_stream(rt)
    holder = node(rt, 42, payload=nodes[3], nxt=nodes[0])
    rt.call("rt_region_enter", vm)
    rt.set_global("test_root", holder)
    before = rt.u32(vm + 16)
    rt.call("rt_compact", vm)
    assert rt.raised is None
    assert rt.global_value("test_root") == holder  # stream objects stay put
    assert rt.call("rt_region_of", holder) == stream
    pages = rt.u32(vm + 16)
    assert pages < before and rt.u32(vm + 20) == pages
    scribble_over(rt, rt.call("rt_region_new", STREAM))
    # Walk from the holder: the nodes reachable from 0 and 3, moved, same shape.
    nxt, payload, value = fields(rt, holder)
    assert value == 42
    assert_same_graph(rt, [(nxt, 0), (payload, 3)], shape, index, vm)


def test_compaction_keeps_memory_flat() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    rt.set_global("test_root", rt.new_str("the root"))

    def round_() -> None:
        for _ in range(200):
            rt.call("rt_alloc", 3000)
        rt.call("rt_compact", vm)

    for _ in range(5):
        round_()
    pages = rt.pages()
    for _ in range(50):
        round_()
    assert rt.pages() == pages
    assert rt.read_str(rt.global_value("test_root")) == "the root"


def test_compacting_a_stream_region_updates_the_registry_that_holds_it() -> None:
    rt = Runtime()
    vm = rt.global_value("rt_vm_region")
    registry = rt.call("dict_new", rt.desc.dict_registry)
    rt.set_global("test_root", registry)
    stream = in_stream(rt)
    context = node(rt, 7, payload=rt.str_list(["kept", "text"]))
    for _ in range(80):
        rt.call("rt_alloc", 4000)  # garbage in the stream region
    rt.call("rt_region_enter", vm)
    rt.call("dict_set", registry, 1, context)
    rt.call("rt_compact", stream)
    moved = rt.call("dict_value_at", registry, rt.call("dict_find", registry, 1))
    assert moved != context and rt.call("rt_region_of", moved) == stream
    junk = rt.call("rt_region_new", STREAM)
    for _ in range(40):
        rt.write(rt.call("rt_alloc_in", junk, 4000), b"\xee" * 4000)
    nxt, payload, value = fields(rt, moved)
    assert value == 7 and rt.read_str_list(payload) == ["kept", "text"]



def test_out_of_memory_in_what_writes_a_new_str_writes_nothing() -> None:
    """chr() and hex() wrote their text at the address str_alloc returned,
    unchecked: out of memory, into the static data at address 12."""
    rt = Runtime()
    rt.store.set_limits(memory_size=rt.pages() * PAGE)
    while rt.call("rt_alloc", 40_000) != 0:
        pass
    while rt.call("rt_alloc", 8) != 0:  # the reserve page and the last chunk, full
        pass
    low = rt.read(0, 64)
    for name, arg in (("str_chr", 0x41), ("str_chr", 0x1F600), ("int_hex", -255)):
        rt.clear()
        assert rt.call(name, arg) == 0 and rt.raised == (OUT_OF_MEMORY, 0), name
    assert rt.read(0, 64) == low
