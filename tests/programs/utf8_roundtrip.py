"""Encoding str to UTF-8 and decoding it back, and the UnicodeDecodeError
messages for invalid, truncated and overlong byte sequences."""
# covers: str-encode, bytes-decode, str-unicode, exceptions-builtin-messages

def try_decode(raw: bytes) -> str:
    try:
        return "ok " + repr(raw.decode())
    except UnicodeDecodeError as e:
        return f"{type(e).__name__}: {e}"


def main() -> None:
    for text in ["", "ascii", "é", "€", "😀", "a\u0000b", "mixed ü€😀"]:
        raw = text.encode()
        print(repr(text), raw, len(raw), raw.decode() == text, text.encode("utf-8") == raw)
    for raw in [b"\xff", b"\x80", b"ab\xc3", b"\xc3\x28", b"\xe2\x82", b"\xe2\x28\xa1",
                b"\xf0\x9f\x98", b"\xc0\xaf", b"\xed\xa0\x80", b"ok\xf8", b"\xf4\x90\x80\x80"]:
        print(raw, try_decode(raw))
    print(b"caf\xc3\xa9 \xe2\x82\xac".decode("utf-8"))


main()
