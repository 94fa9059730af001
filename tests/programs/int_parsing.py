"""int(text) the way CPython reads base-10 text: signs, surrounding
whitespace, underscores between digits, and the ValueError message quoting
the text, also for the decimal digits of other scripts and Unicode
whitespace (which CPython reads, unlike the ASCII-only "\x1c")."""
# covers: builtin-int-str, exceptions-builtin-messages, builtin-repr, str-strip

def parse(text: str) -> str:
    try:
        return str(int(text))
    except ValueError as e:
        return f"ValueError: {e}"


def main() -> None:
    samples = ["0", "42", "-17", "+8", "  12  ", "\t-3\n", "007", "-0", "1_000",
               "1_2_3", "_1", "1_", "1__0", "", "   ", "+", "-", "12a", "a12",
               "0x1f", "1.5", "1e3", "- 5", "9223372036854775807",
               "-9223372036854775808", "\u0663", "\uff11\uff12", "\u3000 7\u2003",
               "-\u0967_\u0968", "\U0001d7d7\U0001d7ce", "\x851\x85", "\x1c1", "\u00b2",
               "\u2167", "4\u0663.5", "\u212a"]
    for text in samples:
        print(repr(text).ljust(24), parse(text))
    total = 0
    for field in "10, 20,  -5 ,x, 7".split(","):
        try:
            total += int(field)
        except ValueError:
            print("skipping", repr(field))
    print("total", total)
    print(int(str(-123456789)) == -123456789, int(True), int(-7))


main()
