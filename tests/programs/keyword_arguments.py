"""Defaults and keyword arguments: positional, by name in any order, mixed,
keyword-only parameters after `*`, defaults on methods and __init__, and
None as the default for a value built inside the function."""
# covers: defaults-kwargs, class-methods, optional, pass-statement

class Formatter:
    def __init__(self, prefix: str = "", width: int = 0) -> None:
        self.prefix = prefix
        self.width = width

    def format(self, value: int, *, sign: bool = False, fill: str = " ") -> str:
        text = ("+" if sign and value > 0 else "") + str(value)
        return self.prefix + fill * (self.width - len(text)) + text


def greet(name: str, greeting: str = "Hello", punctuation: str = "!") -> str:
    return f"{greeting}, {name}{punctuation}"


def collect(item: int, into: list[int] | None = None) -> list[int]:
    if into is None:
        return [item]
    into.append(item)
    return into


def placeholder(flag: bool = False) -> None:
    pass


def main() -> None:
    print(greet("ann"), greet("bob", "Hi"), greet("cy", punctuation="?"))
    print(greet(punctuation=".", name="dee"), greet("eve", greeting="Yo", punctuation=""))
    print(collect(1), collect(2), collect(3, [0]), collect(item=4, into=None))
    f = Formatter()
    g = Formatter("#", width=6)
    print(repr(f.format(42)), repr(g.format(42)), repr(g.format(7, sign=True)))
    print(repr(g.format(-7, fill="0")), repr(Formatter(width=3).format(12345, sign=True, fill="*")))
    placeholder()
    placeholder(flag=True)
    print("placeholders ran")


main()
