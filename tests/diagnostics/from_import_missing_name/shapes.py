# ruff: noqa
"""Imported by main.py; correct on its own."""


class Square:
    def __init__(self, side: int) -> None:
        self.side = side
