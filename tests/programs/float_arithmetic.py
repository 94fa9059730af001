"""Float arithmetic as CPython does it: mixed int/float, true and floor division, signs of %."""
# covers: float-arith, float-compare, int-true-division


def show(label: str, value: float) -> None:
    print(label, value)


def main() -> None:
    a = 7.5
    b = -2.0
    show("a + b", a + b)
    show("a - b", a - b)
    show("a * b", a * b)
    show("a / b", a / b)
    show("a // b", a // b)
    show("a % b", a % b)
    show("-a // 2", -a // 2)
    show("-a % 2", -a % 2)
    show("7 // -2.5", 7 // -2.5)
    show("-0.0 % 5", -0.0 % 5)
    show("5.0 % -0.5", 5.0 % -0.5)
    show("1e308 * 10", 1e308 * 10)
    show("0.1 + 0.2", 0.1 + 0.2)
    show("7 / 2", 7 / 2)
    show("-7 / 2", -7 / 2)
    show("big / 1000", 1700000000123456789 / 1000)
    show("(2**62 + 1) / 3", (2**62 + 1) / 3)
    show("abs(-3.25)", abs(-3.25))
    show("-(1.5)", -(1.5))
    x = 1
    y: float = x
    y += 0.5
    y *= 4
    y -= 1
    y /= 2
    show("y", y)
    print(0.1 + 0.2 == 0.3, 1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
    print(3 < 3.5 < 4, -1 > -1.5, 0.0 == -0.0, 1.5 != 1, True + 0.5)
    nan = float("nan")
    print(nan == nan, nan != nan, nan < 1, 1 < nan, nan >= 0, 5 <= nan)
    inf = float("inf")
    print(inf > 10 ** 18, -inf < -(10 ** 18), inf - inf, inf * 0, 1 / inf)
    for divisor in [0.0, -0.0, 0]:
        try:
            print(1.5 / divisor)
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
        try:
            print(1.5 // divisor)
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
        try:
            print(1.5 % divisor)
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
    try:
        print(1 / 0)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)


main()
