"""Caesar and ROT13 with ord/chr on ASCII letters, leaving everything else
(digits, punctuation, non-ASCII) untouched; decoding restores the text."""
# covers: builtin-ord, builtin-chr, str-concat, for-str, int-floordiv-mod, conditional-expr

def shift_char(c: str, k: int) -> str:
    if "a" <= c <= "z":
        return chr((ord(c) - ord("a") + k) % 26 + ord("a"))
    if "A" <= c <= "Z":
        return chr((ord(c) - ord("A") + k) % 26 + ord("A"))
    return c


def caesar(text: str, k: int) -> str:
    out = ""
    for c in text:
        out += shift_char(c, k)
    return out


def main() -> None:
    message = "Hello, World! Zürich 2024 😀"
    for k in [0, 1, 3, 13, 25, 26, -1, -27]:
        encoded = caesar(message, k)
        print(k, encoded, caesar(encoded, -k) == message)
    print(caesar(caesar("Why did the chicken cross the road?", 13), 13))
    print([chr(c) for c in range(ord("a"), ord("a") + 5)], ord(chr(0x1F600)) == 0x1F600)
    for code in [-1, 0x110000]:
        try:
            print(chr(code))
        except ValueError as e:
            print("ValueError:", e)
    for text in ["", "ab"]:
        try:
            print(ord(text))
        except TypeError as e:
            print("TypeError:", e)


main()
