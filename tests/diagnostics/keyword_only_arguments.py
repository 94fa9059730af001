# ruff: noqa
"""A keyword-only parameter passed positionally, and one left out."""


def connect(host: str, *, port: int) -> str:
    return host


print(connect("a", 80))  # error: 20: Too many positional arguments for "connect"
print(connect("a"))  # error: 7: Missing named argument "port" for "connect"
print(connect("a", port=80))
