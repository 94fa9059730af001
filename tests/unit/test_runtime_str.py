"""runtime/str.wat, str_text.wat, utf8.wat, repr.wat against CPython's str."""

from __future__ import annotations

import struct

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_runtime_harness import INT_MAX, INT_MIN, Runtime

DECODE_ERROR, ENCODE_ERROR, STR_INDEX, EMPTY_SEPARATOR, SLICE_STEP = 6, 7, 4, 9, 14

special = st.sampled_from(
    [
        "a",
        "b",
        " ",
        "\t",
        "\n",
        ",",
        "'",
        '"',
        "\\",
        "é",
        "€",
        "😀",
        "\u2003",
        "\xa0",
        "\x85",
        "\x00",
        "\x7f",
        "\udc80",
        "\udcff",
        "\u3000",
    ]
)
chars = st.one_of(special, st.characters(codec="utf-8"))
texts = st.text(alphabet=chars, max_size=30)
small_texts = st.text(alphabet=st.sampled_from(["a", "b", "é", " ", "😀", "\udc80"]), max_size=12)
indices = st.one_of(st.none(), st.integers(-20, 20), st.sampled_from([INT_MIN, INT_MAX]))


def bound(i: int | None, step: int, is_start: bool) -> int:
    """The runtime's encoding of an omitted slice bound (see mem.wat)."""
    if i is not None:
        return i
    forward = step > 0
    return (INT_MIN if forward else INT_MAX) if is_start else (INT_MAX if forward else INT_MIN)


# -- decoding and encoding --------------------------------------------------------------

invalid_utf8 = st.sampled_from(
    [
        b"\x80",
        b"\xc0\x80",
        b"\xc2",
        b"\xe2\x82",
        b"\xe2\x82A",
        b"\xe0\x80\x80",
        b"\xed\xa0\x80",
        b"\xed\xb2\x80",
        b"\xf0\x90\x80",
        b"\xf0\x80\x80\x80",
        b"\xf4\x90\x80\x80",
        b"\xf5\x80",
        b"\xff",
        b"\xf0\x9f\x98",
        b"\xf0\x9f\x98A",
        b"\xf0\x9fA",
        b"\xe2A",
        b"\xc3(",
    ]
)
binaries = st.lists(
    st.one_of(st.binary(max_size=6), invalid_utf8, st.text(max_size=4).map(lambda t: t.encode())),
    max_size=8,
).map(b"".join)


@given(binaries)
@example(b"abc\xff\xfe\xc3\xa9")
def test_from_utf8_is_surrogateescape_decode(data: bytes) -> None:
    rt = Runtime()
    s = rt.call("str_from_utf8", rt.raw(data), len(data))
    assert rt.read_str(s) == data.decode("utf-8", "surrogateescape")
    assert rt.raised is None


@pytest.mark.parametrize("odd", [b"\xc3\xa9", b"\xff", b"\xe2\x82"])
def test_decoders_find_non_ascii_at_every_offset_of_an_ascii_run(odd: bytes) -> None:
    """The decoders skip ASCII 16, 8, 4, then 1 byte at a time: a byte >= 0x80
    at every position of runs up to 40 bytes, so each step meets one."""
    rt = Runtime()
    for n in range(41):
        for pos in range(n + 1):
            data = b"a" * pos + (odd if pos < n else b"") + b"b" * (n - pos)
            rt.clear()
            s = rt.call("str_from_utf8", rt.raw(data), len(data))
            assert rt.read_str(s) == data.decode("utf-8", "surrogateescape"), data
            d = rt.call("bytes_decode", rt.new_bytes(data))
            if odd == b"\xc3\xa9" or pos == n:
                assert rt.raised is None and rt.read_str(d) == data.decode(), data
            else:
                assert d == 0 and rt.raised is not None and (rt.raised[1] >> 8) & 0xFFFFFFFF == pos


def encode_header_map(pairs: list[tuple[bytes, bytes]]) -> bytes:
    """The serialized header map (abi.md 5.1) of `pairs`."""
    sizes = b"".join(struct.pack("<II", len(k), len(v)) for k, v in pairs)
    return struct.pack("<I", len(pairs)) + sizes + b"".join(k + b"\0" + v + b"\0" for k, v in pairs)


