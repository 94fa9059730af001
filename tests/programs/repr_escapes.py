"""repr() of strings picks its quote like CPython and escapes control
characters, backslashes and non-printable code points, while printable
non-ASCII text (accents, CJK, emoji) stays as it is."""
# covers: builtin-repr, str-unicode, str-escapes, fstring-conversion

def main() -> None:
    samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash",
               "tab\there", "new\nline", "cr\r", "nul\x00", "bell\x07", "esc\x1b",
               "del\x7f", "c1\x80\x9f", "nbsp\xa0", "soft\xadhyphen", "zero\u200bwidth",
               "line\u2028sep", "bom\ufeff", "private\ue000", "tag\U000e0041",
               "café", "日本", "😀", "", "'", '"', "\\'"]
    for s in samples:
        print(repr(s), len(repr(s)), f"{s!r}")
    print([s for s in samples[:4]])
    print(str("x\ty"), repr(repr("a'b")))


main()
