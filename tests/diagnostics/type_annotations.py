# ruff: noqa
"""Annotations pwc cannot use: unions other than `T | None`, unknown names, non-types."""


def pick(a: int | str) -> int:  # error: 13: union types other than 'T | None' are not supported
    return 0


def make() -> Widget:  # error: 15: Name "Widget" is not defined
    return make()


def size(x: len) -> int:  # error: 13: "len" is not valid as a type
    return 0


def pair(p: dict[int, str, bool]) -> int:  # error: 13: "dict" expects 2 type arguments, but 3 given
    return 0
