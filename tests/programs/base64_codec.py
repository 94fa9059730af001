"""base64 encoding and decoding (standard and URL-safe alphabets) of ASCII,
UTF-8 and binary data, padding lengths 0-2, and the round trip."""
# covers: module-base64, bytes-decode, str-encode, bytes-repr

import base64


def main() -> None:
    for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", "héllo 😀".encode(), bytes([251, 255, 254])]:
        std = base64.b64encode(data)
        url = base64.urlsafe_b64encode(data)
        print(data, std, url, base64.b64decode(std) == data, base64.urlsafe_b64decode(url) == data)
    token = base64.b64encode("user:pässword".encode()).decode()
    print("Basic " + token)
    print(base64.b64decode(token.encode()).decode())
    print(base64.b64decode(b"aGVsbG8="), base64.b64decode(b"d29ybGQ="))


main()
