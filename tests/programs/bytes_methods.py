"""bytes methods: startswith endswith find split join strip hex fromhex, bytes()."""

raw = b"  GET /index.html HTTP/1.1\r\n  "
print(raw.strip(), raw.strip(b" \r\n"), raw.startswith(b"  GET"), raw.endswith(b"\n  "))
line = raw.strip()
print(line.split(), line.split(b" "), line.split(b"/", 1), line.find(b"HTTP"), line.find(b"x"))
print(b",".join([b"a", b"b", b""]), b"".join([]), line.find(b"/", 5), b"a b  c".split(None, 1))
print(b"\x00\xffab".hex(), bytes.fromhex("00ff 6162"), bytes.fromhex(""))
try:
    bytes.fromhex("0g")
except ValueError as e:
    print("ValueError", e)
print(bytes([104, 105]), bytes(3), bytes(), 104 in b"hi", 120 in b"hi", b"i" in b"hi")
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
for b in b"ok":
    print(b)
