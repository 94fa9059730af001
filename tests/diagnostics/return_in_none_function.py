# ruff: noqa
"""A function declared `-> None` that returns a value."""


def log(message: str) -> None:
    if not message:
        return
    return len(message)  # error: 12: No return value expected


log("x")
