"""Conditional expressions: nested, inside f-strings, comprehensions and
arguments, with only the chosen branch evaluated."""
# covers: conditional-expr, short-circuit, comprehension-list, fstring

def loud(label: str, value: int) -> int:
    print("  evaluating", label)
    return value


def sign(n: int) -> str:
    return "negative" if n < 0 else "zero" if n == 0 else "positive"


def fizzbuzz(n: int) -> str:
    return "FizzBuzz" if n % 15 == 0 else "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else str(n)


def main() -> None:
    print([sign(n) for n in [-2, 0, 3]])
    print(" ".join([fizzbuzz(n) for n in range(1, 16)]))
    for flag in [True, False]:
        print(loud("yes", 1) if flag else loud("no", 2))
    n = 5
    print(f"{n} is {'odd' if n % 2 else 'even'}", max(n, 10) if n > 3 else min(n, 0))
    values = [3, -1, 4, -1, 5]
    print([v if v > 0 else 0 for v in values], [abs(v) if v < 0 else -v for v in values])
    label = "many" if len(values) > 3 else "few"
    print(label, (len(values) if values else 0))


main()
