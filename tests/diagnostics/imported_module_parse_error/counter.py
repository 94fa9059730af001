# ruff: noqa
"""Imported by main.py; it uses a statement outside pwc's dialect."""

COUNT = 0


def bump() -> int:
    nonlocal COUNT  # error: 5: 'nonlocal' statements are not supported
    COUNT += 1
    return COUNT
