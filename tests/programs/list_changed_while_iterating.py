"""A for loop over a list reads each position right after testing it
against the list's length at that moment, as CPython's list iterator does:
items removed in the loop end it early, items appended are visited, a
cleared list stops it; lists of ints, strs and floats alike."""


def shrink(items: list[int]) -> list[int]:
    seen: list[int] = []
    for x in items:
        seen.append(x)
        if x % 2 == 0:
            items.pop()
    return seen


def grow(items: list[str]) -> list[str]:
    seen: list[str] = []
    for word in items:
        seen.append(word)
        if len(items) < 6:
            items.append(word + "!")
    return seen


def halve(values: list[float]) -> float:
    total = 0.0
    for v in values:
        total += v
        if len(values) > 1:
            del values[0]
    return total


def main() -> None:
    print(shrink([1, 2, 3, 4, 5, 6]))
    print(shrink([]))
    print(grow(["a", "b"]))
    print(halve([0.5, 1.25, 2.0, 4.0]))
    items = [10, 20, 30]
    for n in items:
        items.clear()
        print("cleared after", n)
    print(items)


main()
