# ruff: noqa
"""Nested functions copy what they capture when they are created: the limits that follow."""


def outer(n: int) -> int:
    total = 0
    total = n

    def uses_total() -> int:
        return total  # error: 16: cannot capture "total": it is assigned more than once

    def uses_later() -> int:
        return later  # error: 16: "later" must be assigned before the function that uses it is created

    later = 5

    def with_default(m: int = 1) -> int:  # error: 22: nested functions take positional parameters without defaults
        return m

    def no_annotation(m) -> int:  # error: 23: Function is missing a type annotation for argument "m"
        return 1

    def no_return_annotation(m: int):  # error: 9: Function is missing a return type annotation
        return 1

    def missing_return(m: int) -> int:  # error: 9: Missing return statement
        if m:
            return 1

    def fine(m: int) -> int:
        return m + n

    return uses_total() + uses_later() + fine(1)


print(outer(1))
