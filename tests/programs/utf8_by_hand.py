"""UTF-8 encoding written out by hand with shifts and masks, checked
against str.encode() byte for byte, for code points at every length
boundary."""
# covers: int-bitwise, int-shift, builtin-ord, builtin-chr, str-encode, for-bytes

def encode_point(cp: int) -> list[int]:
    if cp < 0x80:
        return [cp]
    if cp < 0x800:
        return [0xC0 | cp >> 6, 0x80 | cp & 0x3F]
    if cp < 0x10000:
        return [0xE0 | cp >> 12, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F]
    return [0xF0 | cp >> 18, 0x80 | cp >> 12 & 0x3F, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F]


def encode(text: str) -> list[int]:
    out: list[int] = []
    for c in text:
        out += encode_point(ord(c))
    return out


def hex_bytes(data: list[int]) -> str:
    return " ".join([hex(b)[2:].rjust(2, "0") for b in data])


def main() -> None:
    boundaries = [0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xD7FF, 0xE000, 0xFFFD,
                  0xFFFF, 0x10000, 0x1F600, 0x10FFFF]
    for cp in boundaries:
        mine = encode_point(cp)
        theirs = [b for b in chr(cp).encode()]
        print(hex(cp), hex_bytes(mine), mine == theirs, len(chr(cp)))
    text = "Grüße, 世界 😀!"
    print(encode(text) == [b for b in text.encode()], len(encode(text)), len(text))
    print(hex_bytes(encode(text)))


main()
