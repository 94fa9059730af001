# ruff: noqa
"""Python expressions outside pwc's dialect so far: each message names the construct."""


def count(values: tuple[int, ...]) -> int:  # error: 19: variable-length tuples ("tuple[T, ...]") are not supported: a tuple's length is part of its type
    return len(values)


def main() -> None:
    letters = ["a", "b", "c"]
    letters[0:1] = ["z"]  # error: 13: slice assignment is not supported yet
    pairs: dict[tuple[int, int], str] = {}  # error: 12: dict keys of type "tuple[int, int]" are not supported yet
    frozen = tuple(letters)  # error: 14: tuple() of a "list[str]" is not supported: its length is not known statically, and a tuple's length is part of its type


main()
