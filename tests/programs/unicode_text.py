"""Strings are sequences of code points: len and indexing count code points, not bytes."""


def inspect_text(text: str) -> None:
    encoded = text.encode()
    print(f"{text}: {len(text)} code points, {len(encoded)} UTF-8 bytes")
    if len(text) > 0:
        print("  first:", text[0], "last:", text[-1], "middle:", text[len(text) // 2])


def main() -> None:
    inspect_text("plain")
    inspect_text("héllo")
    inspect_text("日本語")
    inspect_text("emoji 😀!")
    inspect_text("mixed ü日😀a")
    inspect_text("")
    city = "Zürich"
    print("index 1:", city[1], "index -5:", city[-5])
    print("contains ü:", "ü" in city, "contains u:", "u" in city)
    print("find rich:", city.find("rich"), "find ich:", "日本語のテキスト".find("テキ"))
    print("replace:", "naïve café".replace("é", "e").replace("ï", "i"))
    parts = "α,β,γ".split(",")
    print("split:", len(parts), parts[0], parts[2])
    print("joined:", "→".join(parts))
    print("upper:", "grüne 10 m".upper())
    escaped = "caf\u00e9"
    combining = "cafe\u0301"
    print("equal:", escaped == "café", "combining differs:", combining == "café")
    print("combining len:", len("cafe\u0301"))


main()
