"""dict[float, V] and set[float]: a price histogram keyed by float, the two
zeros as one key, NaN as a key that finds nothing, KeyError's repr of a
float key, and sets of floats with their operators."""
# covers: float-keys, dict-repr, dict-get, dict-pop, dict-keyerror, set-basics

NAN = float("nan")


def histogram(prices: list[float]) -> dict[float, int]:
    counts: dict[float, int] = {}
    for p in prices:
        counts[p] = counts.get(p, 0) + 1
    return counts


def main() -> None:
    counts = histogram([2.5, 0.1 + 0.2, 2.5, 1e100, 0.3, -1.5, 1e-7, 2.0])
    print(counts, len(counts))
    print(0.3 in counts, 0.1 + 0.2 in counts, counts.get(2.0), counts.get(7.0, -1))
    print(sorted(counts), list(counts.keys()), max(counts.values()))
    print({k: v for k, v in counts.items() if k > 1.0})

    zeros: dict[float, str] = {-0.0: "negative zero"}
    zeros[0.0] = "zero"  # the same key: the first spelling stays
    print(zeros, zeros[-0.0], 0.0 in zeros, zeros.pop(0.0), zeros)

    nans: dict[float, int] = {}
    nans[float("nan")] = 1
    nans[float("inf")] = 2
    nans[float("nan")] = 3  # a NaN equals nothing: a second entry
    print(nans, len(nans), float("nan") in nans, nans.get(float("-inf")))
    try:
        print(nans[1.25])
    except KeyError as e:
        print("KeyError", e)
    print(nans.pop(float("inf")), nans.pop(4.5, 0), len(nans))

    seen: set[float] = {0.5, 1.0, 1 / 2, -0.0}
    seen.add(0.0)
    seen.add(1)
    print(sorted(seen), len(seen), 0.0 in seen, 0.25 in seen)
    halves = {x / 2 for x in range(5)}
    print(sorted(halves), sorted(halves & seen), sorted(halves - seen))
    seen.discard(0.5)
    print(sorted(seen | {2.5}), {1.5} <= halves, set([0.1, 0.1 * 3, 0.3]) == {0.3, 0.1, 0.30000000000000004})


main()
