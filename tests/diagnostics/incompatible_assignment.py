# ruff: noqa
"""A value assigned to a variable, field or item of another type."""

LIMIT: int = "ten"  # error: 14: Incompatible types in assignment (expression has type "str", variable has type "int")


class Box:
    def __init__(self) -> None:
        self.size = 0


def main() -> None:
    count: int = "zero"  # error: 18: Incompatible types in assignment (expression has type "str", variable has type "int")
    name = "x"
    name = 3  # error: 12: Incompatible types in assignment (expression has type "int", variable has type "str")
    b = Box()
    b.size = "big"  # error: 14: Incompatible types in assignment (expression has type "str", variable has type "int")
    words: list[str] = ["a"]
    words[0] = 1  # error: 16: Incompatible types in assignment (expression has type "int", target has type "str")
    print(count, name, b.size, words[0])


main()
