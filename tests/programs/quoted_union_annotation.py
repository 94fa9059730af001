"""A forward reference spelled as a quoted union, "Node | None", is the same
type as Optional["Node"] (mypy reads both)."""
# covers: optional, class-fields

class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next


def total(node: "Node | None") -> int:
    result = 0
    while node is not None:
        result += node.value
        node = node.next
    return result


def main() -> None:
    print(total(Node(1, Node(2, Node(3)))), total(None))


main()
