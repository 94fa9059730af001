"""Dicts keep insertion order: updating a key keeps its place, deleting and
re-inserting moves it to the end, and keys(), values(), items() and
iteration all agree on that order."""
# covers: dict-order, dict-delete, dict-iteration, dict-repr, for-dict

def main() -> None:
    d: dict[str, int] = {}
    for key in ["delta", "alpha", "charlie", "bravo"]:
        d[key] = len(key)
    print(d)
    d["alpha"] = 100
    print("update keeps place", list(d))
    del d["delta"]
    d["delta"] = 0
    print("re-insert goes last", list(d))
    del d["charlie"]
    del d["alpha"]
    d["echo"] = 4
    d["alpha"] = 1
    print(d, len(d))
    print([k for k in d], list(d.keys()), list(d.values()), list(d.items()))
    for key, value in d.items():
        print(key, "->", value)
    for key in d.keys():
        d[key] = d[key] * 2
    print(d)
    numbers: dict[int, str] = {5: "five", -1: "minus one", 0: "zero"}
    del numbers[-1]
    numbers[-1] = "back"
    print(numbers, sorted(numbers), list(numbers.values()))


main()
