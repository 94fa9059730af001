"""The usual replacement for a mutable default: `None`, then an empty list
created in the function.  The empty list takes the parameter's declared
element type, and the name is a list from there on."""
# covers: defaults-kwargs, optional-narrowing

def collect(item: int, into: list[int] | None = None) -> list[int]:
    if into is None:
        into = []
    into.append(item)
    return into


def tally(word: str, counts: dict[str, int] | None = None) -> dict[str, int]:
    if counts is None:
        counts = {}
    counts[word] = counts.get(word, 0) + 1
    return counts


def main() -> None:
    print(collect(1), collect(2), collect(3, [0]))
    shared = tally("a")
    tally("b", shared)
    tally("a", shared)
    print(shared, tally("z"))


main()
