"""Floor division and modulo for every sign combination, checked against the
identity a == (a // b) * b + a % b and the rule that a % b has b's sign."""
# covers: int-floordiv-mod, int-arith, zero-division, tuple-unpack, for-range

def split(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def main() -> None:
    for a in [17, -17, 0, 1, -1, 100]:
        for b in [5, -5, 1, -1, 17, -100]:
            q, r = split(a, b)
            sign_ok = r == 0 or (r > 0) == (b > 0)
            identity = q * b + r == a
            print(f"{a} // {b} = {q}, {a} % {b} = {r}", sign_ok, identity)
    for b in [0]:
        try:
            print(7 // b)
        except ZeroDivisionError as e:
            print("//:", e)
        try:
            print(-7 % b)
        except ZeroDivisionError as e:
            print("%:", e)
    # Divisibility tests through modulo work for negatives too.
    print([n for n in range(-10, 11) if n % 3 == 0])
    print([n % 4 for n in range(-6, 7)])
    print([n // 4 for n in range(-6, 7)])


main()
