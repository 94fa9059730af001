"""Repeating sequences with `*` from either side, and `in` on a tuple:
`[0] * n` shares nothing but the element objects (as in CPython, a repeated
inner list is the same list), `n * s` evaluates n first, and `x in (a, b)`
evaluates every item before comparing."""
# covers: seq-repeat, str-repeat, tuple-in


def noisy(tag: str, value: int) -> int:
    print("evaluated", tag)
    return value


def counts(n: int) -> list[int]:
    return [0] * n


def methods(method: str) -> str:
    if method in ("GET", "HEAD"):
        return "safe"
    if method not in ("POST", "PUT", "PATCH"):
        return "other"
    return "unsafe"


print(counts(4), counts(0), counts(-2))
print(3 * "ab", "ab" * 3, "é" * 2, 2 * "😀", "x" * -1 == "")
print(b"\x00\xff" * 2, 2 * b"ab", b"ab" * 0)
print([1, 2] * 3, 2 * ["a"], [1.5] * 2, [True, None] * 2)

grid = [[0] * 3] * 2
grid[0][1] = 7
print(grid, grid[0] is grid[1])
rows = [[0] * 3 for _ in range(2)]
rows[0][1] = 7
print(rows)

print(noisy("left", 2) * [noisy("item", 1)])
print(noisy("first", 1) in (noisy("a", 1), noisy("b", 2)))
print(noisy("x", 9) not in (1, 2, noisy("c", 3)))

for method in ["GET", "HEAD", "POST", "DELETE", "get"]:
    print(method, methods(method))

point = (3, "three")
print(3 in point, "three" in point, 4 in (1, 2.5, 4.0), 2.5 in (1, 2), None in (None,))
empty: tuple[()] = ()
print(1 in empty)

big = [7] * 1000
print(len(big), sum(big), big[999], len("ab" * 5000), len(b"." * 65536))
try:
    print(len("x" * (1 << 40)))
except MemoryError:
    print("MemoryError")
# an empty sequence repeated any number of times, past 32 bits too
print(len("" * (1 << 31)), len(b"" * (1 << 32) * 2), len(counts(0) * (1 << 40)))
