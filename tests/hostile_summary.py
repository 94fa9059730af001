"""What tests/conformance/plugins/hostile.py reports in its x-hostile-headers
header, computed independently: shared by its emulator and Envoy tests."""

from __future__ import annotations

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


def fnv1a(h: int, data: bytes) -> int:
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def summary(headers: list[tuple[bytes, bytes]]) -> str:
    """The count, total size and FNV-1a digest of these x-h-* headers."""
    h, size = FNV_OFFSET, 0
    for name, value in headers:
        for part in (name, value):
            size += len(part)
            h = fnv1a(h, part)
    return f"{len(headers)} {size} {h:08x}"
