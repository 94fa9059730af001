"""len, indexing and slicing count code points, not bytes: accented Latin,
CJK, emoji (4-byte UTF-8) and combining marks side by side."""
# covers: str-unicode, str-index-slice, str-encode, builtin-len, for-str, builtin-enumerate

def describe(s: str) -> None:
    print(repr(s), len(s), len(s.encode()), s[:1], s[-1:], s[::-1])


def main() -> None:
    samples = ["abc", "héllo", "naïve café", "日本語テキスト", "😀👍🏽x", "e\u0301", ""]
    for s in samples:
        describe(s)
    text = "añb😀c中d"
    for i, c in enumerate(text):
        print(i, c, ord(c), text[i] == c, text[i - len(text)] == c)
    print(text[1:4], text[3:], text[-3:-1], text[::2], text[1::3], text[5:1:-1])
    print(text[100:], repr(text[4:4]), text[-100:2], text[2:100])
    try:
        print(text[len(text)])
    except IndexError as e:
        print("IndexError:", e)
    print(text.find("😀"), text.find("c"), text.find("中d"), "😀" in text)


main()
