"""Narrowing Optional attributes reached through another narrowed value:
`b is not None and b.next is not None` narrows b.next, and a two-level
path u.next.next narrows like a name does."""
# covers: optional-narrowing, optional

from typing import Optional


class Node:
    def __init__(self, value: int, next: Optional["Node"] = None) -> None:
        self.value = value
        self.next = next


def second(b: Node | None) -> int:
    if b is not None and b.next is not None:
        return b.next.value
    return -1


def third(u: Node) -> int:
    if u.next is not None:
        if u.next.next is not None:
            return u.next.next.value
    return -1


def main() -> None:
    chain = Node(1, Node(2, Node(3)))
    print(second(chain), second(Node(9)), second(None))
    print(third(chain), third(Node(1, Node(2))))


main()
