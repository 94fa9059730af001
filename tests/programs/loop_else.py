"""for/else and while/else: the else runs when the loop ends without break,
including loops that never run their body; a break skips it."""
# covers: for-else, while-else, break-continue, for-range, for-str

def find_first_multiple(values: list[int], k: int) -> str:
    for v in values:
        if v % k == 0:
            result = f"found {v}"
            break
    else:
        result = "none found"
    return result


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False


def main() -> None:
    print(find_first_multiple([3, 5, 8, 9], 4), find_first_multiple([3, 5], 4), find_first_multiple([], 4))
    print([n for n in range(30) if is_prime(n)])
    for _ in "":
        print("never")
    else:
        print("empty string loop: else ran")
    count = 0
    while count < 0:
        count += 1
    else:
        print("while that never ran: else ran", count)
    for i in range(5):
        if i == 2:
            continue
        print("i", i)
    else:
        print("continue does not skip else")
    for word in ["alpha", "beta", "stop", "gamma"]:
        if word == "stop":
            print("stopping")
            break
        print(word)
    else:
        print("not printed")


main()
