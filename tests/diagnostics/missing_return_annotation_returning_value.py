# ruff: noqa
"""A function that returns a value but has no return annotation: one error, not two."""


def answer():  # error: 5: Function is missing a return type annotation
    return 42


print(answer())