@pytest.mark.parametrize(
    "pairs",
    [
        [],
        [(b"", b"")],
        [(b":path", b"/bench"), (b"accept", b"*/*"), (b"x", b"y" * 100)],
        [(b"k" * 7, b""), (b"k" * 8, b"v" * 9), (b"k" * 9, b"v" * 17)],
        [(b"caf\xc3\xa9", b"ok"), (b"raw", b"\xff\xfe")],  # not ASCII: decoded per string
        [(b"a" * 0x7FFF, b"short"), (b"b" * 0x8000, b"v"), (b"c", b"w" * 70000)],
    ],
)
def test_map_decode(pairs: list[tuple[bytes, bytes]]) -> None:
    rt = Runtime()
    data = encode_header_map(pairs)
    tuple_desc = rt.desc.node  # 16 bytes, pointers at +4 and +8, as a (str, str) tuple
    lst = rt.call("map_decode", rt.raw(data), len(data), tuple_desc)
    assert rt.raised is None
    got = []
    for pair in rt.list_items(lst):
        assert rt.u32(pair) == tuple_desc
        key, value = rt.u32(pair + 4), rt.u32(pair + 8)
        # every object starts in the first page of its chunk: region_of works
        region = rt.call("rt_region_of", pair)
        assert rt.call("rt_region_of", key) == region == rt.call("rt_region_of", value)
        got.append((rt.read_str(key), rt.read_str(value)))
    assert got == [
        (k.decode("utf-8", "surrogateescape"), v.decode("utf-8", "surrogateescape")) for k, v in pairs
    ]
    # what the decoder gave back to the region is reused without touching the pairs
    rt.new_str("z" * 100)
    assert [(rt.read_str(rt.u32(p + 4)), rt.read_str(rt.u32(p + 8))) for p in rt.list_items(lst)] == got


def pair_list(rt: Runtime, pairs: list[tuple[int, int]]) -> int:
    """A list of (str, str) tuples (node structs: pointers at +4 and +8)."""
    lst: int = rt.call("list_new", rt.desc.list_ptr, 0)
    for key, value in pairs:
        rt.call("list_append4", lst, rt.raw(struct.pack("<IIII", rt.desc.node, key, value, 0)))
    return lst


@pytest.mark.parametrize(
    "pairs",
    [
        [],
        [("", "")],
        [(":path", "/bench"), ("accept", "*/*"), ("x", "y" * 100)],
        [("café", "ok"), ("raw", "\udcff\udcfe"), ("é", "\udc80")],  # escapes: one byte each
    ],
)
def test_map_encode(pairs: list[tuple[str, str]]) -> None:
    rt = Runtime()
    lst = pair_list(rt, [(rt.new_str(k), rt.new_str(v)) for k, v in pairs])
    b = rt.call("map_encode", lst)
    assert rt.raised is None
    want = [(k.encode("utf-8", "surrogateescape"), v.encode("utf-8", "surrogateescape")) for k, v in pairs]
    assert rt.read_bytes(b) == encode_header_map(want)


def test_map_encode_too_long_raises_memory_error() -> None:
    """Six pairs of 0x30000000-byte strings: more than 4 GiB, which in 32
    bits wraps to a size that fits."""
    rt = Runtime()
    big = rt.new_str("x")
    rt.write(big + 4, struct.pack("<II", 0x30000000, 0x30000000))  # claimed lengths, never read
    assert rt.call("map_encode", pair_list(rt, [(big, big)] * 6)) == 0
    assert rt.raised is not None and rt.raised[0] == 5


def test_map_decode_drops_pairs_past_the_block() -> None:
    """A map whose lengths run past its block keeps the pairs before that."""
    rt = Runtime()
    for pairs in ([(b"a", b"1"), (b"bb", b"22")], [(b"caf\xc3\xa9", b"1"), (b"bb", b"22")]):
        data = encode_header_map(pairs)
        for cut in range(1, 6):
            lst = rt.call("map_decode", rt.raw(data[:-cut]), len(data) - cut, rt.desc.node)
            items = rt.list_items(lst)
            assert len(items) == 1
            assert rt.read_str(rt.u32(items[0] + 4)) == pairs[0][0].decode()


