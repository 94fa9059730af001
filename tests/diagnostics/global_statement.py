# ruff: noqa
"""`global` naming what is not a module variable (a parameter named in
`global`, which ruff cannot parse, is tested in test_check_diagnostics.py)."""

COUNT = 0


def f(n: int) -> None:
    global MISSING  # error: 5: Name "MISSING" is not defined


def h() -> None:
    global COUNT
    COUNT = "text"  # error: 13: Incompatible types in assignment (expression has type "str", variable has type "int")


f(1)
h()
