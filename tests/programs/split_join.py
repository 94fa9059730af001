"""str.split with and without a separator, with maxsplit, and str.join."""


def show(label: str, parts: list[str]) -> None:
    quoted: list[str] = []
    for part in parts:
        quoted.append("<" + part + ">")
    print(f"{label} ({len(parts)}):", " ".join(quoted))


def main() -> None:
    show("whitespace", "  the quick\tbrown \n fox  ".split())
    show("whitespace of empty", "".split())
    show("whitespace of blanks", "   ".split())
    show("comma", "a,b,,c,".split(","))
    show("comma of empty", "".split(","))
    show("multi-char sep", "key::value::rest".split("::"))
    show("sep not found", "abc".split(";"))
    show("maxsplit 1", "a=b=c=d".split("=", 1))
    show("maxsplit 2", "a=b=c=d".split("=", 2))
    show("maxsplit 0", "a=b=c".split("=", 0))
    show("maxsplit keyword", "GET /index.html HTTP/1.1".split(maxsplit=1))
    show("sep keyword", "x|y|z".split(sep="|", maxsplit=1))
    show("whitespace maxsplit", "  one  two  three  ".split(None, 1))
    print("join:", "-".join(["2024", "01", "31"]))
    print("join empty list: [" + ",".join([]) + "]")
    print("join one:", ", ".join(["only"]))
    print("join with empty sep:", "".join(["a", "b", "c"]))
    words = "to be or not to be".split(" ")
    print("round trip:", " ".join(words) == "to be or not to be")


main()
