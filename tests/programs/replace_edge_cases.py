"""str.replace with empty patterns, counts (zero, one, negative), overlapping
matches and non-ASCII text."""
# covers: str-replace, str-unicode, builtin-repr

def main() -> None:
    cases = [
        ("abc", "", "-", -1),
        ("", "", "x", -1),
        ("abc", "", "-", 2),
        ("aaaa", "aa", "b", -1),
        ("aaa", "a", "bb", 2),
        ("aaa", "a", "", 0),
        ("banana", "ana", "ANA", -1),
        ("héllo héllo", "é", "e", 1),
        ("😀😀😀", "😀", "☺", -1),
        ("a.b.c", ".", "", -1),
        ("abc", "abcd", "x", -1),
        ("abc", "abc", "", -1),
        ("mississippi", "ss", "SS", 1),
    ]
    for text, old, new, count in cases:
        print(repr(text), repr(old), repr(new), count, "->", repr(text.replace(old, new, count)))
    template = "Dear {name}, your order {id} ships {day}."
    for name, order, day in [("Ann", "17", "Monday"), ("Zoë", "18", "today")]:
        line = template.replace("{name}", name).replace("{id}", order).replace("{day}", day)
        print(line)


main()
