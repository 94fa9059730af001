"""`raise self.error(...)` and `return helper(...)`: the exception comes from
a call, which may itself raise instead of returning one."""
# covers: exceptions-user-classes, exceptions-crossing-functions, class-dispatch, try-except


class ParseError(ValueError):
    pass


class Reader:
    def __init__(self, text: str) -> None:
        self.text = text

    def error(self, message: str) -> ParseError:
        if not message:
            raise KeyError("no message")  # the error itself fails
        return ParseError(f"{message} in {self.text!r}")

    def digit(self, i: int) -> int:
        if not self.text[i].isdigit():
            raise self.error("" if self.text[i] == "?" else "not a digit")
        return int(self.text[i])


class LoudReader(Reader):
    def error(self, message: str) -> ParseError:
        return ParseError(message.upper())


def first_digit(reader: Reader) -> int:
    return reader.digit(0)  # a virtual call's result returned as it is


def main() -> None:
    for reader in [Reader("7x"), Reader("x7"), Reader("?"), LoudReader("x"), Reader("")]:
        try:
            print("digit", first_digit(reader))
        except ParseError as e:
            print("ParseError", e)
        except KeyError as e:
            print("KeyError", e)
        except IndexError as e:
            print("IndexError", e)


main()
