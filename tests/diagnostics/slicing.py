# ruff: noqa
"""Slices of values that have no items, and a zero step."""


def main() -> None:
    n = 12345
    print(n[1:3])  # error: 11: Value of type "int" is not indexable
    text = "abcdef"
    print(text[::0])  # error: 16: slice step cannot be zero
    print(text[1:3], text[::-1])


main()
