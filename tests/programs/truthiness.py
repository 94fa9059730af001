"""Truth values: bool() and `if`/`while`/`not` on ints, strs, bytes, lists,
dicts, None and Optional values; empty and zero are false, all else true."""
# covers: builtin-bool, truthiness, optional, bool-logic, while-loop

def describe(label: str, value: bool) -> None:
    print(f"{label:<14} {value!s:<5} {not value}")


def main() -> None:
    describe("0", bool(0))
    describe("-1", bool(-1))
    describe("''", bool(""))
    describe("' '", bool(" "))
    describe("'0'", bool("0"))
    describe("b''", bool(b""))
    describe("b'\\x00'", bool(b"\x00"))
    empty_list: list[int] = []
    empty_dict: dict[str, int] = {}
    describe("[]", bool(empty_list))
    describe("[0]", bool([0]))
    describe("{}", bool(empty_dict))
    describe("{'': 0}", bool({"": 0}))
    describe("True", bool(True))
    maybe: str | None = None
    describe("None", maybe is not None and bool(maybe))
    for value in [0, 3]:
        print(value, "truthy" if value else "falsy")
    for word in ["", "x"]:
        if not word:
            print(repr(word), "is empty")
        else:
            print(repr(word), "has text")
    stack = [1, 2, 3]
    while stack:
        print("popped", stack.pop())
    counts = {"a": 1}
    if counts:
        print("dict has", len(counts), "keys")


main()
