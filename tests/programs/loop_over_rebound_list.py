"""A for loop goes over the list its header named, also when the loop (or the
statements before its first read) binds the name to another list; augmented
subscript assignments read their list and index once."""
# covers: list-aliasing, list-methods, for-range, augmented-assignment


def rebind_inside(items: list[int]) -> list[int]:
    seen: list[int] = []
    for item in items:
        seen.append(item)
        items = [item * 10]  # the loop still walks the first list
    return seen + items


def shift(counts: list[int], offset: int) -> list[int]:
    for i in range(len(counts) - offset):
        counts[i + offset] += counts[i] * 2
    return counts


def main() -> None:
    print(rebind_inside([1, 2, 3]))
    words = ["a", "b"]
    for word in words:
        words.append(word.upper()) if len(words) < 4 else None
    print(words)
    print(shift([1, 1, 1, 1, 1], 2))


main()
