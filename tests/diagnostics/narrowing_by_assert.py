# ruff: noqa
"""`assert x is not None` narrows x for the rest of the block: no error here."""


def shout(s: str | None) -> str:
    assert s is not None
    return s.upper()


print(shout("a"))
