# ruff: noqa
"""Floats: int widens to float (as mypy allows), never the other way."""


def half(x: float) -> float:
    return x / 2


def main() -> None:
    y: float = 2
    n: int = half(3)  # error: 14: Incompatible types in assignment (expression has type "float", variable has type "int")
    print(y ** 2, pow(y, 2, 3))  # error: 23: Argument 1 to "pow" has incompatible type "float"; expected "int" (with a modulus, every argument is an int)
    print(pow(y))  # error: 11: "pow" expects 2 or 3 arguments, got 1
    print("a" + 1.5)  # error: 11: Unsupported operand types for + ("str" and "float")
    print(1.5 & 1)  # error: 11: Unsupported operand types for & ("float" and "int")
    print(abs("x"))  # error: 15: Argument 1 to "abs" has incompatible type "str"; expected "int | float"
    print(float([1]))  # error: 17: Argument 1 to "float" has incompatible type "list[int]"; expected "str | int | float"
    print(int(half))  # error: 15: Argument 1 to "int" has incompatible type "Callable[[float], float]"; expected "str | int | float"


main()
