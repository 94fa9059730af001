# ruff: noqa
"""A dataclass subclass adds its fields after its base's: defaults must stay last."""

from dataclasses import dataclass


@dataclass
class Base:
    name: str = "x"


@dataclass
class Sub(Base):
    level: int  # error: 5: field "level" without a default follows fields with one in base class "Base"


def same(a: int, b: int) -> bool:
    return type(a) is type(b)  # error: 17: type(x) is type(y) compares class instances only
