# ruff: noqa
"""A function defined inside another function (closures are not supported yet)."""


def outer(n: int) -> int:
    def inner(m: int) -> int:  # error: 9: nested functions are not supported yet
        return m + n

    return n


class Holder:
    def method(self) -> None:
        def helper() -> None:  # error: 13: nested functions are not supported yet
            pass


print(outer(1))
