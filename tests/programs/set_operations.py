"""Sets of ints and strs: literals, set(), add/discard/remove, membership,
union/intersection/difference/symmetric difference, subset tests, set
comprehensions, and deduplication.  Printed sorted: iteration order is not
part of the comparison (CPython's depends on hashing)."""
# covers: set-basics, set-operators, comprehension-set, builtin-sorted, builtin-len

def main() -> None:
    evens = {n for n in range(10) if n % 2 == 0}
    small = {0, 1, 2, 3}
    print(sorted(evens), sorted(small), len(evens), 4 in evens, 5 in evens, 5 not in evens)
    print(sorted(evens | small), sorted(evens & small), sorted(evens - small), sorted(evens ^ small))
    print(small <= {0, 1, 2, 3, 4}, {1} < small, small == {3, 2, 1, 0}, evens != small)
    seen: set[str] = set()
    duplicates: list[str] = []
    for word in "the cat and the hat and the bat".split():
        if word in seen:
            duplicates.append(word)
        seen.add(word)
    print(sorted(seen), duplicates, len(seen))
    seen.discard("cat")
    seen.discard("zebra")
    seen.remove("hat")
    try:
        seen.remove("hat")
    except KeyError as e:
        print("KeyError:", e)
    print(sorted(seen), len(set([3, 1, 3, 2, 1])), sorted({c for c in "mississippi"}))


main()
