"""A stock inventory over dict[str, int]: receive, ship, discontinue, report."""


class OutOfStock(Exception):
    pass


class Inventory:
    def __init__(self) -> None:
        self.stock: dict[str, int] = {}

    def receive(self, item: str, quantity: int) -> None:
        self.stock[item] = self.stock.get(item, 0) + quantity

    def ship(self, item: str, quantity: int) -> None:
        available = self.stock[item]
        if available < quantity:
            raise OutOfStock(f"only {available} of {item} left, {quantity} requested")
        self.stock[item] = available - quantity

    def discontinue(self, item: str) -> int:
        left = self.stock[item]
        del self.stock[item]
        return left

    def report(self) -> None:
        total = 0
        for item, quantity in self.stock.items():
            print(f"  {item}: {quantity}")
            total += quantity
        print(f"  {len(self.stock)} items, {total} units")


def attempt_ship(inventory: Inventory, item: str, quantity: int) -> None:
    try:
        inventory.ship(item, quantity)
        print("shipped", quantity, item)
    except OutOfStock as e:
        print("cannot ship:", str(e))
    except KeyError as e:
        print("unknown item:", str(e))


def main() -> None:
    inventory = Inventory()
    inventory.receive("widget", 10)
    inventory.receive("gadget", 3)
    inventory.receive("widget", 5)
    inventory.report()
    attempt_ship(inventory, "widget", 12)
    attempt_ship(inventory, "gadget", 4)
    attempt_ship(inventory, "gizmo", 1)
    print("discontinued gadget, had", inventory.discontinue("gadget"))
    print("gadget still listed:", "gadget" in inventory.stock)
    attempt_ship(inventory, "gadget", 1)
    inventory.receive("gadget", 1)
    inventory.report()


main()
