"""Arithmetic whose range the compiler cannot bound keeps its overflow
check: a parameter times a constant, an unmasked accumulator, a mask too
wide for the multiplier, a counter stepped by a parameter.  pwc raises
OverflowError("integer overflow") past 64 bits; `checked` makes CPython
raise the same error where the value leaves the range."""

MAX = 9223372036854775807
MIN = -MAX - 1


def checked(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


def scaled(a: int) -> int:
    return checked(a * 1000)


def tripled(steps: int) -> int:
    x = 1
    for step in range(steps):
        x = x * 3
        checked(x)
        if step % 10 == 0:
            print("  step", step, x)
    return x


def wide_mask(a: int) -> int:
    return checked((a & 0xFFFFFFFFFFFF) * 0x10000000)


def halved_then_quadrupled(a: int) -> int:
    return checked((a >> 1) * 4)


def stepped(stride: int) -> int:
    i = 0
    while i < 100:
        i = checked(i + stride)
    return checked(i * 3)


def attempt(label: str, a: int) -> None:
    try:
        if label == "scaled":
            result = scaled(a)
        elif label == "tripled":
            result = tripled(a)
        elif label == "wide_mask":
            result = wide_mask(a)
        elif label == "halved_then_quadrupled":
            result = halved_then_quadrupled(a)
        else:
            result = stepped(a)
        print(label, a, "=", result)
    except OverflowError as e:
        print(label, a, "->", type(e).__name__, str(e))


def main() -> None:
    for a in [7, -7, MAX // 1000, MAX // 1000 + 1, MIN // 1000, MIN // 1000 - 1]:
        attempt("scaled", a)
    for n in [39, 40, 41]:
        attempt("tripled", n)
    for a in [1, 2**35 - 1, 2**35, -1]:
        attempt("wide_mask", a)
    for a in [100, MAX // 2, MAX, MIN // 2, MIN]:
        attempt("halved_then_quadrupled", a)
    for a in [7, MAX // 3, MAX - 50]:
        attempt("stepped", a)


main()
