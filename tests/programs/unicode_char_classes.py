"""The character-class predicates on text from many scripts: which digits are
decimal, digit or only numeric, what counts as a letter, upper or lower case,
title case, an identifier, printable or ASCII, as CPython's Unicode tables say."""
# covers: str-isalpha, str-isdigit, str-isdecimal, str-isnumeric, str-isalnum, str-isspace, str-case-predicates, str-isidentifier, str-isprintable, str-isascii, str-unicode

SAMPLES = [
    "123", "١٢٣", "१२३", "²³", "½", "Ⅻ", "三", "𝟘𝟙",
    "abc", "Ωμέγα", "Привет", "日本語", "ᏣᎳᎩ", "e\u0301", "\u0301",
    "ABC", "ΑΒΓ", "Ǆ", "ǅ", "Hello World", "Hello world", "ǅemal Ǉubljana", "ⒶⒷ", "ⓐⓑ", "ʰ",
    "_private", "naïve", "Zürich2", "2fast", "a-b", "℘x", "x\u00b7y",
    "\u00a0\u2003\u3000", "tab\tend", "line\u2028", "soft\u00adhyphen", "zero\u200bwidth",
    "\ue000", "\u0378", "\udc80", "", "plain ASCII!",
]


def flags(t: str) -> str:
    tests = [t.isalpha(), t.isdecimal(), t.isdigit(), t.isnumeric(), t.isalnum(), t.isspace(),
             t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii()]
    return "".join("x" if test else "." for test in tests)


def main() -> None:
    print("alpha decimal digit numeric alnum space upper lower title ident printable ascii")
    for sample in SAMPLES:
        print(flags(sample), repr(sample))
    words = "Ελλάδα 2024 Ⅻ ½ naïve x_1 日本".split()
    print("letters:", [w for w in words if w.isalpha()])
    print("numbers:", [w for w in words if w.isnumeric()])
    print("names:", [w for w in words if w.isidentifier()])


main()
