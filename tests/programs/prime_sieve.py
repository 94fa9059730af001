"""Primes by trial division (break/continue) and by a sieve over a list of bools."""


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def primes_by_trial(limit: int) -> list[int]:
    found: list[int] = []
    for n in range(2, limit):
        composite = False
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                composite = True
                break
        if composite:
            continue
        found.append(n)
    return found


def sieve(limit: int) -> list[int]:
    marks: list[bool] = []
    for _ in range(limit):
        marks.append(True)
    result: list[int] = []
    for n in range(2, limit):
        if not marks[n]:
            continue
        result.append(n)
        for multiple in range(n * n, limit, n):
            marks[multiple] = False
    return result


def main() -> None:
    trial = primes_by_trial(60)
    sieved = sieve(60)
    line = ""
    for p in trial:
        line = line + str(p) + " "
    print("primes below 60:", line)
    print("count:", len(trial), len(sieved), "largest:", sieved[-1])
    for i in range(len(trial)):
        if trial[i] != sieved[i]:
            print("methods disagree at", i)
    print("is_prime:", is_prime(1), is_prime(2), is_prime(97), is_prime(91), is_prime(7919))
    print("primes below 10000:", len(sieve(10000)))


main()
