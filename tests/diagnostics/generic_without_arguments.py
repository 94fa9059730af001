# ruff: noqa
# xfail: pwc says 'Missing type parameters for generic type'; current mypy says 'Missing type arguments for generic type "list"'
"""A generic type used without its type arguments."""


def total(values: list) -> int:  # error: 19: Missing type arguments for generic type "list"
    return 0
