# ruff: noqa
"""Reading, calling and assigning an attribute a class does not have."""


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def bump(self) -> None:
        self.count += 1


def main() -> None:
    c = Counter()
    print(c.total)  # error: 13: "Counter" has no attribute "total"
    c.reset()  # error: 7: "Counter" has no attribute "reset"
    c.limit = 3  # error: 7: "Counter" has no attribute "limit"
    c.bump()


main()
