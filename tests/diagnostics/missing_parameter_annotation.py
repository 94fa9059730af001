# ruff: noqa
"""Parameters without a type annotation (self is the only one that needs none)."""


def add(a, b: int) -> int:  # error: 9: Function is missing a type annotation for argument "a"
    return b


class Greeter:
    def greet(self, name) -> None:  # error: 21: Function is missing a type annotation for argument "name"
        print("hi")


print(add(1, 2))
