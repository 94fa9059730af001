# ruff: noqa
"""Imported by main.py; it does not parse."""

VALUE: int = (1 +  # error: 14: '(' was never closed
