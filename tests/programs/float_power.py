"""Powers with a float operand: compound interest and roots, results that are
exact or exactly halfway between two floats, the special values, overflow,
underflow into the subnormals, int ** negative literal (a float), pow()."""
# covers: float-pow


def power(x: float, y: float) -> str:
    try:
        return repr(x ** y)
    except (ZeroDivisionError, OverflowError) as e:
        return f"{type(e).__name__}: {e}"


def compound(principal: float, rate: float, years: int) -> float:
    return principal * (1.0 + rate) ** years


def main() -> None:
    print([round(compound(1000.0, 0.05, n), 2) for n in [1, 10, 30]])
    print(2.0 ** 0.5, 27.0 ** (1 / 3), 10.0 ** -0.5, 1.5 ** 2.5, 0.1 ** 3)
    # exact: the correctly rounded result is the exact one
    print(4.0 ** 0.5, 2.0 ** -1, 10.0 ** 22, 0.25 ** 1.5, 1e-10 ** 2)
    # exactly halfway between two floats: ties go to the even one (the C
    # library gets about half of such ties wrong: these two it gets right)
    print((2**27 - 1.0) ** 2, 68718952449.0 ** 1.5)
    print(3.0 ** 33, 3 ** 33.0, 5.0 ** 22)
    print(2 ** -1, 10 ** -3, 3 ** -2, (-2) ** -3, 2 ** 0.5, 7 ** 2.0)
    print((-2.0) ** 3, (-2.0) ** 4, (-8.0) ** -1, (-1.0) ** 1e300, (-0.0) ** 3)
    nan, inf = float("nan"), float("inf")
    print(nan ** 0, 1.0 ** nan, nan ** 2, 2.0 ** nan, inf ** -1, (-inf) ** 3, (-inf) ** 2)
    print(0.5 ** inf, 2.0 ** -inf, (-1.0) ** inf, 0.0 ** 0.0, 0.0 ** 5, 1.0000001 ** 1e9)
    # the ends of the range
    print(2.0 ** 1023, 2.0 ** -1074, 0.5 ** 1075, 0.5 ** 1074.5)
    print(power(10.0, 308.25), power(10.0, 309), power(-10.0, 309), power(0.0, -1.0))
    print(power(0.0, -2), power(1e-300, -2), power(10.0, -400), power(-10.0, -401))
    try:
        print(0 ** -1)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    y = 1.5
    y **= 2
    n = 3
    print(y, n ** 0.5, 2.0 ** n, -2.0 ** 2)
    print(pow(2.0, 0.5), pow(10, -2), pow(3, 200, 1000), pow(-7, 3, 5), pow(7, -1, 12))


main()
