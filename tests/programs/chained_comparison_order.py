"""A chained comparison evaluates its operands left to right, each at most
once, and stops at the first false link: a < b < c is a < b and b < c
with b evaluated once."""
# covers: chained-comparison, short-circuit

trace: list[str] = []


def value(label: str, v: int) -> int:
    trace.append(label)
    return v


def check(a: int, b: int, c: int) -> None:
    trace.clear()
    result = value("a", a) < value("b", b) < value("c", c)
    print(a, b, c, result, trace)


def main() -> None:
    check(1, 2, 3)
    check(3, 2, 1)
    check(1, 3, 2)
    trace.clear()
    print(value("x", 1) == value("y", 1) == value("z", 2) == value("w", 3), trace)


main()
