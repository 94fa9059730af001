# ruff: noqa
"""Functions and methods without a return annotation (only __init__ may omit it)."""


def main():  # error: 5: Function is missing a return type annotation
    print("hello")


class Greeter:
    def __init__(self) -> None:
        self.name = "x"

    def greet(self):  # error: 9: Function is missing a return type annotation
        print(self.name)


main()
