"""enumerate (with a start), zip (stopping at the shorter input) and reversed
over lists, strings and ranges, alone and combined, in loops and list()."""
# covers: builtin-enumerate, builtin-zip, builtin-reversed, builtin-list, for-range, builtin-range

def main() -> None:
    names = ["ann", "bob", "cy"]
    scores = [90, 72, 85, 60]
    for i, name in enumerate(names):
        print(i, name)
    for i, name in enumerate(names, 1):
        print(f"{i}. {name}")
    print(list(enumerate("ab", 10)), list(zip(names, scores)), list(zip("abc", "xy")))
    for name, score in zip(names, scores):
        print(name, score)
    print(list(reversed(names)), list(reversed("héllo")), list(reversed(range(5))))
    for i, c in enumerate(reversed("abc")):
        print(i, c)
    for name, idx in zip(reversed(names), range(10, 0, -3)):
        print(name, idx)
    empty: list[int] = []
    print(list(enumerate(empty)), list(zip(empty, names)), list(reversed(empty)))
    print(list(range(0)), list(range(5, 0, -2)), list(range(-3, 3)), list(range(0, 10, 4)))
    print([c * i for i, c in enumerate("abc")], list("xyz"))


main()
