# ruff: noqa
"""dict() of something that is neither a dict nor (key, value) pairs."""


def main() -> None:
    a = dict(5)  # error: 14: No overload variant of "dict" matches argument type "int"
    b = dict(["ab"])  # error: 14: No overload variant of "dict" matches argument type "list[str]"
    c = dict([(1, 2, 3)])  # error: 14: No overload variant of "dict" matches argument type "list[tuple[int, int, int]]"
    d = dict([("a", 1)])
    e = dict(d)
    print(d, e)


main()
