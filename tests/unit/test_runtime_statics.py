"""pwc/statics.py: the static image layout and its data segments."""

from __future__ import annotations

import re
import struct

from hypothesis import given
from hypothesis import strategies as st

from pwc.statics import DATA_START, PAGE, StaticImage, to_wat_data, wat_string


def u32(image: bytes, address: int) -> int:
    padded = image + bytes(max(0, address + 4 - len(image)))
    value: int = struct.unpack_from("<I", padded, address)[0]
    return value


def test_empty_image_has_the_static_chunk_and_region() -> None:
    s = StaticImage()
    image = s.image()
    assert u32(image, 0) == 16 and u32(image, 8) == 1  # header: region 16, one page
    assert u32(image, 16 + 12) == 0  # static region kind
    assert s.heap_base == PAGE


def test_objects_are_aligned_and_start_at_48() -> None:
    s = StaticImage()
    assert s.add(b"x", align=8) == DATA_START
    assert s.add(b"yy", align=8) == DATA_START + 8
    assert s.add(b"z", align=4) == DATA_START + 12
    assert s.add(b"w", align=1) == DATA_START + 13


def test_strings_are_interned_with_their_lengths() -> None:
    s = StaticImage()
    desc = s.add_words([1, 0, 0, 0])
    a = s.add_str("héllo \udc80", desc)
    assert s.add_str("héllo \udc80", desc) == a
    assert s.add_str("other", desc) != a
    image = s.image()
    raw = "héllo \udc80".encode("utf-8", "surrogatepass")
    assert (u32(image, a), u32(image, a + 4), u32(image, a + 8)) == (desc, len(raw), 7)
    assert image[a + 12 : a + 12 + len(raw)] == raw
    b = s.add_bytes(b"\x00\x01", desc)
    assert s.add_bytes(b"\x00\x01", desc) == b
    assert s.image()[b + 4 : b + 10] == b"\x02\x00\x00\x00\x00\x01"


def test_reserve_and_patch() -> None:
    s = StaticImage()
    first = s.reserve(8)
    second = s.add_words([7, first])
    s.patch_i32(first, second)
    assert u32(s.image(), first) == second and u32(s.image(), second + 4) == first


@given(st.lists(st.integers(1, 3 * PAGE), min_size=1, max_size=12))
def test_no_object_crosses_a_page_and_every_page_has_a_header(sizes: list[int]) -> None:
    s = StaticImage()
    spans = [(s.add(bytes([i % 255 + 1]) * n), n) for i, n in enumerate(sizes)]
    image = s.image() + bytes(s.heap_base - len(s.image()))
    for address, n in spans:
        chunk = address & ~(PAGE - 1)
        assert u32(image, chunk) == 16  # region_of(p) is the static region
        if address // PAGE != (address + n - 1) // PAGE:
            # a multi-page chunk of its own, big enough
            assert address == chunk + 16 and n > PAGE - 16
            assert chunk + u32(image, chunk + 8) * PAGE >= address + n
            assert all(not (a < address + n and address < a + m) for a, m in spans if a != address)
    assert s.heap_base % PAGE == 0 and s.heap_base >= max(a + n for a, n in spans)


def test_data_segments_skip_zero_runs_and_escape() -> None:
    image = b'\x01"\\a' + bytes(100) + b"\xff"
    text = to_wat_data(image)
    assert text == '(data (i32.const 0) "\\01\\22\\5ca")\n(data (i32.const 104) "\\ff")'
    assert to_wat_data(b"") == ""
    assert wat_string(b"ok ") == "ok "


def test_data_segments_split_where_the_zeros_cost_more_than_a_header() -> None:
    # A segment at a small address has a 5-byte header (flags, i32.const,
    # the address, end, the length): 5 zeros stay in, 6 are left out.
    assert to_wat_data(b"\x01" + bytes(5) + b"\x02").count("(data") == 1
    assert to_wat_data(b"\x01" + bytes(6) + b"\x02") == (
        '(data (i32.const 0) "\\01")\n(data (i32.const 7) "\\02")')
    # Past address 8191 the address takes 3 bytes: 7 zeros stay in.
    assert to_wat_data(bytes(9000) + b"\x01" + bytes(7) + b"\x02").count("(data") == 1


def test_data_segments_rebuild_the_image() -> None:
    s = StaticImage()
    desc = s.add_words([1, 0, 0, 0])
    for i in range(50):
        s.add_str(f"string number {i}" * (i % 7), desc)
    image = s.image()
    rebuilt = bytearray(len(image))
    for m in re.finditer(
        r'\(data \(i32\.const (\d+)\) "((?:[^"\\]|\\[0-9a-f]{2})*)"\)', to_wat_data(image)
    ):
        raw = re.sub(r"\\([0-9a-f]{2})", lambda h: chr(int(h.group(1), 16)), m.group(2))
        data = raw.encode("latin-1")
        rebuilt[int(m.group(1)) : int(m.group(1)) + len(data)] = data
    assert bytes(rebuilt) == image
