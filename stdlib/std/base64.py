"""`base64` for pwc programs (standard and URL-safe alphabets), in the dialect.

Decoding follows CPython's default (validate=False): characters outside the
alphabet are skipped; wrong padding raises `Error` (binascii.Error, a
ValueError) with CPython's messages.
"""

_STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


class Error(ValueError):
    """binascii.Error."""


def _encode(data: bytes, alphabet: str) -> bytes:
    out: list[int] = []
    n = len(data)
    i = 0
    while i + 2 < n:
        chunk = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(ord(alphabet[chunk >> 18]))
        out.append(ord(alphabet[(chunk >> 12) & 63]))
        out.append(ord(alphabet[(chunk >> 6) & 63]))
        out.append(ord(alphabet[chunk & 63]))
        i += 3
    if n - i == 1:
        chunk = data[i] << 16
        out.append(ord(alphabet[chunk >> 18]))
        out.append(ord(alphabet[(chunk >> 12) & 63]))
        out.append(61)
        out.append(61)
    elif n - i == 2:
        chunk = (data[i] << 16) | (data[i + 1] << 8)
        out.append(ord(alphabet[chunk >> 18]))
        out.append(ord(alphabet[(chunk >> 12) & 63]))
        out.append(ord(alphabet[(chunk >> 6) & 63]))
        out.append(61)
    return bytes(out)


def _decode(data: bytes, alphabet: str) -> bytes:
    values: list[int] = []
    padding = 0
    for c in data:
        if c == 61:
            padding += 1
            continue
        position = alphabet.find(chr(c))
        if position < 0:
            continue  # not in the alphabet: skipped, as CPython does by default
        if padding > 0:
            # data after padding: CPython stops at the first complete quad
            break
        values.append(position)
    count = len(values)
    if count % 4 == 1:
        raise Error(f"Invalid base64-encoded string: number of data characters ({count}) "
                    "cannot be 1 more than a multiple of 4")
    if count % 4 != 0 and padding < 4 - count % 4:
        raise Error("Incorrect padding")
    out: list[int] = []
    i = 0
    while i + 3 < count:
        chunk = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6) | values[i + 3]
        out.append(chunk >> 16)
        out.append((chunk >> 8) & 255)
        out.append(chunk & 255)
        i += 4
    rest = count - i
    if rest == 2:
        out.append(((values[i] << 18) | (values[i + 1] << 12)) >> 16)
    elif rest == 3:
        chunk = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6)
        out.append(chunk >> 16)
        out.append((chunk >> 8) & 255)
    return bytes(out)


def b64encode(s: bytes) -> bytes:
    return _encode(s, _STANDARD)


def b64decode(s: bytes) -> bytes:
    return _decode(s, _STANDARD)


def urlsafe_b64encode(s: bytes) -> bytes:
    return _encode(s, _URLSAFE)


def urlsafe_b64decode(s: bytes) -> bytes:
    return _decode(s, _URLSAFE)
