"""$str_host_text (runtime/utf8.wat): where the bytes a host should see for a
str are, against CPython's `text.encode("utf-8", "surrogateescape")`; a str
without surrogate escapes is handed over in place, with nothing allocated."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from test_runtime_harness import Runtime

ENCODE_ERROR = 7

texts = st.text(
    alphabet=st.one_of(
        st.sampled_from(["a", "é", "€", "😀", "\x00", "\udc80", "\udcff", "\ud800", "\udc7f",
                         "\udfff"]),
        st.characters(codec="utf-8"),
    ),
    max_size=12,
)


def host_text(rt: Runtime, s: int) -> tuple[int, int]:
    """(address, size) of s's host bytes; (0, 0) after an exception."""
    packed = rt.call("str_host_text", s)
    return packed & 0xFFFFFFFF, packed >> 32


def allocated_between(rt: Runtime, run: Callable[[], object]) -> bool:
    """Whether `run()` allocated: the blocks allocated before and after it
    are then not adjacent."""
    before = rt.call("rt_alloc_bare", 8)
    run()
    return bool(rt.call("rt_alloc_bare", 8) != before + 8)


@given(texts)
def test_host_text_is_surrogateescape_encode(text: str) -> None:
    rt = Runtime()
    s = rt.new_str(text)
    at, size = host_text(rt, s)
    try:
        want = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as e:
        assert (at, size) == (0, 0) and rt.raised is not None
        code, arg = rt.raised
        assert code == ENCODE_ERROR
        start, cp, run = arg & 0xFFFFFFFF, ((arg >> 32) & 0x7FF) + 0xD800, (arg >> 43) + 1
        assert (start, start + run, chr(cp)) == (e.start, e.end, text[e.start])
        return
    assert rt.raised is None and rt.read(at, size) == want
    escaped = want != text.encode("utf-8", "surrogatepass")
    # in place unless rewritten; a rewrite is a bytes object's bytes
    assert (at == s + 12) == (not escaped)
    if escaped:
        assert rt.read_bytes(at - 8) == want


@given(st.text(alphabet=st.sampled_from(["a", "é", "😀", "\x00"]), max_size=12))
def test_a_str_without_escapes_allocates_nothing(text: str) -> None:
    rt = Runtime()
    s = rt.new_str(text)
    assert not allocated_between(rt, lambda: rt.call("str_host_text", s))
    # (the check sees an allocation)
    assert allocated_between(rt, lambda: rt.call("str_host_text", rt.new_str(text + "\udc80")))


@given(texts)
def test_to_host_returns_a_bytes_object_made_once(text: str) -> None:
    """$str_to_host keeps the bytes object $str_host_text rewrote into, and
    copies a str without escapes into a new one."""
    rt = Runtime()
    s = rt.new_str(text)
    try:
        want = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        assert rt.call("str_to_host", s) == 0 and rt.raised is not None
        return
    before = rt.call("rt_alloc_bare", 8)
    b = rt.call("str_to_host", s)
    assert rt.read_bytes(b) == want
    # the object starts where the next allocation was due: nothing else was made
    assert b == before + 8
