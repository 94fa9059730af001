"""Chained comparisons: a < b < c means a < b and b < c, mixing operators
(a < b > c, a == b != c), with str and int operands, and short-circuiting
on the first false link."""
# covers: chained-comparison, bool-logic, str-compare

def in_range(lo: int, x: int, hi: int) -> bool:
    return lo <= x < hi


def classify(n: int) -> str:
    if n < 0:
        return "negative"
    if 0 <= n < 10:
        return "digit"
    if 10 <= n <= 99:
        return "two digits"
    return "large"


def main() -> None:
    print([in_range(0, x, 3) for x in [-1, 0, 2, 3]])
    print([classify(n) for n in [-5, 0, 9, 10, 99, 100]])
    a, b, c = 1, 2, 3
    print(a < b < c, a < c < b, c > b > a, a < b > a, a == 1 == a, a != b != a, a < b == 2)
    print(a <= a <= a, a < a <= a, 1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 2 < 5)
    print("a" < "b" < "c", "a" <= "a" < "b", "z" > "y" > "x" > "y")
    print(0 <= 5 % 3 < 3, -3 < -3 // 2 < 0, not 1 < 2 < 3)
    x = 7
    print(1 < x < 10 and x != 8, 1 < x < 5 or x == 7)


main()
