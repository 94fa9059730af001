"""Generator expressions as the argument of sum/min/max/sorted/any/all/join/list/set."""

calls: list[str] = []


def check(n: int) -> bool:
    calls.append(str(n))
    return n > 2


xs = [1, 2, 3, 4, 5]
print(sum(x * x for x in xs), min(x % 3 for x in xs), max(len(w) for w in ["a", "abc"]))
print(",".join(str(x) for x in xs if x % 2), sorted((-x for x in xs), reverse=True))
print(list(x + 1 for x in xs), sorted(set(x % 2 for x in xs)))
print(any(check(x) for x in xs), calls)
calls.clear()
print(all(check(x) for x in xs), calls)
print(any([]), all([]), any(x > 10 for x in xs), all(x > 0 for x in xs))
print(any(a == b for a in xs for b in [9, 3]), all(a < 10 for a in xs for b in xs if b > a))
words = ["alpha", "beta"]
print(any(w.startswith("b") for w in words), all(w for w in words), any(xs), all([1, 0]))
