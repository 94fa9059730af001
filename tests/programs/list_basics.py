"""Lists: literals, append, len, indexing (negative too), assignment, iteration."""


def total(values: list[int]) -> int:
    result = 0
    for v in values:
        result += v
    return result


def main() -> None:
    primes = [2, 3, 5, 7]
    print("len:", len(primes), "first:", primes[0], "last:", primes[-1], "second last:", primes[-2])
    primes.append(11)
    primes.append(13)
    print("after append:", len(primes), primes[4], primes[-1])
    print("total:", total(primes))
    primes[0] = 1
    primes[-1] = 17
    print("after assignment:", primes[0], primes[5], total(primes))
    empty: list[int] = []
    print("empty len:", len(empty), "empty total:", total(empty))
    names = ["ann", "bob"]
    names.append("cy")
    line = ""
    for name in names:
        line = line + name + ";"
    print("names:", line)
    index = 0
    while index < len(names):
        print("  name", index, names[index])
        index += 1
    try:
        print(names[3])
    except IndexError as e:
        print(type(e).__name__, str(e))
    try:
        names[-4] = "zed"
    except IndexError as e:
        print(type(e).__name__, str(e))
    flags = [True, False, True]
    print("flags:", flags[0], flags[1], flags[-1])
    counter = [0]
    for _ in range(5):
        counter[0] += 2
    print("counter:", counter[0])


main()
