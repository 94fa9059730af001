"""dict() of a mapping (a copy: changing it leaves the original alone) and
of an iterable of pairs (later pairs win, the first position stays), the
argument evaluated once."""
# covers: dict-constructor, dict-order


def pairs() -> list[tuple[str, int]]:
    print("pairs evaluated")
    return [("b", 1), ("a", 2), ("b", 3)]


original = dict(pairs())
copy = dict(original)
copy["c"] = 4
del copy["b"]
print(original, copy, original == dict(original))

by_index = dict(enumerate("xyz"))
zipped = dict(zip(["k", "l", "k"], [1.5, 2.5, 3.5]))
nested: dict[str, list[int]] = dict([("evens", [0, 2]), ("odds", [1, 3])])
nested_copy = dict(nested)
nested_copy["evens"].append(4)  # a shallow copy: the lists are shared
print(by_index, zipped, nested)
print(dict(sorted({"z": 1, "y": 2}.items())), len(dict([(1, "a")])))
