"""FizzBuzz, plus a generalised version driven by a list of (divisor, word) rules."""


def fizzbuzz(n: int) -> str:
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    else:
        return str(n)


def with_rules(n: int, rules: list[tuple[int, str]]) -> str:
    out = ""
    for divisor, word in rules:
        if n % divisor == 0:
            out = out + word
    if out == "":
        return str(n)
    return out


def main() -> None:
    line: list[str] = []
    for i in range(1, 31):
        line.append(fizzbuzz(i))
    print(" ".join(line))
    rules = [(2, "Fizz"), (3, "Buzz"), (7, "Bazz")]
    for i in range(1, 22):
        print(i, with_rules(i, rules))
    print("negative:", fizzbuzz(-15), fizzbuzz(-9), fizzbuzz(-10), fizzbuzz(-7))


main()
