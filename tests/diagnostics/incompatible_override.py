# ruff: noqa
"""A method overriding its base class's with other parameter or return types."""


class Handler:
    def handle(self, request: str) -> int:
        return 0

    def name(self) -> str:
        return "handler"


class Custom(Handler):
    def handle(self, request: str, retries: int) -> int:  # error: 9: Signature of "handle" incompatible with supertype "Handler"
        return 1

    def name(self) -> int:  # error: 9: Return type "int" of "name" incompatible with return type "str" in supertype "Handler"
        return 2
