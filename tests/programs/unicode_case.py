"""Case mapping beyond ASCII, as CPython does it: full (unconditional) Unicode mappings."""


def show(word: str) -> None:
    lower = word.lower()
    upper = word.upper()
    print(f"{word} -> lower {lower} ({len(lower)}), upper {upper} ({len(upper)})")


def main() -> None:
    show("ÄÖÜ äöü")
    show("Café")
    show("straße")
    show("İstanbul")
    show("ǅemal")
    show("日本語 ok")
    show("Ⅻ roman")
    print("startswith after lower:", "ÉCOLE".lower().startswith("é"))


main()
