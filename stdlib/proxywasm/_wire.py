"""The serialized header map of abi.md §5.1, read from and written to linear memory.

    u32 N,  N x (u32 key_len, u32 value_len),  N x (key bytes, NUL, value bytes, NUL)

Little-endian, lengths without the NULs, no padding.  Wasm only: these use
the memory intrinsics, which do not exist under CPython.
"""

from pwc_intrinsics import alloc, bytes_ptr, host_encode, load_i32, load_u8, store_i32, str_at


def decode_map(address: int, size: int) -> list[tuple[str, str]]:
    """The pairs of the serialized map at `address` (as the host wrote it).

    Keys and values are decoded with surrogateescape, so bytes that are not
    UTF-8 survive a read-modify-write round trip unchanged.
    """
    pairs: list[tuple[str, str]] = []
    if size == 0:
        return pairs
    count = load_i32(address)
    sizes = address + 4
    data = sizes + 8 * count
    for i in range(count):
        key_size = load_i32(sizes + 8 * i)
        value_size = load_i32(sizes + 8 * i + 4)
        key = str_at(data, key_size)
        data = data + key_size + 1
        value = str_at(data, value_size)
        data = data + value_size + 1
        pairs.append((key, value))
    return pairs


class EncodedMap:
    """A serialized map in a raw block of linear memory."""

    def __init__(self, address: int, size: int) -> None:
        self.address = address
        self.size = size


def encode_map(pairs: list[tuple[str, str]]) -> EncodedMap:
    """Serialize `pairs` into a new raw block of the current region.

    An empty map is address 0, size 0, which every host reads as "no headers".
    """
    count = len(pairs)
    if count == 0:
        return EncodedMap(0, 0)
    encoded: list[bytes] = []
    size = 4 + 8 * count
    for key, value in pairs:
        key_bytes = host_encode(key)
        value_bytes = host_encode(value)
        encoded.append(key_bytes)
        encoded.append(value_bytes)
        size = size + len(key_bytes) + len(value_bytes) + 2
    # alloc zero-fills, so the NUL terminators are already there; the 3 spare
    # bytes let copy_bytes finish with whole-word stores.
    block = alloc(size + 3)
    store_i32(block, count)
    sizes = block + 4
    data = sizes + 8 * count
    for i in range(count):
        key_bytes = encoded[2 * i]
        value_bytes = encoded[2 * i + 1]
        store_i32(sizes + 8 * i, len(key_bytes))
        store_i32(sizes + 8 * i + 4, len(value_bytes))
        data = copy_bytes(data, key_bytes) + 1
        data = copy_bytes(data, value_bytes) + 1
    return EncodedMap(block, size)


def copy_bytes(destination: int, data: bytes) -> int:
    """Copy `data` to `destination`; returns the address just past the copy.

    Writes whole 32-bit words, so up to 3 bytes past the end must be writable
    (their values are preserved).
    """
    source = bytes_ptr(data)
    size = len(data)
    i = 0
    while i + 4 <= size:
        store_i32(destination + i, load_i32(source + i))
        i = i + 4
    while i < size:
        # One byte: rewrite the word that starts here with its low byte replaced.
        word = load_i32(destination + i)
        store_i32(destination + i, word - word % 256 + load_u8(source + i))
        i = i + 1
    return destination + size
