"""str() and repr() of floats: the shortest text that reads back, CPython's switch to exponents;
float(text), also of other scripts' digits and Unicode whitespace."""
# covers: float-repr, float-parse


def main() -> None:
    values = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 123456789012345678.0,
              1e-4, 1e-5, 0.00012345, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
              9007199254740993.0, 0.3, 1.1 * 3, float("inf"), float("-inf"), float("nan")]
    for v in values:
        print(v, repr(v), str(v), [v], (v, 1))
    d: dict[str, float] = {"p50": 12.5, "p99": 250.0}
    print(d, f"{d['p50']}", f"{0.1!r}", f"{1e22!s}")
    texts = ["1", "-2.5", " 3.25 ", "1e3", "1E-3", "+.5", "5.", "1_000.000_1", "inf", "-Infinity",
             "nan", "1e400", "-1e-400", "0x10", "", "1.2.3", "e5", "1e", "12abc", "1__0", " - 1",
             "\u0663.\u0661\u0664", "\u3000-\uff12e\u0663\u2003", "\u0967_\u0968.5", "\x1c1.5",
             "\u00bd", "\u0663\u0131nf", "\u205f-inf\x85"]
    for text in texts:
        try:
            print(repr(text), float(text))
        except ValueError as e:
            print(repr(text), type(e).__name__, e)
    print(float(7), float(-(2 ** 62) * 2), float(True), float(2 ** 53 + 1))
    for f in [3.99, -3.99, 0.5, -0.5, 1e18, -1e18]:
        print(f, int(f))
    for bad in [float("nan"), float("inf"), float("-inf")]:
        try:
            print(int(bad))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)


main()
