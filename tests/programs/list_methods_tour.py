"""Every list method: append/extend/insert (negative and past-the-end
positions), pop with and without index, remove, index, count, copy, clear,
reverse and sort, with the list printed after each step."""
# covers: list-methods, list-sort, list-repr, list-index

def main() -> None:
    items = [3, 1, 2]
    items.append(5)
    print("append", items)
    items.extend([8, 1])
    print("extend", items)
    items.insert(0, 0)
    items.insert(-1, 9)
    items.insert(100, 7)
    items.insert(-100, -1)
    print("insert", items)
    last = items.pop()
    first = items.pop(0)
    middle = items.pop(3)
    from_end = items.pop(-2)
    print("pop", last, first, middle, from_end, items)
    items.remove(1)
    print("remove", items, items.index(1), items.count(1), items.count(42))
    snapshot = items.copy()
    items.reverse()
    print("reverse", items, "copy unchanged", snapshot)
    items.sort()
    print("sort", items)
    items.sort(reverse=True)
    print("sort reverse", items)
    words = ["pear", "Fig", "apple", "kiwi"]
    words.sort(key=len)
    print(words)
    words.sort(key=lambda w: w.lower(), reverse=True)
    print(words)
    items[0] = 100
    items[-1] = -100
    print("assign", items)
    items.clear()
    print("clear", items, len(items))


main()
