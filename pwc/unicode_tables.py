"""Unicode tables for the runtime, generated from the CPython running pwc.

The str methods that depend on the Unicode database (lower, upper,
casefold, swapcase, title, capitalize, the isX predicates, repr's
printability test) read their tables from static data.  Instead of
copying a database into pwc, each table is taken from what this very
interpreter's str methods answer for every code point, so compiled programs
behave as the CPython that compiled them (and that the tests compare
against).  A table is built only when the linker keeps code that reads its
global (`global.get $ucd_<name>` is the table's address): a module that
never calls str.title() carries no title table.

A property table has one of two forms, whichever is smaller ($ucd_has in
runtime/unicode.wat tells them apart by bit 31 of the first word):

  boundary table   u32 count | 1 << 31, u32 index count, index entries of two
                   u32, then a byte stream: the code points where membership
                   changes (on at the first, off at the second, ...), each as
                   the LEB128 difference to the one before.  Index entry k is
                   boundary number 64k and the stream offset after it, so a
                   lookup decodes at most 64 differences.  Compact for
                   properties with many irregular runs (alpha, printable).

Run tables are sorted runs of code points, found by binary search
($ucd_find):

  property table   u32 count, then count records of one u32:
                     bits 0..20 first code point, bits 21..30 run length - 1,
                     bit 31 stride 2 (every other code point: the runs of
                     alternating upper and lower case letters)
  mapping table    u32 count, count records of two u32 (the first as above),
                   then the pool of multi-character mappings, one u64 each
                   (up to three 21-bit code points, first in the low bits).
                   The second u32 is value << 2 | kind:
                     kind 0  the code point maps to cp + value
                     kind 1  it maps to the pool's entry number `value`
                     kind 2  alternating: cp + value at even offsets in the
                             run, cp - value at odd ones (Aa Bb ... pairs)

Code points a mapping table does not cover map to themselves.
"""

from __future__ import annotations

import hashlib
import operator
import re
import struct
import sys
from collections.abc import Callable, Iterable
from functools import cache
from itertools import compress
from pathlib import Path

from pwc.syntax.pickled_cache import load_cached, store_cached

MAX_CODE_POINT = 0x10FFFF
MAX_RUN = 1024  # run lengths are stored in 10 bits
CAPITAL_SIGMA = "\u03a3"
FINAL_SIGMA = "\u03c2"

_DELTA, _POOL, _ALTERNATE = 0, 1, 2


@cache
def _all_chars() -> tuple[str, ...]:
    return tuple(map(chr, range(MAX_CODE_POINT + 1)))


# -- what CPython says, one code point at a time --------------------------------------


def _case_ignorable(c: str) -> bool:
    # str.lower() writes a final sigma after a cased letter unless a cased
    # letter follows, skipping case-ignorable characters both ways.  So "Σ"
    # right after c is final exactly when c is cased and not ignorable, and
    # "AΣ" c "A" is final exactly when c is neither.  (Σ and A lower to one
    # character each, c may lower to more.)
    final_after_c = (c + CAPITAL_SIGMA).lower()[-1] == FINAL_SIGMA
    final_before_c = ("A" + CAPITAL_SIGMA + c + "A").lower()[1] == FINAL_SIGMA
    return not (final_after_c or final_before_c)


def _title_letter(c: str) -> bool:
    # A single character is istitle() when it is upper case or a title-case
    # letter (Lt); the two are disjoint.
    return c.istitle() and not c.isupper()


def _cased(c: str) -> bool:
    return c.isupper() or c.islower() or _title_letter(c)


def _xid_start(c: str) -> bool:
    return c.isidentifier() and c != "_"


def _xid_continue(c: str) -> bool:
    return ("a" + c).isidentifier()


PROPERTIES: dict[str, Callable[[str], bool]] = {
    "alpha": str.isalpha,
    "decimal": str.isdecimal,
    "digit": str.isdigit,
    "numeric": str.isnumeric,
    "alnum": str.isalnum,
    "printable": str.isprintable,
    "upper": str.isupper,
    "lower": str.islower,
    "title": _title_letter,
    "cased": _cased,
    "case_ignorable": _case_ignorable,
    "xid_start": _xid_start,
    "xid_continue": _xid_continue,
}

# Single-character case mappings; str.lower() of "Σ" alone is "σ", the
# runtime applies the final-sigma rule itself.
MAPPINGS: dict[str, Callable[[str], str]] = {
    "to_lower": str.lower,
    "to_upper": str.upper,
    "to_title": str.title,
    "to_fold": str.casefold,
    "to_swap": str.swapcase,
}


# -- encoding ----------------------------------------------------------------------


def _word0(start: int, count: int, stride: int) -> int:
    return start | (count - 1) << 21 | (stride - 1) << 31