@given(binaries)
def test_bytes_decode_matches_cpython_errors(data: bytes) -> None:
    rt = Runtime()
    s = rt.call("bytes_decode", rt.new_bytes(data))
    try:
        want = data.decode("utf-8")
    except UnicodeDecodeError as e:
        assert s == 0
        assert rt.raised is not None
        code, arg = rt.raised
        assert code == DECODE_ERROR
        byte, pos, reason, length = (
            arg & 0xFF,
            (arg >> 8) & 0xFFFFFFFF,
            (arg >> 40) & 0xFF,
            arg >> 48,
        )
        assert byte == data[e.start] and pos == e.start and length == e.end - e.start
        reasons = {
            1: "invalid start byte",
            2: "invalid continuation byte",
            3: "unexpected end of data",
        }
        assert reasons[reason] == e.reason
        return
    assert rt.raised is None and rt.read_str(s) == want


def check_encode(rt: Runtime, text: str, func: str, errors: str) -> None:
    rt.clear()
    b = rt.call(func, rt.new_str(text))
    try:
        want = text.encode("utf-8", errors)
    except UnicodeEncodeError as e:
        assert b == 0 and rt.raised is not None
        code, arg = rt.raised
        assert code == ENCODE_ERROR
        start, cp, run = arg & 0xFFFFFFFF, ((arg >> 32) & 0x7FF) + 0xD800, (arg >> 43) + 1
        assert (start, start + run, chr(cp)) == (e.start, e.end, text[e.start]), text
        return
    assert rt.raised is None and rt.read_bytes(b) == want


surrogate_texts = st.text(
    alphabet=st.sampled_from(["a", "é", "\udc80", "\udcff", "\ud800", "\udc7f", "\udfff", "😀"]),
    max_size=10,
)


@given(st.one_of(texts, surrogate_texts))
def test_to_host_is_surrogateescape_encode(text: str) -> None:
    check_encode(Runtime(), text, "str_to_host", "surrogateescape")


@given(st.one_of(texts, surrogate_texts))
def test_encode_is_strict(text: str) -> None:
    check_encode(Runtime(), text, "str_encode", "strict")


@given(binaries)
def test_host_bytes_round_trip(data: bytes) -> None:
    rt = Runtime()
    s = rt.call("str_from_utf8", rt.raw(data), len(data))
    assert rt.read_bytes(rt.call("str_to_host", s)) == data


# -- comparison, concatenation, hashing -------------------------------------------------


@given(texts, texts)
def test_eq_cmp_concat(a: str, b: str) -> None:
    rt = Runtime()
    pa, pb = rt.new_str(a), rt.new_str(b)
    assert rt.call("str_eq", pa, pb) == (a == b)
    assert rt.call("str_eq", pa, rt.new_str(a)) == 1
    assert rt.call("str_cmp", pa, pb) == (a > b) - (a < b)
    assert rt.read_str(rt.call("str_concat", pa, pb)) == a + b


@given(st.lists(small_texts, min_size=3, max_size=4))
def test_concat3_concat4(parts: list[str]) -> None:
    rt = Runtime()
    pointers = [rt.new_str(p) for p in parts]
    if len(parts) == 3:
        s = rt.call("str_concat3", *pointers)
    else:
        s = rt.call("str_concat4", *pointers)
    assert rt.read_str(s) == "".join(parts)  # checks cp_len too


def test_concat4_too_long_raises_memory_error() -> None:
    rt = Runtime()
    big = rt.new_str("x")
    rt.write(big + 4, (0x30000000).to_bytes(4, "little"))  # a claimed length, never read
    assert rt.call("str_concat4", big, big, big, 0) == 0
    assert rt.raised is not None and rt.raised[0] == 5


def test_join_too_long_raises_memory_error() -> None:
    """Six items of 0x30000000 bytes: the 32-bit sum would wrap to a size
    that fits, and the copies would then write past the result."""
    rt = Runtime()
    big = rt.new_str("x")
    rt.write(big + 4, (0x30000000).to_bytes(4, "little"))  # a claimed length, never read
    items: int = rt.call("list_new", rt.desc.list_ptr, 0)
    for _ in range(6):
        rt.call("list_append4", items, big)
    assert rt.call("str_join", rt.new_str(""), items) == 0
    assert rt.raised is not None and rt.raised[0] == 5


