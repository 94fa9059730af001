"""A singly linked list of nodes whose `next` is `Node | None`."""


class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None


class LinkedList:
    def __init__(self) -> None:
        self.head: Node | None = None

    def push_front(self, value: int) -> None:
        node = Node(value)
        node.next = self.head
        self.head = node

    def find(self, value: int) -> Node | None:
        node = self.head
        while node is not None and node.value != value:
            node = node.next
        return node

    def reverse(self) -> None:
        previous: Node | None = None
        node = self.head
        while node is not None:
            following = node.next
            node.next = previous
            previous = node
            node = following
        self.head = previous

    def render(self) -> str:
        parts: list[str] = []
        node = self.head
        while node is not None:
            parts.append(str(node.value))
            node = node.next
        return " -> ".join(parts) + " -> None"


def main() -> None:
    items = LinkedList()
    print("empty:", items.render(), items.head is None, items.find(1) is None)
    for value in [5, 8, 13, 21]:
        items.push_front(value)
    print("list:", items.render())
    for wanted in [13, 5, 4]:
        found = items.find(wanted)
        if found is None:
            print(wanted, "not found")
        else:
            print(wanted, "found, is last:", found.next is None)
    items.reverse()
    print("reversed:", items.render())


main()
