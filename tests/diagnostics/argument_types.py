# ruff: noqa
"""An argument whose type does not match its parameter; the error points at the argument."""


def repeat(text: str, times: int) -> str:
    return text * times


class Shelf:
    def __init__(self) -> None:
        self.items: list[str] = []

    def put(self, item: str) -> None:
        self.items.append(item)


def main() -> None:
    print(repeat(3, 2))  # error: 18: Argument 1 to "repeat" has incompatible type "int"; expected "str"
    print(repeat("a", "b"))  # error: 23: Argument 2 to "repeat" has incompatible type "str"; expected "int"
    print(repeat("a", times="2"))  # error: 29: Argument "times" to "repeat" has incompatible type "str"; expected "int"
    s = Shelf()
    s.put(42)  # error: 11: Argument 1 to "put" of "Shelf" has incompatible type "int"; expected "str"
    s.items.append(7)  # error: 20: Argument 1 to "append" of "list[str]" has incompatible type "int"; expected "str"


main()
