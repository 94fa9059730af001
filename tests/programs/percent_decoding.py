"""URL query strings: split on & and =, percent-decode %XX escapes to bytes
(as ints) and then UTF-8 by hand into text, '+' as space; malformed
escapes and invalid UTF-8 are reported."""
# covers: str-split, str-partition, str-find, builtin-chr, int-bitwise, list-methods

HEX = "0123456789abcdef"


def hex_value(c: str) -> int:
    v = HEX.find(c.lower())
    if v < 0:
        raise ValueError(f"bad hex digit {c!r}")
    return v


def utf8_to_text(data: list[int]) -> str:
    out = ""
    i = 0
    while i < len(data):
        b = data[i]
        size = 1 if b < 0x80 else 2 if b >> 5 == 6 else 3 if b >> 4 == 14 else 4 if b >> 3 == 30 else 0
        if size == 0 or i + size > len(data):
            raise ValueError(f"invalid utf-8 at byte {i}")
        code = b if size == 1 else b & (0xFF >> (size + 1))
        for k in range(1, size):
            code = (code << 6) | (data[i + k] & 0x3F)
        out += chr(code)
        i += size
    return out


def unquote(text: str) -> str:
    data: list[int] = []
    i = 0
    while i < len(text):
        if text[i] == "%":
            if i + 2 >= len(text):
                raise ValueError(f"truncated escape at {i}")
            data.append(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]))
            i += 3
        else:
            data += [b for b in (" " if text[i] == "+" else text[i]).encode()]
            i += 1
    return utf8_to_text(data)


def parse_query(query: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for part in query.split("&"):
        if part:
            key, _, value = part.partition("=")
            pairs.append((unquote(key), unquote(value)))
    return pairs


def main() -> None:
    for query in ["a=1&b=two+words", "name=Zo%C3%AB&city=K%c3%b8benhavn", "emoji=%F0%9F%98%80&&x=",
                  "flag&k=%3D%26", "bad=%zz", "cut=%4", "broken=%C3", "euro=%E2%82%AC"]:
        try:
            print(query, "->", parse_query(query))
        except ValueError as e:
            print(query, "-> ValueError:", e)


main()
