"""bytes methods: find, startswith/endswith, split (with and without a
separator), join, strip, hex and bytes.fromhex, bytes(list) and bytes(n),
and `in` for a single byte value."""
# covers: bytes-methods, bytes-repr, bytes-index-slice, bytes-concat

def main() -> None:
    packet = b"  GET /a?b=c HTTP/1.1\r\n"
    line = packet.strip()
    print(line, line.split(), line.split(b" "), line.split(b"?", 1))
    print(line.find(b"/"), line.find(b"HTTP"), line.find(b"zz"), line.startswith(b"GET"), line.endswith(b"1.1"))
    print(b",".join([b"a", b"", b"c"]), b"".join([]), b"-".join([b"x"]))
    print(b"xxhixx".strip(b"x"), b"\t\n data \x0b".strip(), b"".strip(), b"a,,b,".split(b","))
    data = bytes([0, 1, 127, 128, 255])
    print(data, data.hex(), len(data), data[3], bytes(4), bytes([104, 105]))
    print(bytes.fromhex("deadbeef"), bytes.fromhex("00 ff 10"), bytes.fromhex("").hex())
    print(0 in data, 255 in data, 42 in data, 104 in b"hi")
    for text in ["zz", "abc"]:
        try:
            print(bytes.fromhex(text))
        except ValueError as e:
            print("ValueError:", e)
    for values in [[256], [-1]]:
        try:
            print(bytes(values))
        except ValueError as e:
            print("ValueError:", e)
    print(b"k=v".split(b"=") + [b"extra"], b"ab" + bytes(1) + b"cd")


main()
