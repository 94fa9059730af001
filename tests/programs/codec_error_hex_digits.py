"""The hex digits in UTF-8 codec errors: every digit, 0-9 and a-f, in the
lone surrogate an encode error names and the byte a decode error names."""
# covers: str-encode, bytes-decode, exceptions-builtin-messages


def main() -> None:
    for cp in [0xD800, 0xD9AF, 0xDABC, 0xDBCD, 0xDCDE, 0xDDEF, 0xDEF0, 0xDF12, 0xDF34,
               0xDF56, 0xDF78, 0xDFFF]:
        try:
            ("ab" + chr(cp) + "c").encode()
        except UnicodeEncodeError as e:
            print(e)
    for raw in [b"a\xff", b"\x80", b"\x91", b"ab\xc3", b"\xe2\x28\xa1", b"\xab\xcd", b"\xb9",
                b"\xfa", b"\xf8"]:
        try:
            raw.decode()
        except UnicodeDecodeError as e:
            print(e)


main()
