# ruff: noqa
"""A base class whose name is bound nowhere."""


class Child(Missing):  # error: 13: Name "Missing" is not defined
    pass
