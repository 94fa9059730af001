# ruff: noqa
"""`global` naming what is not a module variable, or placed after a use of
the name (CPython's SyntaxError); a parameter named in `global` and an
annotated global, which ruff cannot parse, are tested in
test_check_diagnostics.py."""

COUNT = 0


def f(n: int) -> None:
    global MISSING  # error: 5: Name "MISSING" is not defined


def h() -> None:
    global COUNT
    COUNT = "text"  # error: 13: Incompatible types in assignment (expression has type "str", variable has type "int")



def used_first() -> None:
    print(COUNT)
    global COUNT  # error: 5: name "COUNT" is used prior to global declaration


def assigned_first() -> None:
    COUNT = 1
    global COUNT  # error: 5: name "COUNT" is used prior to global declaration


def declared_first() -> None:
    global COUNT
    print(COUNT)
    COUNT = 3


f(1)
h()
