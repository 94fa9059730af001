# ruff: noqa
# xfail: pwc says 'used before its first assignment'; mypy's wording is 'Name "total" is used before definition'
"""A local read before any assignment to it has run."""


def main() -> None:
    print(total)  # error: 11: Name "total" is used before definition
    total = 3
    print(total)


main()
