"""Integer arithmetic with Python semantics: precedence, unary minus, floor division."""


def show(label: str, value: int) -> None:
    print(label, value)


def main() -> None:
    a = 17
    b = 5
    show("a + b =", a + b)
    show("a - b =", a - b)
    show("b - a =", b - a)
    show("a * b =", a * b)
    show("a // b =", a // b)
    show("a % b =", a % b)
    show("-a // b =", -a // b)
    show("-a % b =", -a % b)
    show("a // -b =", a // -b)
    show("a % -b =", a % -b)
    show("-a // -b =", -a // -b)
    show("-a % -b =", -a % -b)
    show("precedence", 2 + 3 * 4 - 10 // 3)
    show("parentheses", (2 + 3) * (4 - 10) // 3)
    negated = -a
    show("double negation", -negated)
    show("zero // b", 0 // b)
    show("zero % -b", 0 % -b)
    total = 0
    total += a
    total -= 3 * b
    total *= -4
    total //= 3
    total %= 7
    show("augmented", total)


main()
