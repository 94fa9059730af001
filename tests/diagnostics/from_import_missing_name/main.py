# ruff: noqa
"""`from module import name` of a name the module does not define: one error, at the import."""

from shapes import Square, triple  # error: 28: Module "shapes" has no attribute "triple"


def main() -> None:
    print(triple(2), Square(3).side)


main()