BOUNDARY_FORM = 1 << 31
BOUNDARIES_PER_INDEX = 64


def property_table(flags: bytes) -> bytes:
    """The property table of the code points whose byte in `flags` is 1, in
    the smaller of the two forms."""
    runs = run_table(flags)
    boundaries = boundary_table(flags)
    return boundaries if len(boundaries) < len(runs) else runs


def boundary_table(flags: bytes) -> bytes:
    """The boundary form (see the module's doc) of a property table."""
    bounds: list[int] = []
    for match in re.finditer(b"\x01+", flags):
        bounds += match.span()
    stream = bytearray()
    index: list[int] = []
    previous = 0
    for k, bound in enumerate(bounds):
        delta = bound - previous
        previous = bound
        while delta >= 0x80:
            stream.append(delta & 0x7F | 0x80)
            delta >>= 7
        stream.append(delta)
        if k % BOUNDARIES_PER_INDEX == 0:
            index += [bound, len(stream)]
    head = struct.pack(f"<2I{len(index)}I", len(bounds) | BOUNDARY_FORM, len(index) // 2, *index)
    return head + bytes(stream)


def run_table(flags: bytes) -> bytes:
    """The run form of a property table."""
    runs: list[list[int]] = []  # [start, count, stride]
    for match in re.finditer(b"\x01+", flags):
        cp, end = match.span()
        last = runs[-1] if runs else None
        if (end - cp == 1 and last is not None and (last[1] == 1 or last[2] == 2)
                and cp == last[0] + 2 * last[1] and last[1] < MAX_RUN):
            last[1] += 1
            last[2] = 2
        else:
            for start in range(cp, end, MAX_RUN):
                runs.append([start, min(MAX_RUN, end - start), 1])
    return struct.pack(f"<{1 + len(runs)}I", len(runs), *(_word0(*r) for r in runs))


def mapping_table(mapped: Iterable[tuple[int, str]]) -> bytes:
    """The mapping table for (code point, what it maps to) pairs in code point
    order, pairs mapping a code point to itself left out."""
    runs: list[list[int]] = []  # [start, count, stride, kind, value]
    pool: list[int] = []
    for cp, to in mapped:
        if len(to) > 1:
            if len(to) > 3:
                raise ValueError(f"U+{cp:04X} maps to more than three code points")
            runs.append([cp, 1, 1, _POOL, len(pool)])
            pool.append(sum(ord(c) << 21 * i for i, c in enumerate(to)))
            continue
        delta = ord(to) - cp
        last = runs[-1] if runs else None
        if last is not None and last[1] < MAX_RUN:
            start, count, stride, kind, value = last
            if kind == _DELTA and value == delta and cp == start + count * stride:
                last[1] += 1
                continue
            if kind == _DELTA and count == 1 and value == delta and cp == start + 2:
                last[1:3] = [2, 2]
                continue
            if kind == _DELTA and count == 1 and value == -delta and cp == start + 1:
                last[1] = 2
                last[3] = _ALTERNATE
                continue
            if (kind == _ALTERNATE and cp == start + count
                    and delta == (value if count % 2 == 0 else -value)):
                last[1] += 1
                continue
        runs.append([cp, 1, 1, _DELTA, delta])
    words = [len(runs)]
    for start, count, stride, kind, value in runs:
        words += [_word0(start, count, stride), (value << 2 | kind) & 0xFFFFFFFF]
    return struct.pack(f"<{len(words)}I{len(pool)}Q", *words, *pool)


# -- the tables --------------------------------------------------------------------


@cache
def table(name: str) -> bytes:
    """The table read through the runtime global `$ucd_<name>`.

    Building one takes up to a second (a question to CPython per code
    point), so the tables are also kept in pwc's disk cache, under a key
    naming this module's source and the Python that answered."""
    key = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + sys.version
    cached = load_cached(f"unicode-{name}.pickle", key, bytes)
    if cached is None:
        cached = _build(name)
        store_cached(f"unicode-{name}.pickle", key, cached)
    return cached


def _build(name: str) -> bytes:
    chars = _all_chars()
    if name in PROPERTIES:
        return property_table(bytes(map(PROPERTIES[name], chars)))
    to = list(map(MAPPINGS[name], chars))
    changed = compress(range(len(chars)), map(operator.ne, to, chars))
    return mapping_table((cp, to[cp]) for cp in changed)


def global_name(name: str) -> str:
    return f"$ucd_{name}"


def lazy_tables() -> dict[str, Callable[[], bytes]]:
    """Every table by its global's name, each built on first use."""
    def builder(name: str) -> Callable[[], bytes]:
        return lambda: table(name)

    return {global_name(n): builder(n) for n in [*PROPERTIES, *MAPPINGS]}
