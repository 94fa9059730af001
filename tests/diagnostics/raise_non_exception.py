# ruff: noqa
"""Raising something that is not an exception."""


class Plain:
    pass


def fail(n: int) -> None:
    if n > 0:
        raise Plain()  # error: 15: Exception must be derived from BaseException
    raise "message"  # error: 11: Exception must be derived from BaseException
