"""Searching text: find with a start, in / not in, startswith/endswith with
empty and over-long affixes, and counting occurrences by repeated find."""
# covers: str-find, str-in, str-startswith, str-endswith, str-unicode, while-loop

def occurrences(text: str, sub: str) -> list[int]:
    found: list[int] = []
    i = text.find(sub)
    while i >= 0 and sub != "":
        found.append(i)
        i = text.find(sub, i + 1)
    return found


def main() -> None:
    text = "abracadabra"
    print(text.find("a"), text.find("a", 1), text.find("bra", 2), text.find("z"))
    print(text.find(""), text.find("", 5), text.find("", 11), text.find("", 12))
    print(text.find("a", -3), text.find("a", -100), text.find("abra", 7))
    print(occurrences(text, "a"), occurrences(text, "abra"), occurrences(text, "aa"))
    print(occurrences("ééé", "é"), occurrences("aaaa", "aa"), occurrences("", "a"))
    for sub in ["", "cad", "dab", "abc", "A", "abracadabra", "abracadabrax"]:
        print(repr(sub), sub in text, sub not in text, text.startswith(sub), text.endswith(sub))
    print("".startswith(""), "".endswith("x"), "日本".startswith("日"), "日本".endswith("日本"))
    print("x" in "", "" in "", "é" in "cafe", "é" in "café")


main()
