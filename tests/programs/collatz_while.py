"""While loops: Collatz sequences, digit sums, and loops ended by break."""


def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def digit_sum(n: int) -> int:
    if n < 0:
        n = -n
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total


def first_power_above(base: int, limit: int) -> int:
    value = 1
    while True:
        value *= base
        if value > limit:
            break
    return value


def main() -> None:
    for n in [1, 2, 3, 6, 7, 27, 97]:
        print("collatz", n, "->", collatz_steps(n), "steps")
    longest = 0
    longest_start = 0
    start = 1
    while start < 1000:
        steps = collatz_steps(start)
        if steps > longest:
            longest = steps
            longest_start = start
        start += 1
    print("longest below 1000:", longest_start, longest)
    print("digit sums:", digit_sum(0), digit_sum(9), digit_sum(12345), digit_sum(-9081726354))
    print("first power of 3 above 1000:", first_power_above(3, 1000))
    countdown = 5
    while countdown > 0:
        countdown -= 1
        if countdown == 2:
            continue
        print("countdown", countdown)


main()
