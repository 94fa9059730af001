# ruff: noqa
"""A rejected intrinsic is reported once, at its import, not again at each use."""

from pwc_intrinsics import load_u8  # error: 28: "load_u8" is a memory intrinsic reserved for pwc's stdlib


def peek() -> int:
    return load_u8(0)


print(peek())
