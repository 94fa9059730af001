"""str.rsplit(None, maxsplit) splits whitespace runs from the right and
keeps the untouched left part as it is, leading whitespace included."""
# covers: str-rsplit

def main() -> None:
    for text in ["  a b", "  a b  ", "\ta\tb\tc", " x", "a b c", "   "]:
        print(repr(text), text.rsplit(None, 1), text.rsplit(maxsplit=2), text.rsplit(None, 0))
    line = "    return value  # comment"
    code, _, comment = line.rpartition("#")
    print(code.rsplit(None, 1), repr(comment))


main()
