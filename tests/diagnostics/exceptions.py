# ruff: noqa
"""Catching something that is not an exception class; re-raising outside a handler."""


class Plain:
    pass


def fail(n: int) -> None:
    if n > 0:
        raise ValueError("positive")


def guard() -> None:
    try:
        fail(1)
    except Plain:  # error: 12: Exception type must be derived from BaseException
        pass


def reraise() -> None:
    raise  # error: 5: a bare 'raise' is only allowed inside an 'except' block
