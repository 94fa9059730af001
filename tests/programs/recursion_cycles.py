"""Recursion through cycles of several functions raises RecursionError, even
where the functions on the way can raise nothing else; a recursion as deep
as CPython allows still works."""
# covers: recursion, recursion-error, class-fields, try-except
from __future__ import annotations


class Node:
    def __init__(self, label: str) -> None:
        self.label = label
        self.next: Node | None = None
        self.done = False


def first(node: Node) -> str:
    nxt = node.next
    return node.label if nxt is None else second(nxt)


def second(node: Node) -> str:
    nxt = node.next
    return node.label if nxt is None else third(nxt)


def third(node: Node) -> str:
    nxt = node.next
    if nxt is None:
        return node.label
    label = first(nxt)
    node.done = True  # only once the walk came back
    return label


def chain(length: int) -> Node:
    head = Node("0")
    node = head
    for i in range(1, length):
        node.next = Node(str(i))
        node = node.next
    return head


def short_or_long(n: int, trail: list[str]) -> int:
    """A cycle of two calls and one of four through the same function."""
    if n <= 0:
        return 0
    if n % 3 == 0:
        return long_a(n - 1, trail)
    return short(n - 1, trail)


def short(n: int, trail: list[str]) -> int:
    return 1 + short_or_long(n, trail)


def long_a(n: int, trail: list[str]) -> int:
    return long_b(n, trail) + 1


def long_b(n: int, trail: list[str]) -> int:
    return long_c(n, trail) + 1


def long_c(n: int, trail: list[str]) -> int:
    trail.append("c")
    return 1 + short_or_long(n, trail)


def main() -> None:
    print(first(chain(10)), first(chain(700)))
    ring = chain(5)
    last = ring
    while last.next is not None:
        last = last.next
    last.next = ring  # a cycle: the walk never ends
    for name, start in [("first", first), ("second", second), ("third", third)]:
        try:
            print(start(ring))
        except RecursionError as e:
            print(name, type(e).__name__, e)
    node = ring
    for _ in range(5):
        print(node.label, node.done)
        node = node.next if node.next is not None else node
    trail: list[str] = []
    print(short_or_long(30, trail), len(trail))
    try:
        print(short_or_long(100000, trail))
    except RecursionError as e:
        print("short_or_long", type(e).__name__, e)
    print(first(chain(3)), "still fine after the errors")


main()
