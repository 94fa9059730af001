"""Tuples compare lexicographically: the first differing element decides,
mixed int/str positions compare per position, and sorting lists of tuples
uses that order (also for min and max)."""
# covers: tuple-ordering, builtin-sorted, builtin-min-max, tuple-equality, chained-comparison

def main() -> None:
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (-1, "m"), (2, "a")]
    print(sorted(pairs))
    print(sorted(pairs, reverse=True))
    print(min(pairs), max(pairs))
    for a, b in [((1, "a"), (1, "b")), ((1, "b"), (1, "a")), ((0, "z"), (1, "a")), ((1, "a"), (1, "a"))]:
        print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
    triples = [(3, 1, 2), (3, 1, 1), (1, 9, 9), (3, 0, 5)]
    print(sorted(triples), (1, 2, 3) < (1, 2, 4) < (2, 0, 0))
    versions = ["1.10.0", "1.2.3", "1.2.10", "0.9.9"]
    parsed: list[tuple[int, int, int]] = []
    for v in versions:
        parts = v.split(".")
        parsed.append((int(parts[0]), int(parts[1]), int(parts[2])))
    print(sorted(parsed))
    print([v for _, v in sorted(zip(parsed, versions))])


main()
