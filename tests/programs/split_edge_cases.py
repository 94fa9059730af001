"""str.split with and without a separator: empty strings, leading and trailing
separators, runs of whitespace (incl. Unicode spaces), and maxsplit."""
# covers: str-split, str-rsplit, str-unicode, list-repr

def main() -> None:
    for text in ["", " ", "a", " a  b ", "a\tb\nc\r\nd", "a\u3000b\xa0c\u2003d", "\x1c\x1dx\x85y"]:
        print(repr(text), text.split(), text.split(None, 1))
    for text, sep in [("", ","), ("a,b", ","), (",a,,b,", ","), ("a, b, c", ", "),
                      ("abc", "abc"), ("aaa", "a"), ("a--b--", "--"), ("日,本", ",")]:
        print(repr(text), repr(sep), text.split(sep), text.split(sep, 1), text.split(sep, 0))
    line = "GET /index.html HTTP/1.1"
    parts = line.split(" ")
    method, path, version = parts[0], parts[1], parts[2]
    print(method, path, version)
    key, _, value = "a=b=c".partition("=")
    print(key, value, "a=b=c".split("=", maxsplit=1))
    print(" x  y  z ".split(maxsplit=1), " x  y  z ".split(" ", 2))
    try:
        print("abc".split(""))
    except ValueError as e:
        print("ValueError:", e)


main()
