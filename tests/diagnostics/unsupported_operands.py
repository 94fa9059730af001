# ruff: noqa
"""Operators applied to types that do not support them."""


def main() -> None:
    n = 1
    s = "a"
    print(n + s)  # error: 11: Unsupported operand types for + ("int" and "str")
    print(n < s)  # error: 11: Unsupported operand types for < ("int" and "str")
    print(-s)  # error: 11: Unsupported operand type for unary - ("str")
    print(n in n)  # error: 11: Unsupported right operand type for in ("int")
    print((n, n) * 2)  # error: 11: Unsupported operand types for * ("tuple[int, int]" and "int")
    print(s * s)  # error: 11: Unsupported operand types for * ("str" and "str")
    print(n in ("a", s))  # error: 11: Non-overlapping container check (element type: "int", container item type: "str")
    print(n in ("a", 2.5), s in (1, "b"))  # a tuple of several item types: mypy's join is object


main()
