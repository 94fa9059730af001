from typing import Callable


def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)


def double(x: int) -> int:
    return x * 2


class Counter:
    def __init__(self, start: int) -> None:
        self.n = start

    def add(self, k: int) -> int:
        self.n += k
        return self.n


class Loud(Counter):
    def add(self, k: int) -> int:
        print("adding", k)
        return super().add(k * 10)


def make_adder(base: int) -> Callable[[int], int]:
    offset = base * 2

    def adder(x: int) -> int:
        return x + offset + base

    return adder


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


print(apply(double, 21))
c = Counter(5)
print(apply(c.add, 3), c.n)
loud: Counter = Loud(1)
print(apply(loud.add, 2), loud.n)
add5 = make_adder(5)
print(add5(1), make_adder(1)(1))
inc: Callable[[int], int] = lambda v: v + 1
print(compose(inc, double)(10), compose(double, inc)(10))
handlers: list[Callable[[str], str]] = [lambda s: s + "!", lambda s: s * 2]
for h in handlers:
    print(h("hi"))


class Button:
    def __init__(self, on_click: Callable[[int], None]) -> None:
        self.on_click = on_click

    def click(self, n: int) -> None:
        self.on_click(n)


def report(n: int) -> None:
    print("clicked", n)


b = Button(report)
b.click(3)
b.on_click(4)
