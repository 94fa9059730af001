"""dict[int, str] basics: insert, overwrite, lookup, membership, get, del, len, order."""


def show(d: dict[int, str]) -> None:
    parts: list[str] = []
    for key, value in d.items():
        parts.append(f"{key}={value}")
    print(f"{len(d)} entries:", " ".join(parts))


def main() -> None:
    names: dict[int, str] = {3: "three", 1: "one"}
    show(names)
    names[2] = "two"
    names[-5] = "minus five"
    show(names)
    names[3] = "THREE"
    print("overwrite keeps position:")
    show(names)
    print("lookup:", names[1], names[-5])
    print("in:", 2 in names, 4 in names)
    print("get with default:", names.get(2, "missing"), names.get(4, "missing"))
    for key in [2, 9]:
        found = names.get(key)
        if found is None:
            print(f"get({key}) is None")
        else:
            print(f"get({key}) is {found}")
    del names[1]
    print("after del 1:")
    show(names)
    names[1] = "one again"
    print("re-added goes last:")
    show(names)
    try:
        print(names[42])
    except KeyError as e:
        print(type(e).__name__, str(e))
    try:
        del names[42]
    except KeyError as e:
        print(type(e).__name__, str(e))
    keys = 0
    for key in names:
        keys += key
    print("sum of keys:", keys)
    squares: dict[int, str] = {}
    for i in range(-3, 4):
        squares[i * i] = str(i)
    show(squares)
    for i in range(0, 10, 2):
        if i in squares:
            del squares[i]
    show(squares)


main()
