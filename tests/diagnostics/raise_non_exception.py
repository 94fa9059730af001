# ruff: noqa
# xfail: pwc says 'Exceptions must derive from BaseException' (CPython's run-time TypeError); mypy says 'Exception must be derived from BaseException'
"""Raising something that is not an exception."""


class Plain:
    pass


def fail(n: int) -> None:
    if n > 0:
        raise Plain()  # error: 15: Exception must be derived from BaseException
    raise "message"  # error: 11: Exception must be derived from BaseException