def test_replace_too_long_raises_memory_error() -> None:
    """1001 insertions (the empty str matches around every character) of
    5 MiB: more than 4 GiB, which in 32 bits wraps to a size that fits."""
    rt = Runtime()
    big = rt.new_str("x")
    rt.write(big + 4, (0x500000).to_bytes(4, "little"))  # a claimed length, never read
    assert rt.call("str_replace", rt.new_str("a" * 1000), rt.new_str(""), big, -1) == 0
    assert rt.raised is not None and rt.raised[0] == 5


@given(texts)
def test_hash_depends_on_content_only(a: str) -> None:
    rt = Runtime()
    h = rt.call("str_hash", rt.new_str(a))
    assert rt.call("str_hash", rt.new_str(a)) == h
    assert rt.call("bytes_hash", rt.new_bytes(a.encode("utf-8", "surrogatepass"))) == h


def test_hash_differs_for_different_text() -> None:
    rt = Runtime()
    hashes = {rt.call("str_hash", rt.new_str(t)) for t in ["", "a", "b", "ab", "ba", "é"]}
    assert len(hashes) == 6


# -- indexing and slicing ---------------------------------------------------------------


@given(texts)
def test_getitem(text: str) -> None:
    rt = Runtime()
    s = rt.new_str(text)
    for i in range(-len(text) - 2, len(text) + 2):
        rt.clear()
        got = rt.call("str_getitem", s, i)
        if -len(text) <= i < len(text):
            assert rt.raised is None and rt.read_str(got) == text[i]
        else:
            assert rt.raised == (STR_INDEX, 0) and got == 0


@given(
    texts,
    indices,
    indices,
    st.one_of(st.none(), st.integers(-5, 5).filter(bool), st.sampled_from([INT_MIN, INT_MAX])),
)
def test_slice(text: str, start: int | None, stop: int | None, step: int | None) -> None:
    rt = Runtime()
    st_ = 1 if step is None else step
    got = rt.call(
        "str_slice", rt.new_str(text), bound(start, st_, True), bound(stop, st_, False), st_
    )
    assert rt.read_str(got) == text[start:stop:step]


def test_slice_step_zero() -> None:
    rt = Runtime()
    assert rt.call("str_slice", rt.new_str("abc"), 0, 3, 0) == 0
    assert rt.raised == (SLICE_STEP, 0)


# -- searching ----------------------------------------------------------------------------


@given(small_texts, small_texts, st.integers(-15, 15))
def test_find_contains_affixes(text: str, sub: str, start: int) -> None:
    rt = Runtime()
    s, p = rt.new_str(text), rt.new_str(sub)
    assert rt.call("str_find", s, p, start) == text.find(sub, start)
    assert rt.call("str_find", s, p, 0) == text.find(sub)
    assert rt.call("str_contains", s, p) == (sub in text)
    assert rt.call("str_startswith", s, p) == text.startswith(sub)
    assert rt.call("str_endswith", s, p) == text.endswith(sub)


# -- transforming -------------------------------------------------------------------------


@given(texts)
def test_lower_upper(text: str) -> None:
    # ASCII takes a fast path; the rest is tested in test_runtime_unicode.py.
    rt = Runtime()
    s = rt.new_str(text)
    assert rt.read_str(rt.call("str_lower", s)) == text.lower()
    assert rt.read_str(rt.call("str_upper", s)) == text.upper()


strip_texts = st.text(
    alphabet=st.sampled_from(
        [
            " ",
            "\t",
            "\n",
            "\x0b",
            "\x1c",
            "\x85",
            "\xa0",
            "\u2003",
            "\u3000",
            "a",
            "b",
            "é",
            "😀",
            "x",
        ]
    ),
    max_size=15,
)


