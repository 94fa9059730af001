# ruff: noqa
"""Errors of different kinds in one file, in functions, methods and module code: all reported."""

RETRIES: int = "three"  # error: 16: Incompatible types in assignment (expression has type "str", variable has type "int")


class Client:
    def __init__(self, host: str) -> None:
        self.host = host

    def url(self, path: str) -> str:
        return self.hots + path  # error: 21: "Client" has no attribute "hots"


def connect(host: str, port: int) -> Client:
    if port < 0:
        return None  # error: 16: Incompatible return value type (got "None", expected "Client")
    return Client(hots=host)  # error: 12: Missing positional argument "host" in call to "Client"  # error: 19: Unexpected keyword argument "hots" for "Client"


def main() -> None:
    c = connect("example", "80")  # error: 28: Argument 2 to "connect" has incompatible type "str"; expected "int"
    print(c.url(1))  # error: 17: Argument 1 to "url" of "Client" has incompatible type "int"; expected "str"
    print(undefined)  # error: 11: Name "undefined" is not defined


main()
print(RETRIES + "x")  # error: 7: Unsupported operand types for + ("int" and "str")
