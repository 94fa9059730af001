# ruff: noqa
"""Operators applied to types that do not support them."""


def main() -> None:
    n = 1
    s = "a"
    print(n + s)  # error: 11: Unsupported operand types for + ("int" and "str")
    print(n < s)  # error: 11: Unsupported operand types for < ("int" and "str")
    print(-s)  # error: 11: Unsupported operand type for unary - ("str")
    print(n in n)  # error: 11: Unsupported right operand type for in ("int")


main()
