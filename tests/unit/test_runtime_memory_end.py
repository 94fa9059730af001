"""The runtime's str functions never read past the end of their argument.

A str can be the last object of the last chunk, its last byte the last byte
of linear memory: a function that peeks one byte too far then traps
(memory_out_of_bounds) where CPython succeeds.  One such read (the second
byte of `$str_is_surrogate_at`, taken after an ASCII character) made a
randomly generated program trap once in a few dozen runs: the line `print`
joins was, by chance, exactly at the end of memory.  Here every str
function of one or two strs gets strs placed exactly there.
"""

from __future__ import annotations

import struct

import pytest
import wasmtime
from test_runtime_harness import Runtime

# Texts whose last character is of each UTF-8 length, after non-ASCII text
# (an ASCII-only str takes the fast paths), and a lone surrogate.
TEXTS = ["éa", "aé", "a€", "a😀", "Σa", "\udc80a", "a\udc80", "a", ""]


def str_at_memory_end(rt: Runtime, text: str) -> int:
    """A str object holding `text` whose last byte is the last byte of
    memory, in a page grown for it that no chunk owns yet (the tests
    allocate far less than the current chunk's room, so none will)."""
    data = text.encode("utf-8", "surrogatepass")
    rt.memory.grow(rt.store, 1)
    s = rt.pages() * 65536 - 12 - len(data)
    rt.write(s, struct.pack("<III", rt.desc.str, len(data), len(text)) + data)
    return s


def bytes_at_memory_end(rt: Runtime, data: bytes) -> int:
    """As str_at_memory_end, for a bytes object."""
    rt.memory.grow(rt.store, 1)
    b = rt.pages() * 65536 - 8 - len(data)
    rt.write(b, struct.pack("<II", rt.desc.bytes, len(data)) + data)
    return b


def str_functions(rt: Runtime, arity: int, prefix: str = "str_") -> list[str]:
    """Names of the runtime's exported str_* (or other `prefix`) functions
    taking `arity` i32s."""
    names = []
    for name, item in rt.instance.exports(rt.store).items():
        if not (name.startswith(prefix) and isinstance(item, wasmtime.Func)):
            continue
        params = item.type(rt.store).params
        if len(params) == arity and all(str(p) == "i32" for p in params):
            names.append(name)
    return sorted(names)


# Functions of one i32 whose argument is not a str (bytes) object.
NOT_A_STR = {"str_alloc", "str_char_len", "str_cp_at", "str_is_surrogate_at",
             "bytes_alloc", "bytes_from_list"}
# The functions of two strs (others of two i32s take an offset, a table, ...).
OF_TWO_STRS = ["str_cmp", "str_concat", "str_contains", "str_endswith", "str_eq", "str_eq_opt",
               "str_lstrip", "str_rstrip", "str_startswith", "str_strip"]


def test_there_are_functions_to_check() -> None:
    rt = Runtime()
    assert {"str_repr", "str_to_host", "str_lower", "str_isprintable"} <= set(str_functions(rt, 1))
    assert set(OF_TWO_STRS) <= set(str_functions(rt, 2))


@pytest.mark.parametrize("text", TEXTS)
def test_one_str_argument_at_the_end_of_memory(text: str) -> None:
    rt = Runtime()
    for name in str_functions(rt, 1):
        if name in NOT_A_STR:
            continue
        s = str_at_memory_end(rt, text)
        rt.call(name, s)  # a trap fails the test
        rt.clear()


@pytest.mark.parametrize("text", TEXTS)
def test_two_str_arguments_at_the_end_of_memory(text: str) -> None:
    rt = Runtime()
    for name in OF_TWO_STRS:
        s = str_at_memory_end(rt, text)
        rt.call(name, s, rt.new_str("a" + text))
        rt.call(name, rt.new_str(text + "é"), s)
        rt.clear()


@pytest.mark.parametrize("data", [b"a", b"\xc3", b"\xed", b"\xe2\x82", b"\xf0", b"ab\xff", b""])
def test_one_bytes_argument_at_the_end_of_memory(data: bytes) -> None:
    rt = Runtime()
    names = [n for n in str_functions(rt, 1, "bytes_") if n not in NOT_A_STR]
    assert {"bytes_decode", "bytes_repr", "bytes_hash"} <= set(names)
    for name in names:
        rt.call(name, bytes_at_memory_end(rt, data))
        rt.clear()


def test_surrogate_check_reads_one_byte_after_ascii() -> None:
    rt = Runtime()
    last = str_at_memory_end(rt, "éa") + 12 + 2  # the 'a', memory's last byte
    assert rt.call("str_is_surrogate_at", last) == 0
