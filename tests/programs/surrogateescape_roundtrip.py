"""Bytes that are not valid UTF-8 survive a decode/encode round trip with
errors="surrogateescape" (how pwc reads header values from the host):
each bad byte becomes one lone surrogate code point, and str operations
treat it like any other character."""
# covers: bytes-decode, str-encode, str-unicode, builtin-repr, exceptions-builtin-messages

def main() -> None:
    for raw in [b"plain", b"caf\xc3\xa9", b"bad\xff", b"\x80\x81", b"mixed \xe2\x82\xac \xfe!"]:
        text = raw.decode("utf-8", "surrogateescape")
        back = text.encode("utf-8", "surrogateescape")
        print(raw, repr(text), len(text), back == raw)
    value = b"token=\xffabc;\xfe".decode("utf-8", errors="surrogateescape")
    name, _, rest = value.partition("=")
    print(name, repr(rest), rest.find("abc"), repr(rest.split(";")), repr(rest[::-1]))
    print(repr(value.upper()), value.startswith("token"), "\udcff" in value)
    try:
        value.encode()
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
    try:
        "lone \ud800".encode("utf-8", "surrogateescape")  # not an escaped byte
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
    # every hex digit in the messages' \uXXXX and 0xXX
    for raw in [b"\xff", b"\xab", b"\xce", b"\x9d"]:
        try:
            raw.decode()
        except UnicodeDecodeError as e:
            print("UnicodeDecodeError:", e)
    for text in ["\udabc", "\ude01", "\ud9f7", "x\udc45\udc36"]:
        try:
            text.encode()
        except UnicodeEncodeError as e:
            print("UnicodeEncodeError:", e)


main()
