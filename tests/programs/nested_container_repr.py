"""str() and repr() of nested containers print like CPython: lists of dicts of
tuples, one-element tuples with their comma, empty containers, None, bools,
negative numbers and strings that need the other quote or escapes."""
# covers: list-repr, dict-repr, tuple-repr, optional, builtin-str, builtin-repr

def main() -> None:
    records: list[dict[str, list[tuple[int, str]]]] = [
        {"pairs": [(1, "one"), (-2, "it's")], "empty": []},
        {},
    ]
    print(records)
    print(str(records) == repr(records))
    maybe: list[str | None] = ["a", None, 'say "hi"', "tab\t", ""]
    print(maybe)
    flags: dict[int, tuple[bool, str]] = {-1: (True, ""), 0: (False, "é")}
    print(flags)
    singles: list[tuple[int]] = [(1,), (2,)]
    print(singles, (5,), ((1, 2), (3,)))
    deep: list[list[list[int]]] = [[[]], [[1], [2, 3]], []]
    print(deep, len(deep), len(deep[1]))
    table: dict[str, dict[str, int]] = {"outer": {"inner": 1}, "none": {}}
    print(table, str(table["outer"]), repr(table["none"]))
    print([b"bytes", b"'q'"], {"k": b"\x00"}, (None, None))
    print(f"{records[0]['pairs'][1]}", str([1, -1]), repr([["'"]]))


main()
