"""range() counters at the 64-bit edges, and class-body defaults that are zero.

A counter stepping by 1 or -1 is advanced without an overflow check (it
cannot pass its stop); other steps saturate at the edge.  Defaults of 0,
False, 0.0 and None are left to the zero-filled allocation, -0.0 is not.
"""

MAX = 9223372036854775807
MIN = -MAX - 1


class Counters:
    hits: int = 0
    seen: bool = False
    ratio: float = 0.0
    signed: float = -0.0
    label: str | None = None
    total: int = 7


def main() -> None:
    print([i for i in range(MAX - 3, MAX)])
    print([i for i in range(MIN + 3, MIN, -1)])
    print([i - MAX for i in range(MAX - 10, MAX, 4)])
    print([i - MIN for i in range(MIN + 10, MIN, -4)])
    print([i for i in range(3, -3, -1)], [i for i in range(0)])
    count = 0
    for _ in range(MAX - 2, MAX):
        count += 1
    for _ in range(MIN + 2, MIN, -1):
        count += 1
    print(count)
    c = Counters()
    print(c.hits, c.seen, c.ratio, c.signed, c.label, c.total)
    c.hits += 1
    print(c.hits, Counters().hits)


main()
