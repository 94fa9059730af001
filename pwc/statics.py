"""The static data image: string literals, type descriptors, vtables.

Static data lives at the bottom of linear memory, laid out as docs/internals.md
fixes it: page 0 starts with the static chunk header (region = 16), the static
region descriptor (kind 0) follows at 16, and objects start at 48.  Every page
the statics use starts with a chunk header naming the static region, so
`region_of(p) = load(p & 0xFFFF0000)` works for static objects too; an object
never crosses a page boundary unless it is the only object of a multi-page
chunk of its own.

`StaticImage` is a builder: the compiler adds objects and gets their
addresses, then takes `image()` (the bytes from address 0) and `heap_base`
(where the heap starts).  `to_wat_data` turns an image into data segments.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

PAGE = 65536
CHUNK_HEADER_SIZE = 16
STATIC_REGION = 16  # address of the static region descriptor
REGION_DESCRIPTOR_SIZE = 32
DATA_START = STATIC_REGION + REGION_DESCRIPTOR_SIZE  # 48
STATIC_KIND = 0

# A data segment costs its own bytes plus a header: a flags byte, the offset
# expression (`i32.const`, the address as a signed LEB128, `end`) and the
# length (an unsigned LEB128).  Memory starts zeroed, so a run of zero bytes
# inside the data is better left out when a new segment's header is smaller.
_SEGMENT_HEADER_FIXED = 4  # flags, i32.const, end, and one byte of length


def _sleb_size(value: int) -> int:
    """Bytes of `value` (>= 0) as a signed LEB128."""
    size = 1
    while value >= 64:
        value >>= 7
        size += 1
    return size


def _align_up(value: int, align: int) -> int:
    return (value + align - 1) // align * align


def _chunk_header(npages: int) -> bytes:
    return struct.pack("<IIII", STATIC_REGION, 0, npages, 0)


class StaticImage:
    """Lays out static objects from address 48 on; see the module docstring."""

    def __init__(self) -> None:
        self._data = bytearray(_chunk_header(1))
        # Static region descriptor: bump, limit, chunks unused (static chunks
        # are never freed nor allocated into), kind 0.
        self._data += struct.pack("<IIII", 0, 0, 0, STATIC_KIND) + bytes(16)
        assert len(self._data) == DATA_START
        # Where the next object may go; None after a multi-page chunk, which
        # forces the next object onto a fresh page with its own header.
        self._cursor: int | None = DATA_START
        self._strings: dict[tuple[str, int], int] = {}
        self._bytes: dict[tuple[bytes, int], int] = {}

    # -- raw placement ---------------------------------------------------------

    def add(self, payload: bytes, align: int = 8) -> int:
        """Place `payload` and return its address (a multiple of `align`)."""
        address = self._place(len(payload), align)
        self._data[address : address + len(payload)] = payload
        return address

    def reserve(self, size: int, align: int = 4) -> int:
        """Place `size` zero bytes to be filled later with `patch`."""
        return self._place(size, align)

    def patch(self, address: int, payload: bytes) -> None:
        """Overwrite bytes placed earlier (e.g. a descriptor that points at a
        descriptor added after it)."""
        if address < DATA_START or address + len(payload) > len(self._data):
            raise ValueError(f"patch outside the placed static data at {address}")
        self._data[address : address + len(payload)] = payload

    def patch_i32(self, address: int, value: int) -> None:
        self.patch(address, struct.pack("<I", value & 0xFFFFFFFF))

    def _place(self, size: int, align: int) -> int:
        if align <= 0 or align & (align - 1):
            raise ValueError(f"alignment must be a power of two, not {align}")
        room_in_page = PAGE - CHUNK_HEADER_SIZE
        if size > room_in_page - (align if align > CHUNK_HEADER_SIZE else 0):
            return self._place_multi_page(size, align)
        start = None if self._cursor is None else _align_up(self._cursor, align)
        if (
            start is None
            or start % PAGE == 0
            or start // PAGE != (start + max(size, 1) - 1) // PAGE
        ):
            page = _align_up(len(self._data), PAGE)
            self._extend_to(page)
            self._data += _chunk_header(1)
            start = _align_up(page + CHUNK_HEADER_SIZE, align)
        self._extend_to(start + size)
        self._cursor = start + size
        return start

    def _place_multi_page(self, size: int, align: int) -> int:
        page = _align_up(len(self._data), PAGE)
        start = _align_up(page + CHUNK_HEADER_SIZE, align)
        npages = (start - page + size + PAGE - 1) // PAGE
        self._extend_to(page)
        self._data += _chunk_header(npages)
        self._extend_to(page + npages * PAGE)
        self._cursor = None
        return start

    def _extend_to(self, end: int) -> None:
        if end > len(self._data):
            self._data += bytes(end - len(self._data))

    # -- objects ---------------------------------------------------------------

    def add_str(self, text: str, str_desc: int) -> int:
        """A str object (kind 1): type, byte_len, cp_len, UTF-8 bytes.

        Lone surrogates (e.g. the U+DC80..U+DCFF of surrogateescape) are
        stored as their 3-byte generalized UTF-8 form, as the runtime does.
        Interned: the same text gives the same address."""
        key = (text, str_desc)
        found = self._strings.get(key)
        if found is None:
            encoded = text.encode("utf-8", "surrogatepass")
            header = struct.pack("<III", str_desc, len(encoded), len(text))
            # 4-byte aligned (its fields are i32s): static strings are most
            # of the static data, and 8 would pad each by 4 bytes on average.
            found = self.add(header + encoded, align=4)
            self._strings[key] = found
        return found

    def add_bytes(self, data: bytes, bytes_desc: int) -> int:
        """A bytes object (kind 2): type, len, bytes.  Interned."""
        key = (data, bytes_desc)
        found = self._bytes.get(key)
        if found is None:
            found = self.add(struct.pack("<II", bytes_desc, len(data)) + data, align=4)
            self._bytes[key] = found
        return found

    def add_words(self, words: Sequence[int], align: int = 4) -> int:
        """An array of i32 words (descriptors, offset arrays, vtables)."""
        return self.add(b"".join(struct.pack("<I", w & 0xFFFFFFFF) for w in words), align)

    # -- results ---------------------------------------------------------------

    def image(self) -> bytes:
        """The static memory image from address 0 (trailing zeros trimmed)."""
        return bytes(self._data).rstrip(b"\0")

    @property
    def heap_base(self) -> int:
        """The first 64 KiB-aligned address after the statics."""
        return _align_up(max(len(self._data), 1), PAGE)


def append_tables(image: bytes, heap_base: int,
                  tables: Sequence[bytes]) -> tuple[bytes, list[int], int]:
    """Place read-only tables (data no object points into, e.g. the Unicode
    tables) after the statics laid out so far: `image` and its `heap_base`
    come from a `StaticImage`.  The tables get a static chunk of their own at
    heap_base.  Returns the new image, each table's (8-aligned) address and
    the new heap base."""
    if not tables:
        return image, [], heap_base
    data = bytearray(image) + bytes(heap_base - len(image))
    start = heap_base + CHUNK_HEADER_SIZE
    addresses = []
    for table in tables:
        addresses.append(_align_up(start, 8))
        start = addresses[-1] + len(table)
    npages = (start - heap_base + PAGE - 1) // PAGE
    data += _chunk_header(npages)
    for address, table in zip(addresses, tables, strict=True):
        data += bytes(address - len(data)) + table
    return bytes(data).rstrip(b"\0"), addresses, heap_base + npages * PAGE


def to_wat_data(image: bytes) -> str:
    """`(data (i32.const N) "...")` segments holding the non-zero parts of
    `image`, one per line; runs of zeros long enough are left out since
    memory starts zeroed."""
    segments: list[str] = []
    pos = 0
    end = len(image)
    while pos < end:
        while pos < end and image[pos] == 0:
            pos += 1
        if pos >= end:
            break
        stop = scan = pos
        while scan < end:
            if image[scan]:
                stop = scan = scan + 1
                continue
            run_end = scan
            while run_end < end and image[run_end] == 0:
                run_end += 1
            if run_end - scan > _SEGMENT_HEADER_FIXED + _sleb_size(run_end):
                break  # the zeros cost more than the next segment's header
            scan = run_end
        segments.append(f'(data (i32.const {pos}) "{wat_string(image[pos:stop])}")')
        pos = stop
    return "\n".join(segments)


def wat_string(data: bytes) -> str:
    """The body of a WAT string literal holding exactly `data`."""
    out: list[str] = []
    for b in data:
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C):
            out.append(chr(b))
        else:
            out.append(f"\\{b:02x}")
    return "".join(out)
