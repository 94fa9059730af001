"""@dataclass records: generated __init__ with defaults and default
factories, generated __repr__ for nested records, containers and Optional
fields, == between records, and methods using the fields."""
# covers: dataclass, class-eq, class-str-repr, optional, list-repr

from dataclasses import dataclass, field


@dataclass
class Item:
    sku: str
    qty: int = 1
    note: str | None = None


@dataclass
class Order:
    customer: str
    items: list[Item] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    priority: bool = False

    def total_qty(self) -> int:
        return sum([i.qty for i in self.items])

    def add(self, sku: str, qty: int = 1) -> "Order":
        self.items.append(Item(sku, qty))
        return self


def main() -> None:
    a = Item("A-1")
    b = Item("B-2", 3, "fragile 'glass'")
    print(a, b, repr(a))
    print(a == Item("A-1"), a == Item("A-1", 2), b != a, Item("x", note=None) == Item("x"))
    order = Order("zoë")
    order.add("A-1").add("C-3", 5)
    order.tags["gift"] = 1
    print(order)
    print(order.total_qty(), len(order.items), order.items[1].sku, order.priority)
    empty1, empty2 = Order("x"), Order("x")
    empty1.items.append(a)
    print(empty1, empty2, empty2.items, empty1 == empty2)
    rush = Order(customer="ann", priority=True)
    print(rush, f"{rush.customer!r}", str(rush) == repr(rush))


main()
