"""Recursive functions: factorial, Fibonacci with a memo dict, Ackermann
(small arguments), mutual recursion, permutations and power set built
recursively, and a recursion depth of several hundred frames."""
# covers: recursion, dict-get, list-methods, comprehension-list

def fib(n: int, memo: dict[int, int]) -> int:
    if n < 2:
        return n
    cached = memo.get(n)
    if cached is not None:
        return cached
    value = fib(n - 1, memo) + fib(n - 2, memo)
    memo[n] = value
    return value


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n: int) -> bool:
    return True if n == 0 else is_odd(n - 1)


def is_odd(n: int) -> bool:
    return False if n == 0 else is_even(n - 1)


def permutations(items: str) -> list[str]:
    if len(items) <= 1:
        return [items]
    out: list[str] = []
    for i, c in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append(c + rest)
    return out


def subsets(items: list[int]) -> list[list[int]]:
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


def main() -> None:
    memo: dict[int, int] = {}
    print([fib(n, memo) for n in range(15)], fib(90, memo))
    print([ackermann(m, n) for m in range(3) for n in range(3)], ackermann(2, 3))
    print([is_even(n) for n in range(6)], is_odd(301))
    print(permutations("abc"), len(permutations("abcde")))
    print(subsets([1, 2, 3]))
    print(depth(800))


main()
