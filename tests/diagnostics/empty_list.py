# ruff: noqa
"""An empty list or dict whose item type nothing says, where no type is expected."""


def main() -> None:
    print([])  # error: 11: Need type annotation for the empty list
    print(list())  # error: 11: Need type annotation for the empty list
    print(dict())  # error: 11: Need type annotation for the empty dict
    words: list[str] = []
    counts: dict[str, int] = {}
    grid: list[list[int]] = [[], [1]]
    print(len(words), len(counts), len(grid))


main()
