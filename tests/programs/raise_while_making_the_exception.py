"""`raise E(...)` whose __init__ raises, and `raise make(...)` whose maker
raises: the exception raised while making it is the one that propagates."""
# covers: exceptions-user-classes, exceptions-crossing-functions, try-except


class E(Exception):
    def __init__(self, n: int) -> None:
        super().__init__(str(10 // n))


def make(n: int) -> E:
    if n > 5:
        raise KeyError("too big")
    return E(n)


def main() -> None:
    for n in [2, 0, 9]:
        try:
            raise E(n) if n < 5 else make(n)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        except KeyError as e:
            print("KeyError", e)
        except E as e:
            print("E", e)
        try:
            raise make(n)
        except ZeroDivisionError as e:
            print("make: ZeroDivisionError", e)
        except KeyError as e:
            print("make: KeyError", e)
        except E as e:
            print("make: E", e)


main()
