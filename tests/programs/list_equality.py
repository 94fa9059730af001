"""== and != on lists, tuples and dicts compare contents, element by
element and recursively; `in`, count() and index() use the same equality."""
# covers: list-equality, dict-equality, tuple-equality, list-methods

def main() -> None:
    print([1, 2] == [1, 2], [1, 2] == [2, 1], [1] != [1, 0])
    print([[1], [2, 3]] == [[1], [2, 3]], [[1], [2]] == [[1], [2, 3]])
    print(["a", "b"] == ["a", "b"], ["a"] == ["A"])
    print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 2}, {1: [2]} == {1: [2]})
    print((1, "x") == (1, "x"), (1, [2]) == (1, [2]), (1, 2) != (1, 3))
    rows = [[1, 2], [3], [1, 2]]
    print(rows.count([1, 2]), rows.index([3]), rows.index([1, 2]))
    names = [("ann", 3), ("bob", 5), ("ann", 3)]
    print(names.count(("ann", 3)), names.index(("bob", 5)))
    e1: list[int] = []
    e2: dict[str, int] = {}
    e3: list[int] = []
    e4: dict[str, int] = {}
    print(e1 == e3, e2 == e4, [e1] == [e3], len(e1) == 0)


main()
