"""str() and repr() of containers, as CPython prints them."""


def main() -> None:
    empty: list[int] = []
    print(empty, [1, -2, 3], ["a", "it's", 'say "hi"'], [True, False])
    nested = [[1, 2], [], [3]]
    print(nested, str(nested), repr(nested))
    pairs: list[tuple[str, int]] = [("x", 1), ("y", 2)]
    print(pairs, pairs[0], (7,), ("solo",))
    table: dict[str, list[int]] = {"odd": [1, 3], "even": [2], "none": []}
    print(table)
    by_id: dict[int, str] = {3: "three", -1: "minus one"}
    no_entries: dict[str, int] = {}
    print(by_id, no_entries)
    maybe: list[str | None] = ["set", None]
    print(maybe, f"{pairs}", f"{by_id!r}")
    raw = [b"\x00ab", b"it's"]
    print(raw, (1, "two", b"3", None, False))
    deep: dict[str, dict[int, tuple[bool, str]]] = {"k": {1: (True, "v")}}
    print(deep)


main()
