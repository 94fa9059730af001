"""Generator expressions as the single argument of sum, min, max, any, all,
sorted, list and str.join: the same results as the list comprehension."""
# covers: generator-expression, builtin-sum, builtin-min-max, builtin-any-all, str-join

def main() -> None:
    words = ["alpha", "be", "gamma", "", "delta"]
    print(sum(len(w) for w in words), max(len(w) for w in words), min(len(w) for w in words if w))
    print(any(w == "be" for w in words), any(w == "zeta" for w in words))
    print(all(len(w) < 6 for w in words), all(w for w in words))
    print(sorted(len(w) for w in words), list(w[:1] for w in words))
    print("-".join(w.upper() for w in words if w), sum(n * n for n in range(10) if n % 3))
    grid = [[1, 2], [3, 4], [5]]
    print(sum(sum(row) for row in grid), max(len(row) for row in grid))
    empty: list[int] = []
    print(sum(x for x in empty), any(x > 0 for x in empty), all(x > 0 for x in empty))
    print(any([False, True]), all([]), any([]))


main()
