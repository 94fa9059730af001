# ruff: noqa
"""Imported by main.py; it uses a statement outside pwc's dialect."""

COUNT = 0


def bump() -> int:
    global COUNT  # error: 5: 'global' statements are not supported
    COUNT += 1
    return COUNT
