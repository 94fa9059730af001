"""A shopping cart: prices in cents, quantities, discount codes, keyword arguments."""

PRICES: dict[str, int] = {"apple": 45, "bread": 250, "cheese": 699, "coffee": 1199}
DISCOUNTS: dict[str, int] = {"TENOFF": 10, "HALF": 50}


class Cart:
    def __init__(self, member: bool = False) -> None:
        self.member = member
        self.lines: list[tuple[str, int]] = []
        self.discount_percent = 0

    def add(self, item: str, quantity: int = 1) -> None:
        if item not in PRICES:
            raise KeyError(item)
        if quantity <= 0:
            raise ValueError(f"quantity must be positive, got {quantity}")
        self.lines.append((item, quantity))

    def apply_code(self, code: str) -> bool:
        percent = DISCOUNTS.get(code.upper())
        if percent is None:
            return False
        self.discount_percent = percent
        return True

    def total_cents(self) -> int:
        subtotal = 0
        for item, quantity in self.lines:
            subtotal += PRICES[item] * quantity
        percent = self.discount_percent
        if self.member:
            percent += 5
        return subtotal - subtotal * percent // 100


def money(cents: int) -> str:
    rest = str(100 + cents % 100)
    return f"${cents // 100}.{rest[1]}{rest[2]}"


def main() -> None:
    cart = Cart(member=True)
    cart.add("apple", 6)
    cart.add("bread")
    cart.add(quantity=2, item="cheese")
    for attempt in [("caviar", 1), ("coffee", 0), ("coffee", 1)]:
        try:
            cart.add(attempt[0], attempt[1])
            print("added", attempt[0])
        except KeyError as e:
            print("no such item:", str(e))
        except ValueError as e:
            print("rejected:", str(e))
    print("lines:", len(cart.lines), "total:", money(cart.total_cents()))
    print("codes:", cart.apply_code("bogus"), cart.apply_code("tenoff"), money(cart.total_cents()))
    print("empty cart pays", money(Cart().total_cents()), "member:", Cart().member)


main()
