"""Encoding str to UTF-8 bytes and decoding back."""


def round_trip(text: str) -> None:
    data = text.encode("utf-8")
    back = data.decode("utf-8")
    print(f"{text}: {len(text)} chars -> {len(data)} bytes -> equal {back == text}")


def main() -> None:
    round_trip("ascii only")
    round_trip("ünïcödé")
    round_trip("𝄞 music")
    round_trip("")
    raw = b"GET /path HTTP/1.1"
    print("bytes len:", len(raw))
    print("decoded:", raw.decode())
    abc = "abc"
    print("bytes equality:", abc.encode() == b"abc", abc.encode() == b"abd")
    header_text = "Content-Length: 42"
    header = header_text.encode()
    text = header.decode()
    name_value = text.split(": ")
    print("name:", name_value[0], "value:", int(name_value[1]) + 1)
    escaped = b"caf\xc3\xa9"
    print("escaped decode:", escaped.decode(), len(escaped.decode()))
    try:
        print(b"bad \xff byte".decode())
    except UnicodeDecodeError as e:
        print(type(e).__name__, str(e))
    try:
        print(b"truncated \xe2\x82".decode("utf-8"))
    except UnicodeDecodeError as e:
        print(type(e).__name__, str(e))


main()
