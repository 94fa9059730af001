"""bytes values: indexing yields ints, slicing yields bytes, concatenation,
comparison, iteration, and repr with escapes and quote selection."""
# covers: bytes-index-slice, bytes-concat, bytes-repr, for-bytes, builtin-len, bytes-decode

def checksum(data: bytes) -> int:
    total = 0
    for b in data:
        total = (total * 31 + b) % 65521
    return total


def main() -> None:
    data = b"Hello, \x00\xff world"
    print(data, len(data), data[0], data[-1], data[7], data[8], data[1:5], data[::-4])
    print(data[100:], data[-3:], data + b"!", b"" + b"", data[:2] == b"He", data[:2] != data[:3])
    print(b"a" < b"b", b"ab" < b"abc", b"\xff" > b"\x00", b"" < b"\x00")
    for raw in [b"", b"'", b'"', b"'\"", b"\\", b"\t\n\r", b"\x7f\x80"]:
        print(repr(raw), raw)
    print(checksum(b""), checksum(b"abc"), checksum("héllo".encode()))
    codes = [b for b in b"AZaz09"]
    print(codes, sum(codes), max(codes), min(codes))
    try:
        print(data[len(data)])
    except IndexError as e:
        print("IndexError:", e)
    print(b"caf\xc3\xa9".decode(), len(b"caf\xc3\xa9"), len(b"caf\xc3\xa9".decode()))


main()
