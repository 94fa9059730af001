# ruff: noqa
"""A `T | None` value used as a `T` before any check rules out None."""


class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None


def shout(text: str | None) -> str:
    return text.upper()  # error: 17: Item "None" of "str | None" has no attribute "upper"


def second(head: Node) -> int:
    return head.next.value  # error: 22: Item "None" of "Node | None" has no attribute "value"


def first(items: list[int] | None) -> int:
    return items[0]  # error: 12: Value of type "list[int] | None" is not indexable


def after_reassignment(text: str | None) -> str:
    if text is not None:
        text = None
        return text.lower()  # error: 21: Item "None" of "str | None" has no attribute "lower"
    return ""


print(shout("a"), second(Node(1)), first([1]), after_reassignment("b"))
