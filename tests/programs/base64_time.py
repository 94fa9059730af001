"""The base64 and time modules."""

import base64
import time

for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", b"\x00\xff\xfe\x01"]:
    enc = base64.b64encode(data)
    url = base64.urlsafe_b64encode(data)
    print(data, enc, url, base64.b64decode(enc) == data, base64.urlsafe_b64decode(url) == data)
print(base64.b64decode(b"aGVs\nbG8=\n"), base64.b64decode(b"Zm9v!YmFy"))
for bad in [b"abc", b"a", b"abcde"]:
    try:
        print(base64.b64decode(bad))
    except ValueError as e:
        print(type(e).__name__, e)
start = time.time_ns()
print(start > 1_600_000_000_000_000_000, time.monotonic_ns() > 0, time.time_ns() >= start)
