# ruff: noqa
"""`float` named as a type: not supported yet, reported where it is written."""


def half(x: float) -> int:  # error: 13: float values are not supported yet
    return 1


def main() -> None:
    y: float = 2  # error: 8: float values are not supported yet
    print(y + y)
    print(half(1))


main()
