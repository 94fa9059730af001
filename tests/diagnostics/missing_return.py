# ruff: noqa
"""A function declared to return a value, with a path that falls off its end."""


def sign(n: int) -> int:  # error: 5: Missing return statement
    if n > 0:
        return 1
    elif n < 0:
        return -1


def describe(n: int) -> str:  # error: 5: Missing return statement
    print(n)


def complete(n: int) -> str:
    if n > 0:
        return "positive"
    else:
        return "not positive"


def bare_return(n: int) -> int:
    if n > 0:
        return  # error: 9: Return value expected
    return n


print(sign(1), describe(2), complete(3), bare_return(4))
