# ruff: noqa
"""A field declared twice in a class body (a dataclass would take it twice in __init__)."""

from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int = 0
    y: int = 0  # error: 5: Name "y" already defined


class Plain:
    a: str
    a: str  # error: 5: Name "a" already defined
