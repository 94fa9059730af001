# ruff: noqa
"""A returned value of the wrong type."""


def label(code: int) -> str:
    if code == 200:
        return "ok"
    return code  # error: 12: Incompatible return value type (got "int", expected "str")


def maybe(flag: bool) -> int | None:
    if flag:
        return "yes"  # error: 16: Incompatible return value type (got "str", expected "int | None")
    return None


print(label(200), maybe(True))
