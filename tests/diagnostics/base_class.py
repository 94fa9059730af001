# ruff: noqa
"""Base classes pwc cannot subclass: built-in types, functions; and more than one base."""


def factory() -> None:
    pass


class Number(int):  # error: 14: "int" cannot be used as a base class
    pass


class Made(factory):  # error: 12: "factory" cannot be used as a base class
    pass


class A:
    pass


class B:
    pass


class Both(A, B):  # error: 15: multiple inheritance is not supported
    pass
