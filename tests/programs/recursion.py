"""Recursive functions: Fibonacci, gcd, factorial, fast power, mutual recursion."""


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a: int, b: int) -> int:
    if b == 0:
        if a < 0:
            return -a
        return a
    return gcd(b, a % b)


def factorial(n: int) -> int:
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def power(base: int, exponent: int) -> int:
    if exponent == 0:
        return 1
    half = power(base, exponent // 2)
    if exponent % 2 == 0:
        return half * half
    return half * half * base


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def main() -> None:
    for n in [0, 1, 2, 10, 20]:
        print(f"fib({n}) = {fib(n)}")
    print("gcd:", gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(-12, 18), gcd(12, -18))
    print("factorial:", factorial(0), factorial(5), factorial(20))
    print("power:", power(2, 10), power(3, 13), power(-2, 7), power(7, 0), power(2, 62))
    print("even/odd:", is_even(10), is_odd(10), is_even(7), is_odd(7))


main()
