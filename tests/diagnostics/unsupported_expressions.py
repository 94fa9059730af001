# ruff: noqa
"""Python expressions outside pwc's dialect so far: each message names the construct."""


def main() -> None:
    letters = ["a", "b", "c"]
    letters[0:1] = ["z"]  # error: 13: slice assignment is not supported yet
    ratio = 1.5  # error: 13: float values are not supported yet
    half = 7 / 2  # error: 12: true division '/' needs float, which is not supported yet


main()
