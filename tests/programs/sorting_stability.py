"""sorted() and list.sort() are stable: items with equal keys keep their
input order, also with reverse=True (which is not the same as reversing
the sorted list).  Multi-key sorts by successive stable passes."""
# covers: builtin-sorted, list-sort, lambda, tuple-ordering, builtin-reversed

def main() -> None:
    people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 25), ("eve", 40), ("fay", 25)]
    by_age = sorted(people, key=lambda p: p[1])
    print(by_age)
    print(sorted(people, key=lambda p: p[1], reverse=True))
    print(list(reversed(sorted(people, key=lambda p: p[1]))))
    two_pass = sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1])
    print(two_pass)
    words = ["bb", "a", "ccc", "dd", "e", "fff", "gg"]
    print(sorted(words, key=len), sorted(words, key=len, reverse=True))
    in_place = words.copy()
    in_place.sort(key=len)
    print(in_place == sorted(words, key=len), words)
    print(sorted([3, 1, 2], key=lambda v: -v), sorted("hello"), sorted("hello", reverse=True))
    print(sorted([5, -3, 0, -3, 2], key=abs), sorted(["b", "B", "a", "A"], key=lambda s: s.lower()))
    empty: list[int] = []
    print(sorted(empty), sorted([1]), sorted(empty, reverse=True))


main()
