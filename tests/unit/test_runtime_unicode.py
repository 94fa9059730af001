"""runtime/unicode.wat and str_case.wat (with the tables of pwc/unicode_tables.py)
against CPython's str."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_runtime_harness import Runtime

from pwc.unicode_tables import MAPPINGS, PROPERTIES, boundary_table, mapping_table, run_table

MAX_CODE_POINT = 0x10FFFF


@pytest.fixture(scope="module")
def rt() -> Runtime:
    return Runtime()


def edges(test: object) -> list[int]:
    """The code points where `test` (a function of one character) changes
    its answer, and the ones just before them."""
    assert callable(test)
    out = {0, MAX_CODE_POINT}
    previous = test(chr(0))
    for cp in range(1, MAX_CODE_POINT + 1):
        answer = test(chr(cp))
        if answer != previous:
            out |= {cp - 1, cp}
        previous = answer
    return sorted(out)


def test_decimal_digits_count_from_the_start_of_their_run() -> None:
    """The prelude's _decimal_value (int() and float() of other scripts'
    digits) takes a digit's value to be its distance to the start of its run
    of decimal digits, modulo 10: true of the running CPython's database."""
    start = -1
    for cp in range(MAX_CODE_POINT + 1):
        c = chr(cp)
        if not c.isdecimal():
            start = -1
            continue
        if start < 0:
            start = cp
        assert unicodedata.decimal(c) == (cp - start) % 10, hex(cp)


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_property_tables_at_every_edge(rt: Runtime, name: str) -> None:
    table = rt.global_value(f"ucd_{name}")
    for cp in edges(PROPERTIES[name]):
        assert rt.call("ucd_has", table, cp) == PROPERTIES[name](chr(cp)), hex(cp)


@pytest.mark.parametrize("bits", [b"", b"\x01", b"\x00\x01\x01\x00" * 70 + b"\x01" * 300,
                                  (b"\x01" * 129 + b"\x00" * 20000) * 3])
def test_both_forms_of_a_property_table_answer_alike(rt: Runtime, bits: bytes) -> None:
    for table in (boundary_table(bits), run_table(bits)):
        address = rt.raw(table)
        for cp in range(len(bits) + 2):
            assert rt.call("ucd_has", address, cp) == (cp < len(bits) and bits[cp] == 1), cp


def unpack(packed: int) -> str:
    return "".join(chr(packed >> shift & 0x1FFFFF) for shift in (0, 21, 42)
                   if shift == 0 or packed >> shift & 0x1FFFFF)


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_mapping_tables_at_every_edge(rt: Runtime, name: str) -> None:
    table = rt.global_value(f"ucd_{name}")
    mapping = MAPPINGS[name]
    # Where the mapping's offset changes: every run's ends.
    for cp in edges(lambda c: ord(mapping(c)[0]) - ord(c)):
        assert unpack(rt.call("ucd_map", table, cp)) == mapping(chr(cp)), hex(cp)


def test_runs_are_split_at_their_longest() -> None:
    # 3,000 code points: three runs of at most 1,024.
    table = run_table(bytes(10) + b"\x01" * 3000)
    assert int.from_bytes(table[:4], "little") == 3
    with pytest.raises(ValueError, match="more than three"):
        mapping_table([(0x41, "abcd")])


# -- the methods ------------------------------------------------------------------------

SPECIAL = ("ΣσςΑΟΔ'\u00b7\u0301\u0345 .ßİıiIŉΐﬃᾳᾼǅǆǄǈᏣꮳᏸAaZz_09١٢३½ⅫⒶⓐ"
           "\u0378\ue000\U0010fffd\udc80\ud800\t")
texts = st.text(st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=())),
                max_size=12)


@given(texts)
@example("ΟΔΟΣ ΟΔΟΣ. Σ ΑΣ' ΑΣ'Α")
@example("ǆemal ǅemal ᾳ ﬃ")
def test_case_methods(text: str) -> None:
    rt = Runtime()
    s = rt.new_str(text)
    for method in ("lower", "upper", "casefold", "swapcase", "capitalize", "title"):
        assert rt.read_str(rt.call(f"str_{method}", s)) == getattr(text, method)(), method


@given(texts)
@example("Ǆ Ǉa Ab")
@example("_x\u0301")
def test_predicates(text: str) -> None:
    rt = Runtime()
    s = rt.new_str(text)
    for method in ("isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isupper",
                   "islower", "istitle", "isprintable", "isidentifier", "isascii"):
        assert rt.call(f"str_{method}", s) == getattr(text, method)(), method
