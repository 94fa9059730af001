# ruff: noqa
"""A local annotated twice with different types."""


def main() -> None:
    count: int = 0
    count: str = "zero"  # error: 5: Name "count" already defined on line 6
    print(count)


main()
