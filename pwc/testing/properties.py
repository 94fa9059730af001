"""Properties as Envoy serves them (abi.md §5.2, §5.3, §6.1).

A path is a tuple of segments; on the wire the segments are joined by NUL
bytes (a trailing NUL is tolerated).  Values are bytes in Envoy's encoding;
tests may give them as Python values, encoded here: str as UTF-8, int as 8
bytes little-endian, bool as one byte, a mapping as a serialized map whose
values are encoded recursively, bytes unchanged.

Lookup follows Envoy's indexing: when no value is stored at the whole path,
the longest stored prefix holding a map is indexed by the next segment (so
a test can seed `("xds", "cluster_metadata")` as a map and the plugin read
`["xds", "cluster_metadata", "filter_metadata", "location"]`).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import Union

from pwc.testing.http_stream import decode_text, encode_text
from pwc.testing.wire import decode_map, encode_map

PropertyPath = tuple[str, ...]
PropertyValue = Union[bytes, str, int, bool, Mapping[str, "PropertyValue"]]


def parse_path(raw: bytes) -> PropertyPath:
    """The segments of a NUL-joined path from the plugin."""
    if raw.endswith(b"\0"):
        raw = raw[:-1]
    return tuple(decode_text(segment) for segment in raw.split(b"\0"))


def encode_value(value: PropertyValue) -> bytes:
    """`value` in Envoy's property encoding."""
    match value:
        case bytes():
            return value
        case str():
            return encode_text(value)
        case bool():
            return b"\1" if value else b"\0"
        case int():
            return struct.pack("<q", value)
        case Mapping():
            pairs = [(encode_text(k), encode_value(v)) for k, v in value.items()]
            # Envoy encodes an empty map as a zero count, not as no bytes.
            return encode_map(pairs) if pairs else b"\0\0\0\0"
    raise TypeError(f"cannot encode {value!r} as a property value")


def look_up(store: Mapping[PropertyPath, bytes], path: PropertyPath) -> bytes | None:
    """The value at `path` in `store`, indexing into stored maps."""
    if path in store:
        return store[path]
    for cut in range(len(path) - 1, 0, -1):
        prefix = store.get(path[:cut])
        if prefix is not None:
            return _index(prefix, path[cut:])
    return None


def _index(value: bytes, keys: PropertyPath) -> bytes | None:
    for key in keys:
        pairs = decode_map(value)
        if pairs is None:
            return None
        found = [v for k, v in pairs if k == encode_text(key)]
        if not found:
            return None
        value = found[0]
    return value
