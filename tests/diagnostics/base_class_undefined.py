# ruff: noqa
# xfail: an undefined base class is reported as '"Missing" cannot be used as a base class' instead of mypy's 'Name "Missing" is not defined'
"""A base class whose name is bound nowhere."""


class Child(Missing):  # error: 13: Name "Missing" is not defined
    pass
