"""repr() of exceptions, built-in and user-defined, is the class name and
the repr of the message, as CPython prints it: ValueError('bad')."""
# covers: builtin-repr, exceptions-user-classes

class ConfigError(Exception):
    pass


def main() -> None:
    errors: list[Exception] = [ValueError("bad value"), KeyError("k"), RuntimeError(),
                               ConfigError("missing 'host'"), ZeroDivisionError("division by zero")]
    for e in errors:
        print(type(e).__name__, repr(e), str(e))
    try:
        int("x")
    except ValueError as e:
        print(repr(e))
    print(errors[:2])


main()
