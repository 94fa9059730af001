# ruff: noqa
"""A variable initialised with an empty list or dict and no annotation."""


def main() -> None:
    names = []  # error: 5: Need type annotation for "names"
    table = {}  # error: 5: Need type annotation for "table"
    rows = [[], []]  # error: 5: Need type annotation for "rows"
    print(len(names), len(table), len(rows))


main()
