# ruff: noqa
"""Lambdas take their type from a Callable annotation; without one, or against it, an error."""

from typing import Callable


def main() -> None:
    double = lambda x: x * 2  # error: 14: cannot infer the type of this lambda
    pair: Callable[[int], int] = lambda a, b: a  # error: 34: lambda takes 2 parameters, but Callable[[int], int] expects 1
    name: Callable[[int], str] = lambda x: x  # error: 44: Incompatible return value type (got "int", expected "str")
    inc: Callable[[int], int] = lambda x: x + 1
    print(inc(1))


main()
