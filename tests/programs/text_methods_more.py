"""The less common str methods: rfind/index/rindex/count, rsplit,
partition/rpartition, splitlines, zfill, removeprefix/removesuffix,
ljust/rjust/center, capitalize/title and the ASCII is* predicates."""
# covers: str-rfind, str-index, str-count, str-rsplit, str-partition, str-splitlines, str-zfill, str-removeprefix, str-justify, str-capitalize, str-title, str-isdigit, str-isalpha, str-isalnum, str-isspace

def main() -> None:
    text = "one two one three one"
    print(text.rfind("one"), text.rfind("x"), text.rfind(""), text.index("two"), text.rindex("one"))
    print(text.count("one"), text.count("o"), text.count(""), "aaaa".count("aa"), "".count(""))
    for probe in ["four", ""]:
        try:
            print(repr(probe), text.index(probe), text.rindex(probe))
        except ValueError as e:
            print(repr(probe), "ValueError:", e)
    print(text.rsplit(), text.rsplit(" ", 1), text.rsplit(None, 2), "a,b,,c".rsplit(",", 2), "a b  c ".rsplit(maxsplit=1))
    print("k=v=w".partition("="), "k=v=w".rpartition("="), "kv".partition("="), "kv".rpartition("="))
    print("a\nb\r\nc\rd\n\ne".splitlines(), "x\n".splitlines(True), "".splitlines(), "\n".splitlines(), "a\x0bb\x1cc\u2028d".splitlines())
    print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "abc".zfill(2), "".zfill(3), "-".zfill(3))
    print("prefix-body".removeprefix("prefix-"), "body".removeprefix("x"), "file.py".removesuffix(".py"), "a".removesuffix(""))
    print(repr("ab".ljust(5)), repr("ab".rjust(5, ".")), repr("ab".center(7, "*")), repr("abc".center(6)), repr("ab".center(5)), repr("abc".ljust(2)))
    print("hello world".capitalize(), "hELLO".capitalize(), "they're bill's 1st".title(), "".title(), "ab-cd ef".title())
    for s in ["123", "12a", "", "abc", "aBc", "a1", " ", " \t\n", "a b", "_"]:
        print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace())
    try:
        print("a=b".partition(""))
    except ValueError as e:
        print("ValueError:", e)


main()
