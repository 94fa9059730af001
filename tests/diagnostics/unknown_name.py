# ruff: noqa
"""A name that is bound nowhere: not local, not global, not a builtin."""


def greet(name: str) -> str:
    return f"hello {nme}"  # error: 21: Name "nme" is not defined


def main() -> None:
    total = 0
    print(totl + 1)  # error: 11: Name "totl" is not defined
    print(greet("x"), total)
    undefined_function(total)  # error: 5: Name "undefined_function" is not defined


print(missing_global)  # error: 7: Name "missing_global" is not defined
main()
