"""Factorials and Fibonacci numbers up to the last one that fits in 64 bits;
the next step raises OverflowError (CPython made to agree by `checked`)."""
# covers: int-overflow, while-loop, exceptions-crossing-functions, recursion

MAX = 9223372036854775807
MIN = -MAX - 1


def checked(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


def factorial(n: int) -> int:
    return 1 if n <= 1 else checked(n * factorial(n - 1))


def last_factorial() -> tuple[int, int]:
    n = 1
    while True:
        try:
            factorial(n + 1)
        except OverflowError:
            return n, factorial(n)
        n += 1


def fibonacci_until_overflow() -> tuple[int, int]:
    a, b = 0, 1
    index = 1
    try:
        while True:
            a, b = b, checked(a + b)
            index += 1
    except OverflowError as e:
        print("fibonacci stopped:", e)
    return index, b


def main() -> None:
    print([factorial(n) for n in range(0, 11)])
    print(last_factorial())
    try:
        print(factorial(21))
    except OverflowError as e:
        print("21! ->", type(e).__name__, e)
    print(fibonacci_until_overflow())


main()
