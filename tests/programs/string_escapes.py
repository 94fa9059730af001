"""String literals: escapes, quotes, triple-quoted text, and output spanning lines."""

BANNER = """+------+
| pwc  |
+------+"""


def main() -> None:
    print("tab:\t|", "newline inside:\nsecond line")
    print("backslash: \\ quote: \" apostrophe: ' both: '\"")
    print('single-quoted with "double" inside')
    print("unicode escapes: \u00e9 \u65e5 \U0001F600 \x41")
    print(BANNER)
    print("banner lines:", len(BANNER.split("\n")), "chars:", len(BANNER))
    raw_len = len("a\\nb")
    cooked_len = len("a\nb")
    print("lengths:", raw_len, cooked_len)
    crlf = "line one\r\nline two"
    parts = crlf.split("\r\n")
    print("crlf split:", len(parts), parts[1])
    print("null char length:", len("a\x00b"))
    print("several", "args", 1, True, "joined by spaces")
    print("trailing spaces kept   ")
    print("   leading spaces kept")
    print(
        "implicitly "
        "concatenated "
        "literal"
    )


main()
