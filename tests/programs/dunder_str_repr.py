"""__str__ and __repr__ on user classes: print and str() use __str__ (falling
back to __repr__), containers and !r use __repr__, and f-strings use
__str__."""
# covers: class-str-repr, list-repr, fstring-conversion, builtin-str, builtin-repr

class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __str__(self) -> str:
        return f"${self.cents // 100}.{self.cents % 100:02}"

    def __repr__(self) -> str:
        return f"Money({self.cents})"


class Tag:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<Tag {self.name!r}>"


def main() -> None:
    price = Money(1234)
    print(price, str(price), repr(price), f"{price}", f"{price!r}")
    print([price, Money(5)], (price,), {"total": price})
    tag = Tag("it's")
    print(tag, str(tag), repr(tag), [tag], f"{tag}")
    wallet: list[Money] = [Money(c) for c in [0, 99, 100, 10001]]
    print(wallet)
    print(", ".join([str(m) for m in wallet]))
    print(str(wallet) == repr(wallet), len(str(wallet)))


main()
