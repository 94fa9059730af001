# ruff: noqa
"""str.format: the template is checked at compile time."""


def main() -> None:
    template = "{}"
    print(template.format(1))  # error: 11: str.format() needs a literal format string
    print("{} {}".format(1))  # error: 11: Replacement index 1 out of range for positional args tuple
    print("{a}".format(b=2))  # error: 11: no keyword argument 'a' for this field
    print("{0}{}".format(1, 2))  # error: 11: cannot switch from manual field specification to automatic field numbering
    print("{".format(1))  # error: 11: Single '{' encountered in format string
    print("{0.real}".format(1))  # error: 11: attribute and index access in a field ('0.real') is not supported
    print("{!a}".format(1))  # error: 11: the conversion '!a' is not supported


main()
