"""Nested functions and lambdas capturing variables assigned once: adders,
multipliers, composition, a counter kept in a captured list (mutating the
list is fine; rebinding a captured name is not part of the dialect)."""
# covers: closures, lambda, callable-values, nested-def

from typing import Callable


def make_adder(n: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + n
    return add


def make_scaler(factor: int, offset: int) -> Callable[[int], int]:
    return lambda x: x * factor + offset


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


def make_counter() -> Callable[[], int]:
    state = [0]

    def tick() -> int:
        state[0] += 1
        return state[0]
    return tick


def make_greeter(greeting: str) -> Callable[[str], str]:
    punctuation = "!" if greeting == greeting.upper() else "."

    def greet(name: str) -> str:
        return f"{greeting}, {name}{punctuation}"
    return greet


def main() -> None:
    adders = [make_adder(k) for k in range(4)]
    print([add(10) for add in adders])
    scale = make_scaler(3, -1)
    print(scale(0), scale(5), compose(scale, make_adder(2))(1), compose(make_adder(2), scale)(1))
    c1 = make_counter()
    c2 = make_counter()
    print(c1(), c1(), c1(), c2())
    print(make_greeter("HI")("ann"), make_greeter("hello")("bob"))
    pipeline: list[Callable[[int], int]] = [make_adder(1), lambda v: v * v, make_scaler(-1, 0)]
    value = 3
    for step in pipeline:
        value = step(value)
    print(value)


main()
