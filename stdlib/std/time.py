"""`time` for pwc programs: the clocks, through WASI's clock_time_get.

(CPython's own `time` module is what a plugin imports when it runs under
CPython; this file is what pwc compiles.  It lives under stdlib/std/ so that
it never shadows the real module for mypy.)
"""

from pwc_intrinsics import I32, alloc, host_import, load_i64


@host_import("wasi_snapshot_preview1", "clock_time_get")
def _clock_time_get(clock_id: I32, precision: int, result: I32) -> I32: ...


def time_ns() -> int:
    """Nanoseconds since the Unix epoch (wall clock)."""
    slot = alloc(8)
    _clock_time_get(0, 1, slot)
    return load_i64(slot)


def monotonic_ns() -> int:
    slot = alloc(8)
    _clock_time_get(1, 1, slot)
    return load_i64(slot)
