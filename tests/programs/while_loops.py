"""while loops with counters, sentinels, nested conditions, and `while
True` with break: digit sums, the digital root, integer square root by
Newton's method and binary search."""
# covers: while-loop, break-continue, int-floordiv-mod, while-else

def digit_sum(n: int) -> int:
    n = abs(n)
    total = 0
    while n:
        total += n % 10
        n //= 10
    return total


def digital_root(n: int) -> int:
    while n >= 10:
        n = digit_sum(n)
    return n


def isqrt(n: int) -> int:
    if n < 2:
        return n
    x = n
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def first_square_above(limit: int) -> int:
    lo, hi = 0, limit + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if mid * mid > limit:
            hi = mid
        else:
            lo = mid + 1
    return lo


def main() -> None:
    print([digit_sum(n) for n in [0, 9, 10, 12345, -987]])
    print([digital_root(n) for n in [0, 9, 38, 123456789, 9223372036854775807]])
    print([isqrt(n) for n in [0, 1, 2, 15, 16, 17, 1000000, 1000000000000000000]])
    print([first_square_above(n) for n in [0, 1, 8, 9, 99]])
    n = 27
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
        if steps > 1000:
            break
    else:
        print("reached 1")
    print("collatz(27) steps:", steps)


main()
