# ruff: noqa
"""Decorators other than @export and @host_import."""


def trace(x: int) -> int:
    return x


@trace  # error: 2: decorator "trace" is not supported
def work() -> None:
    pass


class Shape:
    @property  # error: 6: decorator "property" is not supported
    def area(self) -> int:
        return 0


@trace  # error: 2: class decorator "trace" is not supported
class Square:
    pass
