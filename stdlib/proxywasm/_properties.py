"""Properties: the host's attributes of the plugin, the stream and the
connection (abi.md §5.2, §5.3, §6.1).

A path is a list of segments, e.g. ["request", "path"] or
["xds", "route_metadata", "filter_metadata", "envoy.filters.http.wasm"];
never a dotted string, which Envoy looks up as one name.  Values are raw
bytes as the host encodes them: strings as UTF-8, integers as 8 bytes
little-endian, maps as serialized pairs (read those with get_property_map).
"""

from pwc_intrinsics import host_encode

from proxywasm import _host
from proxywasm._errors import BadArgumentError


def _encode_path(path: list[str]) -> bytes:
    if len(path) == 0:
        raise BadArgumentError("a property path needs at least one segment")
    # Segments joined by NULs, by concatenation: paths are a few short
    # segments, and str.join would link 270 bytes into every module that
    # reads a property.
    text = path[0]
    for i in range(1, len(path)):
        text = text + "\0" + path[i]
    return host_encode(text)


def get_property(path: list[str]) -> bytes:
    """The value at `path`; NotFoundError if the host has none there."""
    return _host.get_property(_encode_path(path))


def get_property_map(path: list[str]) -> list[tuple[str, str]]:
    """A map-valued property (e.g. request headers, metadata) as its pairs."""
    return _host.get_property_map(_encode_path(path))


def set_property(path: list[str], data: bytes) -> None:
    """Store `data` at `path` for the current stream; get_property reads it
    back there.  From a root context Envoy refuses (NotFoundError)."""
    _host.set_property(_encode_path(path), data)
