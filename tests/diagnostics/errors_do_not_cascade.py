# ruff: noqa
"""One mistake, one error: a value that already failed to check raises no second error.

Each line below has exactly one mistake (an undefined name, an empty dict)."""


def main() -> None:
    print(len(nope1))  # error: 15: Name "nope1" is not defined
    print(int(nope2))  # error: 15: Name "nope2" is not defined
    for x in nope3:  # error: 14: Name "nope3" is not defined
        pass
    a, b = nope4  # error: 12: Name "nope4" is not defined
    nope5.field = 1  # error: 5: Name "nope5" is not defined
    nope6[0] = 1  # error: 5: Name "nope6" is not defined
    print(-nope7)  # error: 12: Name "nope7" is not defined
    del nope8[0]  # error: 9: Name "nope8" is not defined
    print(nope9 and True)  # error: 11: Name "nope9" is not defined
    print(f"{nope10!r}")  # error: 14: Name "nope10" is not defined
    print(repr(nope11))  # error: 16: Name "nope11" is not defined
    print({})  # error: 11: Need type annotation for the empty dict


main()
