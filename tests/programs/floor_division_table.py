"""A table of floor division and modulo for every sign combination, with the invariant checked."""


def check(a: int, b: int) -> str:
    q = a // b
    r = a % b
    ok = q * b + r == a
    same_sign = r == 0 or (r > 0) == (b > 0)
    return f"{a} // {b} = {q}, {a} % {b} = {r}, invariant {ok}, sign {same_sign}"


def main() -> None:
    divisors = [-7, -3, -1, 1, 2, 3, 7]
    for a in range(-10, 11, 4):
        for b in divisors:
            print(check(a, b))
    print("largest remainder for 7:", 100 % 7, -100 % 7)
    print("largest remainder for -7:", 100 % -7, -100 % -7)


main()
