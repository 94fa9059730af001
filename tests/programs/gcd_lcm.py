"""Euclid's algorithm (iterative and recursive), lcm, and reducing fractions,
with negative inputs following Python's floor-modulo signs."""
# covers: int-floordiv-mod, recursion, tuple-return, builtin-abs, while-loop

def gcd(a: int, b: int) -> int:
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def gcd_recursive(a: int, b: int) -> int:
    return abs(a) if b == 0 else gcd_recursive(b, a % b)


def lcm(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else abs(a * b) // gcd(a, b)


def reduce(num: int, den: int) -> tuple[int, int]:
    if den == 0:
        raise ZeroDivisionError("fraction with zero denominator")
    g = gcd(num, den)
    if den < 0:
        g = -g
    return num // g, den // g


def main() -> None:
    pairs = [(12, 18), (-12, 18), (12, -18), (0, 5), (5, 0), (17, 5), (1071, 462)]
    for a, b in pairs:
        print(a, b, gcd(a, b), gcd_recursive(a, b), lcm(a, b))
    for num, den in [(6, 8), (-6, 8), (6, -8), (-6, -8), (0, 3), (1, 0)]:
        try:
            n, d = reduce(num, den)
            print(f"{num}/{den} = {n}/{d}")
        except ZeroDivisionError as e:
            print(f"{num}/{den}:", e)
    total = 1
    for k in range(1, 21):
        total = lcm(total, k)
    print("lcm(1..20) =", total)


main()
