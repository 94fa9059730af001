"""Python evaluates left to right, with one twist: in an assignment the
right-hand side comes before the target's subscript.  Keyword arguments
run in the order they are written, and `x in y` evaluates x first."""
# covers: defaults-kwargs, list-in, dict-in, str-in, list-index

log: list[str] = []


def note(label: str, value: int) -> int:
    log.append(label)
    return value


def text(label: str) -> str:
    log.append(label)
    return label


def combine(a: int, b: int = 0, c: int = 0) -> int:
    return a * 100 + b * 10 + c


def show(title: str) -> None:
    print(title, log)
    log.clear()


def main() -> None:
    items = [0, 0]
    table: dict[str, int] = {}
    items[note("index", 1)] = note("value", 7)
    show("list store:")
    table[text("key")] = note("value", 1)
    show("dict store:")
    print(combine(note("a", 1), c=note("c", 3), b=note("b", 2)))
    show("keywords:")
    print(text("x") in text("xyz"), note("n", 1) in [note("m", 1)], text("k") not in table)
    show("membership:")


main()
