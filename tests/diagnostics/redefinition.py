# ruff: noqa
# xfail: pwc says 'Name "count" already defined with type "int"' and then also reports the assignment as incompatible; mypy reports once: 'Name "count" already defined on line 7'
"""A local annotated twice with different types."""


def main() -> None:
    count: int = 0
    count: str = "zero"  # error: 5: Name "count" already defined on line 7
    print(count)


main()
