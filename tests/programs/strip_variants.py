"""strip/lstrip/rstrip with default whitespace (ASCII and Unicode) and with an
explicit character set, which strips any of its characters from the ends."""
# covers: str-strip, str-lstrip, str-rstrip, str-unicode, builtin-repr

def main() -> None:
    for text in ["  x  ", "\t\n x \r\x0b\x0c", "\u3000x\u2009", "\xa0\x85x\x1f", "", "   ", "x"]:
        print(repr(text), repr(text.strip()), repr(text.lstrip()), repr(text.rstrip()))
    for text, chars in [("xxhixx", "x"), ("abcba", "ab"), ("www.example.com", "cmowz."),
                        ("<<tag>>", "<>"), ("ééaéé", "é"), ("abc", ""), ("aaa", "a"),
                        ("12300", "0"), ("--=x=--", "-=")]:
        print(repr(text), repr(chars), text.strip(chars), text.lstrip(chars), text.rstrip(chars))
    lines = ["  alpha  ", "beta\n", "\tgamma\t", ""]
    print([line.strip() for line in lines if line.strip()])


main()
