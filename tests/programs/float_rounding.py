"""round() on floats and ints: half to even, on the exact binary value as CPython."""
# covers: builtin-round, float-arith


def main() -> None:
    for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 12345.6789, -0.0, 1e15 + 0.5]:
        print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -3))
    for n in [1234, 1250, 1350, -1250, 5, 15, 25]:
        print(n, round(n), round(n, 1), round(n, -1), round(n, -2))
    try:
        print(round(float("inf")))
    except OverflowError as e:
        print(type(e).__name__, e)
    try:
        print(round(1.7976931348623157e308, -308))
    except OverflowError as e:
        print(type(e).__name__, e)
    print(round(float("nan"), 2), round(float("inf"), 3), round(1e300, -299), round(1e-300, 300))
    prices = [19.99, 5.005, 0.1 + 0.2]
    total = 0.0
    for p in prices:
        total += p
    print(total, round(total, 2), f"{total:.2f}")


main()