@given(
    strip_texts,
    st.one_of(st.none(), st.text(alphabet=st.sampled_from(["a", "é", " ", "😀"]), max_size=3)),
)
def test_strip_family(text: str, chars: str | None) -> None:
    rt = Runtime()
    s = rt.new_str(text)
    c = 0 if chars is None else rt.new_str(chars)
    assert rt.read_str(rt.call("str_strip", s, c)) == text.strip(chars)
    assert rt.read_str(rt.call("str_lstrip", s, c)) == text.lstrip(chars)
    assert rt.read_str(rt.call("str_rstrip", s, c)) == text.rstrip(chars)


def test_is_space_matches_cpython() -> None:
    rt = Runtime()
    for cp in list(range(0x3100)) + [0x85, 0xA0, 0x1680, 0xFEFF, 0x10000]:
        assert rt.call("rt_is_space", cp) == chr(cp).isspace(), hex(cp)


@given(
    strip_texts,
    st.one_of(st.none(), st.sampled_from(["a", " ", "é", "ab", "x😀", "  "])),
    st.integers(-1, 4),
)
def test_split(text: str, sep: str | None, maxsplit: int) -> None:
    rt = Runtime()
    got = rt.call("str_split", rt.new_str(text), 0 if sep is None else rt.new_str(sep), maxsplit)
    assert rt.read_str_list(got) == text.split(sep, maxsplit)


def test_split_empty_separator() -> None:
    rt = Runtime()
    assert rt.call("str_split", rt.new_str("abc"), rt.new_str(""), -1) == 0
    assert rt.raised == (EMPTY_SEPARATOR, 0)


@given(st.lists(small_texts, max_size=5), small_texts)
def test_join(items: list[str], sep: str) -> None:
    rt = Runtime()
    assert rt.read_str(rt.call("str_join", rt.new_str(sep), rt.str_list(items))) == sep.join(items)


@given(
    small_texts,
    st.sampled_from(["", "a", "é", "ab", "😀", "zz"]),
    st.sampled_from(["", "X", "éé", "😀"]),
    st.integers(-1, 4),
)
def test_replace(text: str, old: str, new: str, count: int) -> None:
    rt = Runtime()
    got = rt.call("str_replace", rt.new_str(text), rt.new_str(old), rt.new_str(new), count)
    assert rt.read_str(got) == text.replace(old, new, count)


# -- repr -----------------------------------------------------------------------------------

repr_texts = st.text(
    alphabet=st.one_of(
        special,
        st.characters(exclude_categories=()),
        st.sampled_from(["\ud800", "\U000e0001", "\u200b", "\ufeff", "\U000f0000", "\x9f", "\xad",
                         "\u0378", "\U0002fffe"]),
    ),
    max_size=20,
)


@given(repr_texts)
@example("it's")
@example('it\'s "quoted"')
@example('say "hi"')
def test_repr(text: str) -> None:
    rt = Runtime()
    assert rt.read_str(rt.call("str_repr", rt.new_str(text))) == repr(text)


def check_printable(rt: Runtime, code_points: range | list[int]) -> None:
    for cp in code_points:
        assert rt.call("rt_is_printable", cp) == chr(cp).isprintable(), hex(cp)


def test_is_printable_at_every_change_of_printability() -> None:
    edges = [cp for cp in range(1, 0x110000) if chr(cp).isprintable() != chr(cp - 1).isprintable()]
    check_printable(Runtime(), sorted({e + d for e in edges for d in (-1, 0) if e + d >= 0}))


@pytest.mark.slow
def test_is_printable_matches_cpython_for_every_code_point() -> None:
    check_printable(Runtime(), range(0x110000))


@pytest.mark.parametrize("n", [0, 5, -5, 2**62])
def test_int_to_str_is_ascii(n: int) -> None:
    rt = Runtime()
    s = rt.call("int_to_str", n)
    assert rt.u32(s + 4) == rt.u32(s + 8) == len(str(n))


def test_join_that_would_exceed_memory_raises_memory_error() -> None:
    rt = Runtime()
    sep = rt.call("str_alloc", 1 << 20, 1 << 20)
    items = rt.str_list([""] * 4097)  # 4096 separators of 1 MiB: 4 GiB
    assert rt.call("str_join", sep, items) == 0
    assert rt.raised == (5, 0)
