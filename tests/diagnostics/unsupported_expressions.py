# ruff: noqa
"""Python expressions outside pwc's dialect so far: each message names the construct."""


def main() -> None:
    letters = ["a", "b", "c"]
    letters[0:1] = ["z"]  # error: 13: slice assignment is not supported yet
    pairs: dict[tuple[int, int], str] = {}  # error: 12: dict keys of type "tuple[int, int]" are not supported yet


main()
