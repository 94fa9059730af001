# ruff: noqa
"""Imported by main.py; its own mistakes are reported here, not in main.py."""

FACTOR: int = 1000


def kilo(n: int) -> int:
    return n * FACTR  # error: 16: Name "FACTR" is not defined


def mega(n: int) -> str:
    return kilo(kilo(n))  # error: 12: Incompatible return value type (got "int", expected "str")
