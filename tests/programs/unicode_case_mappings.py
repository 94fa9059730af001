"""Case mapping of text in many scripts, as CPython's full Unicode mappings do it:
one letter may become two (ß, ŉ, ﬃ, İ), the Greek capital sigma lowers to the
final form at the end of a word, title case has digraphs of its own (ǅ), and
casefold() is the caseless form for comparing (Cherokee folds to upper case)."""
# covers: str-lower, str-upper, str-casefold, str-swapcase, str-capitalize, str-title, str-unicode


def show(text: str) -> None:
    print(repr(text))
    for name, mapped in [("lower", text.lower()), ("upper", text.upper()),
                         ("casefold", text.casefold()), ("swapcase", text.swapcase()),
                         ("capitalize", text.capitalize()), ("title", text.title())]:
        print(f"  {name:<10} {mapped} ({len(mapped)})")


def same_caseless(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def main() -> None:
    show("ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΕΙΡΗΝΕΣ")  # capital sigmas inside and at the end of words
    show("ΣΑΣ'. Σ ΑΣ\u0301Α")  # apostrophes and accents are skipped when deciding
    show("Straße, große Maße")
    show("İstanbul ıyi KIŞ")
    show("ǆungla ǅemal ǈubljana")
    show("ﬁnanze ﬀ ŉ ΐ ᾳ ᾼ")
    show("ᏣᎳᎩ ꮳꮃꭹ")
    show("Москва и ёлка")
    show("o'neill mcdonald's 3rd-party x2")
    show("e\u0301cole \u00e9COLE")
    print(same_caseless("STRASSE", "straße"), same_caseless("ꮳꮃꭹ", "ᏣᎳᎩ"),
          same_caseless("Σίσυφος", "ΣΊΣΥΦΟΣ"), "Σίσυφος".lower() == "ΣΊΣΥΦΟΣ".lower())


main()
