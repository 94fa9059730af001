# ruff: noqa
"""Subscripting a value that has no items."""


class Point:
    def __init__(self) -> None:
        self.x = 0


def main() -> None:
    n = 42
    print(n[0])  # error: 11: Value of type "int" is not indexable
    p = Point()
    print(p[1])  # error: 11: Value of type "Point" is not indexable
    flag = True
    flag[0] = False  # error: 5: Unsupported target for indexed assignment ("bool")


main()
