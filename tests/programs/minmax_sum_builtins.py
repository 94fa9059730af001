"""min, max and sum over lists, strings and tuples: key functions, ties (the
first of equal items wins), default for empty input, several positional
arguments, and the ValueError for an empty sequence without a default."""
# covers: builtin-min-max, builtin-sum, lambda, exceptions-builtin-messages

def main() -> None:
    values = [4, -2, 9, 9, 0, -2]
    print(min(values), max(values), sum(values), sum(values, 100))
    print(min(3, 1, 2), max("pear", "apple", "fig"), min((2, "b"), (2, "a")))
    words = ["kiwi", "fig", "pear", "plum", "date"]
    print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
    print(min("hello"), max("hello"), max(["b", "a", "c"]))
    empty: list[int] = []
    print(min(empty, default=-1), max(empty, default=99), sum(empty))
    for label in ["min", "max"]:
        try:
            print(min(empty) if label == "min" else max(empty))
        except ValueError as e:
            print(label, "ValueError:", e)
    pairs = [(1, "z"), (3, "a"), (3, "b"), (2, "c")]
    print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[1]))
    print(sum([len(w) for w in words]), max([abs(v) for v in values]))


main()
