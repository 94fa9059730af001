"""Building strings: join on empty, one and many items, with non-ASCII
separators, + in a loop, * repetition (zero and negative counts)."""
# covers: str-join, str-concat, str-repeat, str-unicode, builtin-repr

def table(rows: list[list[str]]) -> str:
    widths: list[int] = []
    for row in rows:
        for i, cell in enumerate(row):
            if i == len(widths):
                widths.append(0)
            widths[i] = max(widths[i], len(cell))
    lines: list[str] = []
    for row in rows:
        cells = [cell + " " * (widths[i] - len(cell)) for i, cell in enumerate(row)]
        lines.append(" | ".join(cells).rstrip())
    return "\n".join(lines)


def main() -> None:
    empty: list[str] = []
    print(repr(",".join(empty)), repr(",".join(["a"])), "·".join(["x", "y", "z"]), "".join(["a", "b"]))
    print(repr("ab" * 0), repr("ab" * -3), "ab" * 3, repr("" * 100), "é" * 4, "-" * 10)
    out = ""
    for i in range(5):
        out += str(i) + ("," if i < 4 else "")
    print(out, len(out))
    print(table([["name", "qty"], ["äpfel", "3"], ["kiwi", "12"], ["日本", ""]]))
    print(", ".join([s.upper() for s in "a b c".split()]))


main()
