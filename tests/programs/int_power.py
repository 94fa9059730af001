"""Integer powers: squaring, zero and one exponents, negative bases, and the
64-bit edge where CPython is made to raise the same OverflowError."""
# covers: int-pow, int-overflow, while-loop

MAX = 9223372036854775807
MIN = -MAX - 1


def checked(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


def power(base: int, exponent: int) -> str:
    try:
        return str(checked(base ** exponent))
    except OverflowError as e:
        return f"OverflowError: {e}"


def by_squaring(base: int, exponent: int) -> int:
    result = 1
    while exponent > 0:
        if exponent & 1:
            result *= base
        base *= base if exponent > 1 else 1
        exponent >>= 1
    return result


def main() -> None:
    for base in [0, 1, -1, 2, -2, 3, 10, -10]:
        print(base, [power(base, e) for e in [0, 1, 2, 3, 7]])
    print(power(2, 62), power(2, 63), power(-2, 63), power(-2, 64))
    print(power(3, 39), power(3, 40), power(10, 18), power(10, 19))
    print(power(7, 22), power(7, 23), power(-1, 1000001))
    for base, exponent in [(2, 10), (3, 13), (5, 20), (-3, 5)]:
        print(base, exponent, by_squaring(base, exponent) == base ** exponent)


main()
