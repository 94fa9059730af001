# ruff: noqa
"""A local read before any assignment to it has run."""


def main() -> None:
    print(total)  # error: 11: Name "total" is used before definition
    total = 3
    print(total)


main()
