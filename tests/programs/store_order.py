"""Stores whose value is computed by a call that changes things: a field
store after its value (even when the value rebinds nothing but mutates the
object), chained comparisons, tuple swaps, and dict.get / dict.pop with
defaults whose evaluation changes the dict."""
# covers: class-fields, augmented-assignment, chained-comparison, dict-get, dict-pop, tuple-unpack, optional-narrowing


class Box:
    def __init__(self, n: int) -> None:
        self.n = n
        self.items: list[int] = []
        self.next: "Box | None" = None


def grow(b: Box) -> list[int]:
    b.n += 10
    return [b.n]


def fallback(d: dict[int, Box]) -> Box:
    d[99] = Box(99)
    return Box(-1)


def main() -> None:
    a, b = Box(1), Box(2)
    a.items = grow(a)
    a.next = b
    a.n += 1
    print(a.n, a.items, a.next.n if a.next is not None else None)
    c = a
    c.n *= 3
    c, a = a, b
    c.items = grow(a)
    print(a.n, b.n, c.n, c.items)
    for i in range(-2, 14, 3):
        print(i, 0 <= i < 10, -1 < i <= 5 < 20)
    d = {1: Box(5), 2: Box(6)}
    got = d.get(1)
    print(got.n if got is not None else None, d.get(3))
    taken = d.pop(1, None)
    print(taken.n if taken is not None else None, d.pop(1, None), sorted(d))
    print(d.pop(7, fallback(d)).n, sorted(d))
    counts = {"a": 1}
    counts["a"] += 5
    print(counts.pop("a", 0), counts.pop("a", -3), counts)


main()
