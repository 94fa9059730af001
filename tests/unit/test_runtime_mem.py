"""runtime/mem.wat: $rt_memcmp, every length up to three words with one
difference at every position (its word loop, the overlapping words for 4 to
7 bytes and the three bytes for fewer each decide some of them)."""

from __future__ import annotations

import pytest
from test_runtime_harness import Runtime


def sign(x: int) -> int:
    return (x > 0) - (x < 0)


def memcmp(rt: Runtime, a: bytes, b: bytes, skew: int) -> int:
    # `skew` moves both blocks off their 8-byte alignment
    pa, pb = rt.raw(bytes(skew) + a), rt.raw(bytes(skew) + b)
    result: int = rt.call("rt_memcmp", pa + skew, pb + skew, len(a))
    return result


@pytest.mark.parametrize("n", range(25))
def test_memcmp_orders_by_the_first_differing_byte(n: int) -> None:
    rt = Runtime()
    # distinct bytes on both sides of 0x80: the order is by unsigned byte
    base = bytes((0x70 + 7 * i) % 256 for i in range(n))
    for skew in (0, 3):
        assert memcmp(rt, base, base, skew) == 0
        for pos in range(n):
            for other in (base[pos] - 1, base[pos] + 1, base[pos] ^ 0x80):
                single = base[:pos] + bytes([other % 256]) + base[pos + 1:]
                # the only difference, or the first: later bytes differ the
                # other way, and only the first may count
                flipped = single[:pos + 1] + bytes(255 - c for c in single[pos + 1:])
                for b in (single, flipped):
                    expected = sign(base[pos] - other % 256)
                    assert memcmp(rt, base, b, skew) == expected, (n, pos, other, b)
                    assert memcmp(rt, b, base, skew) == -expected, (n, pos, other, b)
