"""The serialized header map of abi.md §5.1, on the host side.

    u32 N,  N x (u32 key_len, u32 value_len),  N x (key, NUL, value, NUL)
"""

from __future__ import annotations

import struct

# Envoy treats a map from the module beyond these limits as empty (abi.md §3.4).
MAX_ENTRIES = 1024
MAX_BYTES = 1 << 20


def encode_map(pairs: list[tuple[bytes, bytes]]) -> bytes:
    """The bytes a host hands to the module (empty map: no bytes at all)."""
    if not pairs:
        return b""
    out = bytearray(struct.pack("<I", len(pairs)))
    for key, value in pairs:
        out += struct.pack("<II", len(key), len(value))
    for key, value in pairs:
        out += key + b"\0" + value + b"\0"
    return bytes(out)


def decode_map(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """The pairs of a map the module sent, or None if Envoy would not parse
    it (bad lengths, missing NULs, trailing bytes, over the limits).

    Envoy then silently uses an empty map; callers decide (abi.md §5.1).
    """
    if len(data) == 0:
        return []
    if len(data) < 4 or len(data) > MAX_BYTES:
        return None
    (count,) = struct.unpack_from("<I", data, 0)
    if count > MAX_ENTRIES or 4 + 8 * count > len(data):
        return None
    sizes = [struct.unpack_from("<II", data, 4 + 8 * i) for i in range(count)]
    position = 4 + 8 * count
    pairs: list[tuple[bytes, bytes]] = []
    for key_size, value_size in sizes:
        end = position + key_size + 1 + value_size + 1
        if end > len(data):
            return None
        key = data[position : position + key_size]
        value_start = position + key_size + 1
        value = data[value_start : value_start + value_size]
        if data[position + key_size] != 0 or data[end - 1] != 0:
            return None
        pairs.append((key, value))
        position = end
    if position != len(data):
        return None
    return pairs
