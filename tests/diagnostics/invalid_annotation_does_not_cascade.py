# ruff: noqa
"""An invalid annotation is reported once; uses of the parameter are not checked against a guessed type."""


def total(values: list) -> int:  # error: 19: Missing type arguments for generic type "list"
    return len(values)


def first(names: list[str] | dict[str, str]) -> str:  # error: 18: union types other than 'T | None' are not supported
    return names[0]


def make() -> Widget:  # error: 15: Name "Widget" is not defined
    return 42


print(total([1]), first(["a"]), make())
