"""Tuple unpacking: swaps and rotations, nested patterns, unpacking in for
loops over lists of tuples, enumerate and zip, and functions that return
several values."""
# covers: tuple-unpack, tuple-return, builtin-enumerate, builtin-zip, chained-assignment

def min_max_sum(values: list[int]) -> tuple[int, int, int]:
    return min(values), max(values), sum(values)


def divide(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def main() -> None:
    a, b, c = 1, 2, 3
    a, b = b, a
    print(a, b, c)
    a, b, c = c, a, b
    print(a, b, c)
    point = (4, (5, 6))
    x, (y, z) = point
    print(x, y, z)
    lo, hi, total = min_max_sum([5, -2, 9, 0])
    print(lo, hi, total)
    q, r = divide(-17, 5)
    print(q, r, divide(17, -5))
    items = [10, 20, 30]
    items[0], items[2] = items[2], items[0]
    print(items)
    for name, (qty, price) in [("tea", (2, 350)), ("cake", (1, 420))]:
        print(name, qty * price)
    for i, (left, right) in enumerate(zip("abc", [1, 2, 3])):
        print(i, left, right)
    m = n = 7
    first, second = m, n + 1
    print(m, n, first, second)
    fib = (0, 1)
    for _ in range(10):
        fib = (fib[1], fib[0] + fib[1])
    print(fib)


main()
