# ruff: noqa
"""A generic type used without its type arguments."""


def total(values: list) -> int:  # error: 19: Missing type arguments for generic type "list"
    return 0
