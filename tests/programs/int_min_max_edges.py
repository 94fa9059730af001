"""The extreme 64-bit values: printing, negation, abs, division by -1, and
comparisons.  CPython is made to raise where the 64-bit result would not fit."""
# covers: int-overflow, builtin-abs, int-floordiv-mod, builtin-str, builtin-hex

MAX = 9223372036854775807
MIN = -MAX - 1


def checked(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


def attempt(label: str, compute: int) -> None:
    print(label, "=", compute)


def guarded(label: str, a: int, op: str) -> None:
    try:
        if op == "neg":
            attempt(label, checked(-a))
        elif op == "abs":
            attempt(label, checked(abs(a)))
        elif op == "div":
            attempt(label, checked(a // -1))
        else:
            attempt(label, checked(a % -1))
    except OverflowError as e:
        print(label, "->", type(e).__name__, e)


def main() -> None:
    print(MAX, MIN, str(MIN), repr(MAX), hex(MIN), hex(MAX), len(str(MIN)))
    for label, value in [("MAX", MAX), ("MIN", MIN), ("MIN+1", MIN + 1), ("0", 0)]:
        guarded("-" + label, value, "neg")
        guarded("abs(" + label + ")", value, "abs")
        guarded(label + " // -1", value, "div")
        guarded(label + " % -1", value, "mod")
    print(MIN < -MAX < 0 < MAX, MIN // MAX, MAX // MIN, MIN % MAX, MAX % MIN)
    print(abs(-5), abs(0), abs(MAX), abs(MIN + 1))


main()
